"""``{fundkoder}``: every finding code kbtools can give, generated from the code registry.

One table per group (loading, file kind, schema, each kind's rules) with the code, its level,
what it means and an example message. Built from docutils nodes only: no text becomes markup.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from kbtools import codes
from kbtools.findings import Code

_HEADER = ("Kode", "Niveau", "Betyder", "Eksempel på en meddelelse")
_WIDTHS = (22, 11, 37, 30)


def _entry(*children: nodes.Node) -> nodes.entry:
    entry = nodes.entry()
    for child in children:
        entry += child
    return entry


def _row(code: Code) -> nodes.row:
    row = nodes.row()
    row += _entry(nodes.paragraph("", "", nodes.literal(code.id, code.id)))
    row += _entry(nodes.paragraph(code.level.value, code.level.value))
    row += _entry(nodes.paragraph(code.meaning, code.meaning))
    row += _entry(nodes.paragraph(code.example, code.example))
    return row


def codes_table(heading: str, group: tuple[Code, ...]) -> nodes.table:
    """One group of codes as a table with ``heading`` as its caption."""
    table = nodes.table(classes=["kbtools-fundkoder"])
    table += nodes.title(heading, heading)
    tgroup = nodes.tgroup(cols=len(_HEADER))
    for width in _WIDTHS:
        tgroup += nodes.colspec(colwidth=width)
    head = nodes.thead()
    header = nodes.row()
    for text in _HEADER:
        header += _entry(nodes.paragraph(text, text))
    head += header
    tgroup += head
    body = nodes.tbody()
    for code in group:
        body += _row(code)
    tgroup += body
    table += tgroup
    return table


class FindingCodesDirective(SphinxDirective):
    """All codes, one table per group, in the registry's order."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        for source in codes.source_files():
            self.env.note_dependency(source)
        codes.registry()  # refuses a code defined twice
        return [codes_table(heading, group) for heading, group in codes.groups()]


def setup_finding_codes(app: Any) -> None:
    app.add_directive("fundkoder", FindingCodesDirective)
