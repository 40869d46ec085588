"""Typology rendering: the ``{typologi-tabel}`` directive (8 parameters x 3 levels).

The table is built from docutils nodes only, from the packaged typology data file, so the
docs page and the checks can never disagree and no data goes through raw HTML.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from kbtools.data.typology import DATA_FILE
from kbtools.typology import Typology, load_typology


def _row(cells: list[str], *, header: bool = False) -> nodes.row:
    row = nodes.row()
    for index, text in enumerate(cells):
        entry = nodes.entry()
        paragraph = nodes.paragraph()
        if index == 0 and not header:
            paragraph += nodes.strong(text, text)
        else:
            paragraph += nodes.Text(text)
        entry += paragraph
        row += entry
    return row


def typology_table(typology: Typology) -> nodes.table:
    """The 8x3 typology as a docutils table with a caption."""
    table = nodes.table(classes=["kbtools-typologi-tabel"])
    caption = "Typologien: otte parametre og tre grader af integration"
    table += nodes.title(caption, caption)
    group = nodes.tgroup(cols=1 + len(typology.levels))
    group += nodes.colspec(colwidth=22)
    for _ in typology.levels:
        group += nodes.colspec(colwidth=26)
    head = nodes.thead()
    head += _row(
        ["Parameter"] + [f"{level.name} ({level.integration})" for level in typology.levels],
        header=True,
    )
    group += head
    body = nodes.tbody()
    for parameter in typology.parameters:
        body += _row(
            [parameter.name] + [parameter.descriptions[level] for level in typology.level_ids]
        )
    group += body
    table += group
    return table


class TypologiTabel(SphinxDirective):
    """Render the typology table from ``kbtools/data/typologi.yaml``."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        self.env.note_dependency(str(DATA_FILE))
        return [typology_table(load_typology())]


def setup_typology(app: Any) -> None:
    from kbtools.sphinxext.typology_cases import setup_typology_cases

    app.add_directive("typologi-tabel", TypologiTabel)
    setup_typology_cases(app)
