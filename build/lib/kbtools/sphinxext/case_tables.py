"""Table, cell and section nodes shared by the case pages (data only ever as ``nodes.Text``)."""

from __future__ import annotations

from docutils import nodes

from kbtools.typology.views import LevelRef

#: A table cell: its text (or inline nodes, e.g. a link) and an extra CSS class ("" for none).
Cell = tuple[str | nodes.Node, str]


def para_node(text: str, *, strong: bool = False) -> nodes.paragraph:
    paragraph = nodes.paragraph()
    paragraph += nodes.strong(text, text) if strong else nodes.Text(text)
    return paragraph


def row_node(cells: list[Cell]) -> nodes.row:
    row = nodes.row()
    for text, css in cells:
        entry = nodes.entry(classes=[css] if css else [])
        if isinstance(text, nodes.Node):
            entry += nodes.paragraph("", "", text)
        else:
            entry += para_node(text)
        row += entry
    return row


def table_node(
    caption: str, header: list[str], rows: list[list[Cell]], css: str = "kbtools-typologi-case"
) -> nodes.table:
    table = nodes.table(classes=[css])
    table += nodes.title(caption, caption)
    group = nodes.tgroup(cols=len(header))
    for _ in header:
        group += nodes.colspec(colwidth=10)
    group += nodes.thead("", row_node([(text, "") for text in header]))
    group += nodes.tbody("", *(row_node(cells) for cells in rows))
    table += group
    return table


def text_cell(text: str) -> Cell:
    """A plain cell; an empty one shows a dash."""
    return (text or "–", "")


def level_cell(level: LevelRef | None, text: str | None = None) -> Cell:
    """A cell naming a level (``text`` when given), coloured by the level's CSS class."""
    if level is None:
        return text_cell("")
    return (text or level.name, f"kbtools-niveau-{level.id}")


def section_node(document: nodes.document, title: str, *children: nodes.Node) -> nodes.section:
    """A section with a heading (listed in the page's table of contents) and an anchor."""
    section = nodes.section()
    section += nodes.title(title, title)
    section.extend(children)
    document.note_implicit_target(section, section)
    return section
