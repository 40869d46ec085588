"""A small document model of an agreement, built once and written by each format's writer.

Headings are the schema's titles, so renamed elements follow the schema. Amounts keep the
agreement's own unit (`økonomi.enhed`): cells show the numbers, the table caption says the unit
("Beløb i 1.000 kr."), so the figures match the agreement the parties approved.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kbtools.danish import format_date, format_number, parse_iso_date
from kbtools.schemas import load_schema, resolve


@dataclass
class Heading:
    level: int
    text: str


@dataclass
class Paragraph:
    text: str


@dataclass
class Bullets:
    items: list[str]


@dataclass
class Table:
    caption: str
    header: list[str]
    rows: list[list[str]]
    numeric: bool = True  # columns after the first hold amounts (right-aligned)


@dataclass
class Signature:
    party: str
    name: str
    title: str
    date: str


@dataclass
class Rendered:
    title: str
    draft: bool
    blocks: list[Any] = field(default_factory=list)


def _text(value: Any, parties: dict[str, str]) -> str:
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, (int, float)):
        return format_number(value)
    text = str(value)
    if parse_iso_date(text):
        return format_date(text)
    return parties.get(text, text)


def _years(posts: list[dict[str, Any]]) -> list[str]:
    years = {str(y) for post in posts for y in (post.get("pr_år") or {})}
    return sorted(years)


def _money_table(caption: str, posts: list[Any], unit: str) -> Table:
    posts = [p for p in posts if isinstance(p, dict)]
    years = _years(posts)
    rows, totals = [], dict.fromkeys(years, 0.0)
    for post in posts:
        per_year = {str(k): v for k, v in (post.get("pr_år") or {}).items()}
        total = sum(v for v in per_year.values() if isinstance(v, (int, float)))
        for year in years:
            value = per_year.get(year, 0)
            totals[year] += value if isinstance(value, (int, float)) else 0
        rows.append(
            [str(post.get("navn", ""))]
            + [format_number(per_year[y]) if y in per_year else "–" for y in years]
            + [format_number(total)]
        )
    rows.append(
        ["I alt"]
        + [format_number(totals[y]) for y in years]
        + [format_number(sum(totals.values()))]
    )
    return Table(f"{caption} (beløb i {unit})", ["Post", *years, "I alt"], rows)


def build(data: dict[str, Any], draft: bool = False) -> Rendered:
    schema = load_schema()
    props = schema["properties"]
    parties = {
        str(p.get("id")): str(p.get("navn", p.get("id")))
        for p in data.get("parter") or []
        if isinstance(p, dict)
    }
    doc = Rendered(str(data.get("titel", "Partnerskabsaftale")), draft)
    doc.blocks.append(Heading(1, doc.title))
    for key, node in props.items():
        if key in ("skema", "titel", "lks") or key not in data:
            continue
        node = resolve(schema, node)
        value = data[key]
        doc.blocks.append(Heading(2, str(node.get("title", key))))
        if key == "parter":
            doc.blocks.append(
                Table(
                    "Parter",
                    ["Part", "System", "Kontaktperson"],
                    [
                        [
                            str(p.get("navn", "")),
                            str(p.get("system", "")),
                            ", ".join(_text(v, {}) for v in (p.get("kontakt") or {}).values()),
                        ]
                        for p in value
                        if isinstance(p, dict)
                    ],
                    numeric=False,
                )
            )
        elif key == "økonomi" and isinstance(value, dict):
            unit = str(value.get("enhed", "kr."))
            doc.blocks.append(_money_table("Budget", value.get("budget") or [], unit))
            doc.blocks.append(_money_table("Finansiering", value.get("finansiering") or [], unit))
        elif key == "underskrifter":
            doc.blocks.extend(
                Signature(
                    parties.get(str(s.get("part")), str(s.get("part", ""))),
                    str(s.get("navn", "")),
                    str(s.get("titel", "")),
                    _text(s.get("dato", ""), {}),
                )
                for s in value
                if isinstance(s, dict)
            )
        else:
            _generic(doc, schema, value, node, parties, 3)
    return doc


def _generic(
    doc: Rendered,
    schema: dict[str, Any],
    value: Any,
    node: dict[str, Any],
    parties: dict[str, str],
    level: int,
) -> None:
    node = resolve(schema, node)
    if isinstance(value, dict):
        props = node.get("properties", {})
        for key, sub in value.items():
            subnode = resolve(schema, props.get(key, {}))
            label = str(subnode.get("title", key))
            if isinstance(sub, (dict, list)):
                doc.blocks.append(Heading(min(level, 4), label))
                _generic(doc, schema, sub, subnode, parties, level + 1)
            else:
                doc.blocks.append(Paragraph(f"{label}: {_text(sub, parties)}"))
    elif isinstance(value, list):
        items_node = resolve(schema, node.get("items", {}))
        if all(not isinstance(v, (dict, list)) for v in value):
            doc.blocks.append(Bullets([_text(v, parties) for v in value]))
            return
        props = items_node.get("properties", {})
        lines = []
        for item in value:
            if isinstance(item, dict):
                parts = []
                for key, sub in item.items():
                    label = str(resolve(schema, props.get(key, {})).get("title", key))
                    shown = (
                        "; ".join(_text(v, parties) for v in sub)
                        if isinstance(sub, list)
                        else ", ".join(f"{k} {_text(v, parties)}" for k, v in sub.items())
                        if isinstance(sub, dict)
                        else _text(sub, parties)
                    )
                    parts.append(f"{label}: {shown}".rstrip("."))
                lines.append(". ".join(parts) + ".")
        doc.blocks.append(Bullets(lines))
    else:
        doc.blocks.append(Paragraph(_text(value, parties)))
