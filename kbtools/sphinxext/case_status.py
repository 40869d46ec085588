"""The case page's section »Status år for år«, when the case folder has follow-ups.

Goals over the years (a table: goal × year, the status in words and the value), the budget
against the spending per year, and each year's status note to download (written into the
site by :mod:`kbtools.sphinxext.downloads`). What is shown is decided in
:mod:`kbtools.render.status_years`; this module only lays it out. Case data only ever
becomes ``nodes.Text``.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx import addnodes

from kbtools.render.status_years import StatusYears, YearEntry, status_years
from kbtools.sphinxext.case_tables import Cell, para_node, table_node, text_cell
from kbtools.typology.cases import Case

HEADING = "Status år for år"
#: The section's anchor (»#status-aar-for-aar«), written as the site writes å in addresses.
ANCHOR = "status-aar-for-aar"
#: The reader page about the yearly follow-up, linked from the section when the site has it.
GUIDE = "lks-i-praksis/opfoelgning"


#: How the site names each format of a note.
NOTE_FORMATS = {
    "pdf": "PDF",
    "docx": "Word (docx)",
    "html": "Webside (html)",
    "md": "Markdown (md)",
}


def note_target(case: str, stem: str, fmt: str) -> str:
    """Where the site keeps a year's status note (relative to the site's root)."""
    return f"eksempler/{case}/{stem}.{fmt}"


def entries(case: Case) -> list[YearEntry]:
    """The case's follow-ups, each with the agreement it follows up on."""
    from kbtools.kinds.followup_agreement import agreement_for_followup

    found = []
    for followup in case.followups:
        chosen = agreement_for_followup(followup.file, followup.year).agreement
        data = chosen.data if chosen is not None and isinstance(chosen.data, dict) else None
        found.append(YearEntry(followup.year, followup.file.stem, followup.data, data))
    return found


def status_nodes(
    case: Case, document: nodes.document, env: Any, formats: list[tuple[str, str]]
) -> list[nodes.Node]:
    """The section (none when the case has no follow-ups); ``formats`` are the notes'
    formats the site offers, as (extension, label)."""
    view = status_years(entries(case))
    if view is None:
        return []
    prefix = "../" * env.docname.count("/")
    children: list[nodes.Node] = [para_node(view.intro)]
    children.append(_goals(view))
    if view.money:
        money = table_node(
            view.money_caption,
            ["År", "Budget", "Forbrug", "Brugt"],
            [[text_cell(cell) for cell in row] for row in view.money],
            css="kbtools-status-penge",
        )
        children += [money, para_node(view.over_text)]
    children.append(para_node("Styregruppens statusnotat for hvert år:"))
    items = nodes.bullet_list()
    for year, stem in view.notes:
        line = nodes.paragraph()
        line += nodes.Text(f"Statusnotat {year}: ")
        for i, (fmt, _) in enumerate(formats):
            if i:
                line += nodes.Text(", ")
            target = prefix + note_target(case.name, stem, fmt)
            line += nodes.reference("", NOTE_FORMATS.get(fmt, fmt), refuri=target)
        items += nodes.list_item("", line)
    children.append(items)
    if GUIDE in env.found_docs:
        guide = nodes.paragraph()
        guide += nodes.Text("Sådan følger I op på jeres egen aftale: ")
        link = addnodes.pending_xref(
            "", refdomain="std", reftype="doc", reftarget="/" + GUIDE, refexplicit=True
        )
        link += nodes.inline("", "Opfølgning år for år")
        guide += link
        guide += nodes.Text(".")
        children.append(guide)
    section = nodes.section(ids=[ANCHOR], names=[nodes.fully_normalize_name(HEADING)])
    section += nodes.title(HEADING, HEADING)
    section.extend(children)
    document.note_implicit_target(section, section)
    return [section]


def _goals(view: StatusYears) -> nodes.table:
    return table_node(
        "Målene år for år",
        ["Mål", *view.years],
        [[text_cell(goal), *(_status(*cell) for cell in cells)] for goal, cells in view.goals],
        css="kbtools-status-maal",
    )


def _status(status: str, value: str) -> Cell:
    """The status in bold (»På vej.«), then the value and the comment."""
    cell = nodes.inline()
    cell += nodes.strong(status, status)
    if value:
        cell += nodes.Text(f" {value}")
    return (cell, "")
