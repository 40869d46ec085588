"""A small document model of an agreement, built once and written by each format's writer.

Headings are the schema's titles, so renamed elements follow the schema. Amounts keep the
agreement's own unit (`økonomi.enhed`): cells show the numbers, the table caption says the unit
("Beløb i 1.000 kr."), so the figures match the agreement the parties approved.

Every value is written by :mod:`kbtools.danish` according to what the schema says the field
holds: dates only where the schema declares ``format: date``, party ids as the party's name
only in fields that refer to a party (``x-henvisning``), a minimum time as »20 timer pr.
måned«. ``render --kladde`` renders files with errors, so odd values are written as readable
text too, never as Python reprs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from kbtools.amounts import total
from kbtools.danish import format_field, format_list, format_number, format_value
from kbtools.kinds import AGREEMENT
from kbtools.schemas.annotations import Node, reference_names


@dataclass
class Heading:
    level: int
    text: str
    help: str = ""  # the schema's guidance; only the Word template shows it


@dataclass
class Paragraph:
    text: str
    help: str = ""


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
    parties: list[str] = field(default_factory=list)  # names, for the document's metadata

    @property
    def subject(self) -> str:
        """»Partnerskabsaftale mellem A, B og C« (the document's subject in its metadata)."""
        if not self.parties:
            return "Partnerskabsaftale"
        return "Partnerskabsaftale mellem " + format_list(self.parties)


def _dicts(value: Any) -> list[dict[Any, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


@dataclass(frozen=True)
class _Writer:
    """Writes values of one agreement: knows its party names and its unit for amounts."""

    parties: dict[str, str]
    unit: str
    guide: bool = False

    def help(self, node: Node) -> str:
        return guidance(node) if self.guide else ""

    def show(self, value: Any, node: Node) -> str:
        names = self.parties if node.reference else None
        return format_field(value, node.kind, unit=self.unit, names=names)

    def cell(self, value: Any, node: Node | None = None) -> str:
        """A table cell: empty for a missing value."""
        if value is None:
            return ""
        return self.show(value, node) if node is not None else format_value(value)


def _money_table(caption: str, posts: list[dict[Any, Any]], unit: str) -> Table:
    """A post per row, a year per column, totals summed exactly (in decimal: 1,1 + 2,2 is
    3,3, never 3,3000000000000003)."""
    per_post = [
        {str(year): amount for year, amount in post["pr_år"].items()}
        if isinstance(post.get("pr_år"), dict)
        else {}
        for post in posts
    ]
    years = sorted({year for amounts in per_post for year in amounts})
    rows = []
    for post, amounts in zip(posts, per_post, strict=True):
        rows.append(
            [format_value(post.get("navn", ""))]
            + [format_value(amounts[year]) if year in amounts else "–" for year in years]
            + [format_number(total(amounts.values()))]
        )
    totals = {year: total(amounts.get(year) for amounts in per_post) for year in years}
    rows.append(
        ["I alt"]
        + [format_number(totals[year]) for year in years]
        + [format_number(sum(totals.values(), Decimal(0)))]
    )
    return Table(f"{caption} (beløb i {unit})", ["Post", *years, "I alt"], rows)


#: Signatures come last in every format: nothing may follow what the parties sign.
LAST = "underskrifter"


def guidance(node: Node, named: bool = False) -> str:
    """The schema's guidance for an element: its step in the tringuide and its description
    (after its title when ``named``: the document's title says what it is, not its name)."""
    from kbtools.template import STEP_NAMES

    raw = node.node
    step = raw.get("x-trin")
    parts = [f"{node.title}." if named else ""]
    parts.append(f"Trin {step}: {STEP_NAMES[step]}." if step in STEP_NAMES else "")
    parts.append("Anbefalet element." if raw.get("x-anbefalet") else "")
    parts.append(str(raw.get("description") or ""))
    return " ".join(part for part in parts if part)


def build(data: dict[str, Any], draft: bool = False, guide: bool = False) -> Rendered:
    """The document of agreement ``data``; ``guide`` adds the schema's guidance as help texts."""
    schema = AGREEMENT.schema
    root = Node.of(schema, schema)
    data = data if isinstance(data, dict) else {}
    economy = data.get("økonomi")
    unit = economy.get("enhed") if isinstance(economy, dict) else None
    unit = unit if isinstance(unit, str) and unit else "kr."
    names = reference_names(schema, "parter", data)
    writer = _Writer(names, unit, guide)
    title = data.get("titel")
    doc = Rendered(format_value(title) if title else "Partnerskabsaftale", draft)
    doc.parties = [format_value(p.get("navn")) for p in _dicts(data.get("parter")) if p.get("navn")]
    title_help = guidance(root.child("titel"), named=True) if guide else ""
    doc.blocks.append(Heading(1, doc.title, title_help))
    hidden = {"skema", "titel"} if guide else {"skema", "titel", "lks"}
    keys = [key for key in root.properties() if key != LAST] + [LAST]
    for key in keys:
        if key in hidden or data.get(key) is None:
            continue
        node, value = root.child(key), data[key]
        doc.blocks.append(Heading(2, node.title, writer.help(node)))
        if key == "parter":
            doc.blocks.append(_parties(writer, node, value))
        elif key == "økonomi" and isinstance(value, dict):
            doc.blocks.append(_money_table("Budget", _dicts(value.get("budget")), unit))
            doc.blocks.append(_money_table("Finansiering", _dicts(value.get("finansiering")), unit))
        elif key == LAST:
            doc.blocks.extend(_signatures(writer, node, value))
        else:
            _generic(doc, writer, value, node, 3)
    return doc


def _parties(writer: _Writer, node: Node, value: Any) -> Table:
    items = node.items()
    rows = [
        [
            writer.cell(party.get("navn")),
            writer.cell(party.get("system"), items.child("system")),
            ", ".join(
                writer.show(detail, items.child("kontakt").child(str(key)))
                for key, detail in party["kontakt"].items()
                if detail is not None
            )
            if isinstance(party.get("kontakt"), dict)
            else writer.cell(party.get("kontakt")),
        ]
        for party in _dicts(value)
    ]
    return Table("Parter", ["Part", "System", "Kontaktperson"], rows, numeric=False)


def _signatures(writer: _Writer, node: Node, value: Any) -> list[Signature]:
    items = node.items()
    return [
        Signature(
            writer.cell(signature.get("part"), items.child("part")),
            writer.cell(signature.get("navn")),
            writer.cell(signature.get("titel")),
            writer.cell(signature.get("dato"), items.child("dato")),
        )
        for signature in _dicts(value)
    ]


def _generic(doc: Rendered, writer: _Writer, value: Any, node: Node, level: int) -> None:
    if isinstance(value, dict) and not node.is_value:
        for key, sub in value.items():
            child = node.child(str(key))
            if isinstance(sub, dict | list) and not child.is_value:
                doc.blocks.append(Heading(min(level, 4), child.title, writer.help(child)))
                _generic(doc, writer, sub, child, level + 1)
            else:
                shown = f"{child.title}: {writer.show(sub, child)}"
                doc.blocks.append(Paragraph(shown, writer.help(child)))
    elif isinstance(value, list):
        items = node.items()
        if all(not isinstance(item, dict | list) for item in value):
            doc.blocks.append(Bullets([writer.show(item, items) for item in value]))
        else:
            doc.blocks.append(Bullets([_item_line(writer, item, items) for item in value]))
    else:
        doc.blocks.append(Paragraph(writer.show(value, node)))


def _item_line(writer: _Writer, item: Any, node: Node) -> str:
    """One list item on one line: 'Part: Jobcenter Midtby. Rolle: Indgang til ….'"""
    if not isinstance(item, dict):
        return writer.show(item, node)
    parts = []
    for key, sub in item.items():
        child = node.child(str(key))
        if isinstance(sub, list):
            shown = "; ".join(writer.show(entry, child.items()) for entry in sub)
        else:
            shown = writer.show(sub, child)
        parts.append(f"{child.title}: {shown}".rstrip("."))
    return ". ".join(parts) + "." if parts else format_value(item)
