"""DOCX writer. python-docx is imported here only, so other commands stay fast."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from kbtools.render.model import Bullets, Heading, Paragraph, Rendered, Signature, Table
from kbtools.render.text_writers import DRAFT_TEXT


def to_docx(doc: Rendered) -> bytes:
    import docx

    document = docx.Document()
    core = document.core_properties
    core.title = doc.title
    core.language = "da-DK"
    if doc.draft:
        for section in document.sections:
            header = section.header.paragraphs[0]
            run = header.add_run(DRAFT_TEXT)
            run.bold = True
    for block in doc.blocks:
        _WRITERS[type(block)](document, block)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _heading(document: Any, block: Heading) -> None:
    document.add_heading(block.text, level=block.level if block.level > 1 else 0)


def _paragraph(document: Any, block: Paragraph) -> None:
    document.add_paragraph(block.text)


def _bullets(document: Any, block: Bullets) -> None:
    for item in block.items:
        document.add_paragraph(item, style="List Bullet")


def _table(document: Any, block: Table) -> None:
    document.add_paragraph(block.caption, style="Caption")
    table = document.add_table(rows=1 + len(block.rows), cols=len(block.header))
    table.style = "Table Grid"
    for i, text in enumerate(block.header):
        table.cell(0, i).text = text
    for r, row in enumerate(block.rows, start=1):
        for c, text in enumerate(row):
            table.cell(r, c).text = text


def _signature(document: Any, block: Signature) -> None:
    document.add_heading(block.party, level=3)
    document.add_paragraph(f"Navn: {block.name}")
    document.add_paragraph(f"Titel: {block.title}")
    document.add_paragraph(f"Dato: {block.date}")
    document.add_paragraph("Underskrift: ________________________________")


#: One writer per kind of block in the document model.
_WRITERS: dict[type[Any], Callable[[Any, Any], None]] = {
    Heading: _heading,
    Paragraph: _paragraph,
    Bullets: _bullets,
    Table: _table,
    Signature: _signature,
}
