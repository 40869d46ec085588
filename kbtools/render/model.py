"""A small document model of an agreement, built once and written by each format's writer.

The document reads like an agreement: a front block (title; parties, period, version and
case number as :class:`Facts`), a short preamble, numbered sections (»3. Roller og ansvar«,
»3.1 Jobcenter Midtby«) whose clauses are sentences (:mod:`kbtools.render.clauses`), and the
signatures last, :class:`Kept` on one page with the clause before them. Headings are the
schema's titles, so renamed elements follow the schema. Amounts keep the
agreement's own unit (`økonomi.enhed`): cells show the numbers, the table caption says the unit
("Beløb i 1.000 kr."), so the figures match the agreement the parties approved.

Every value is written by :mod:`kbtools.danish` according to what the schema says the field
holds: dates only where the schema declares ``format: date``, party ids as the party's name
only in fields that refer to a party (``x-henvisning``), a minimum time as »20 timer pr.
måned«. ``render --kladde`` renders files with errors, so odd values are written as readable
text too, never as Python reprs.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from kbtools.amounts import exact_sum
from kbtools.danish import format_number, format_value
from kbtools.kinds import AGREEMENT
from kbtools.render.blocks import (
    Bar,
    Bars,
    Bullets,
    Facts,
    Heading,
    Kept,
    Paragraph,
    Rendered,
    Signature,
    Table,
    Writer,
    dicts,
    guidance,
)
from kbtools.render.clauses import WRITERS, generic, period
from kbtools.schemas.annotations import Node, reference_names

__all__ = [
    "Bar",
    "Bars",
    "Bullets",
    "Facts",
    "Heading",
    "Kept",
    "Paragraph",
    "Rendered",
    "Signature",
    "Table",
    "build",
    "guidance",
]

#: What the parties agree to, in the document's own words: it says what the agreement holds
#: (its required elements), nothing about the world outside it.
PREAMBLE = (
    "Parterne er enige om at samarbejde i et partnerskab på de vilkår, der står i denne "
    "aftale. Aftalen beskriver partnerskabets formål, parternes roller og ressourcer, "
    "økonomien og den måde, partnerskabet er organiseret og ledet på."
)
#: Added when the agreement says it is an LKS (``lks: true``; the checks make sure that all
#: three systems are among the parties).
PREAMBLE_LKS = (
    "Partnerskabet er et lokalt koordinerende samarbejde (LKS) mellem beskæftigelse, "
    "uddannelse og erhvervsfremme."
)
#: The sentence above the signatures.
SIGNING = "Parterne tiltræder aftalen med deres underskrift."
#: Shown in the front block, not as sections of their own.
FRONT = ("skema", "titel", "lks", "version", "versionsdato", "sagsnummer")


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
            + [_sum_text(amounts.values())]
        )
    columns = [[amounts[year] for amounts in per_post if year in amounts] for year in years]
    rows.append(
        ["I alt"]
        + [_sum_text(column) for column in columns]
        + [_sum_text(value for column in columns for value in column)]
    )
    return Table(f"{caption} (beløb i {unit})", ["Post", *years, "I alt"], rows)


def _sum_text(values: Iterable[Any]) -> str:
    """The sum in Danish, or »–« when an amount is not a number (:func:`exact_sum`)."""
    found = exact_sum(values)
    return "–" if found is None else format_number(found)


#: Signatures come last in every format: nothing may follow what the parties sign.
LAST = "underskrifter"


def build(data: dict[str, Any], draft: bool = False, guide: bool = False) -> Rendered:
    """The document of agreement ``data``; ``guide`` adds the schema's guidance as help texts."""
    schema = AGREEMENT.schema
    root = Node.of(schema, schema)
    data = data if isinstance(data, dict) else {}
    economy = data.get("økonomi")
    unit = economy.get("enhed") if isinstance(economy, dict) else None
    unit = unit if isinstance(unit, str) and unit else "kr."
    writer = Writer(reference_names(schema, "parter", data), unit, guide)
    title = data.get("titel")
    doc = Rendered(format_value(title) if title else "Partnerskabsaftale", draft)
    doc.parties = [format_value(p.get("navn")) for p in dicts(data.get("parter")) if p.get("navn")]
    doc.blocks = _front(doc, writer, root, data)
    sections = []
    for key in [key for key in root.properties() if key != LAST]:
        if key in FRONT or data.get(key) is None:
            continue
        node, value = root.child(key), data[key]
        blocks: list[Any] = [Heading(2, node.title, writer.help(node))]
        if key == "parter":
            blocks.append(_parties(writer, node, value))
        elif key == "økonomi" and isinstance(value, dict):
            blocks.append(_money_table("Budget", dicts(value.get("budget")), unit))
            blocks.append(_money_table("Finansiering", dicts(value.get("finansiering")), unit))
        else:
            blocks += WRITERS.get(key, generic)(writer, value, node, 3)
        sections.append(blocks)
    signing = _signing(writer, root.child(LAST), data.get(LAST))
    if signing and sections and _short(sections[-1]):
        signing = sections.pop() + signing  # the last clause stays with the signatures
    for blocks in sections:
        doc.blocks += blocks
    if signing:
        doc.blocks.append(Kept(signing))
    number_sections(doc)
    return doc


def _front(doc: Rendered, writer: Writer, root: Node, data: dict[str, Any]) -> list[Any]:
    """Title, facts (parties, period, version, case number) and the preamble."""
    title_help = guidance(root.child("titel"), named=True) if writer.guide else ""
    facts: list[tuple[str, str]] = []
    if doc.parties:
        facts.append(("Parter", doc.author))
    term = data.get("varighed")
    if isinstance(term, dict) and (shown := period(term.get("start"), term.get("slut"))):
        facts.append(("Periode", shown))
    version, dated = data.get("version"), data.get("versionsdato")
    day = writer.show(dated, root.child("versionsdato")) if dated is not None else ""
    if version is not None:
        number = writer.show(version, root.child("version"))
        facts.append(("Version", f"{number} af {day}" if day else number))
    elif day:
        facts.append(("Dato", day))
    if data.get("sagsnummer") is not None:
        facts.append(("Sagsnummer", writer.show(data["sagsnummer"], root.child("sagsnummer"))))
    blocks: list[Any] = [Heading(1, doc.title, title_help)]
    if facts:
        blocks.append(Facts(facts))
    blocks.append(Paragraph(PREAMBLE + (" " + PREAMBLE_LKS if data.get("lks") is True else "")))
    return blocks


def _short(blocks: list[Any]) -> bool:
    """A section that fits beside the signatures: a heading and two paragraphs or a short
    list."""
    return len(blocks) <= 3 and all(
        isinstance(b, Heading | Paragraph) or (isinstance(b, Bullets) and len(b.items) <= 5)
        for b in blocks
    )


def _signing(writer: Writer, node: Node, value: Any) -> list[Any]:
    if value is None:
        return []
    blocks: list[Any] = [Heading(2, node.title, writer.help(node)), Paragraph(SIGNING)]
    signatures = _signatures(writer, node, value)
    return blocks + (signatures if signatures else generic(writer, value, node, 3))


def number_sections(doc: Rendered) -> None:
    """Sections »1. Parter« and their subsections »3.1 Jobcenter Midtby«."""
    section = sub = 0
    for block in doc.flat():
        if isinstance(block, Heading) and block.level == 2:
            section, sub = section + 1, 0
            block.text = f"{section}. {block.text}"
        elif isinstance(block, Heading) and block.level == 3 and section:
            sub += 1
            block.text = f"{section}.{sub} {block.text}"


def _parties(writer: Writer, node: Node, value: Any) -> Table:
    items = node.items()
    contact = items.child("kontakt")
    rows = []
    for party in dicts(value):
        person = party.get("kontakt")
        if isinstance(person, dict):
            shown = ", ".join(
                writer.inline(detail, contact.child(str(key)))
                if key == "titel"
                else writer.show(detail, contact.child(str(key)))
                for key, detail in person.items()
                if detail is not None
            )
        else:
            shown = writer.cell(person)
        rows.append(
            [
                writer.cell(party.get("navn")),
                writer.cell(party.get("system"), items.child("system")),
                shown,
            ]
        )
    return Table("", ["Part", "System", "Kontaktperson"], rows, numeric=False)


def _signatures(writer: Writer, node: Node, value: Any) -> list[Signature]:
    items = node.items()
    return [
        Signature(
            writer.cell(signature.get("part"), items.child("part")),
            writer.cell(signature.get("navn")),
            writer.cell(signature.get("titel")),
            writer.cell(signature.get("dato"), items.child("dato")),
        )
        for signature in dicts(value)
    ]
