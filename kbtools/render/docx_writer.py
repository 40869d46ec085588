"""DOCX writer. python-docx is imported here only, so other commands stay fast."""

from __future__ import annotations

import io

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
        if isinstance(block, Heading):
            document.add_heading(block.text, level=block.level if block.level > 1 else 0)
        elif isinstance(block, Paragraph):
            document.add_paragraph(block.text)
        elif isinstance(block, Bullets):
            for item in block.items:
                document.add_paragraph(item, style="List Bullet")
        elif isinstance(block, Table):
            document.add_paragraph(block.caption, style="Caption")
            table = document.add_table(rows=1 + len(block.rows), cols=len(block.header))
            table.style = "Table Grid"
            for i, text in enumerate(block.header):
                table.cell(0, i).text = text
            for r, row in enumerate(block.rows, start=1):
                for c, text in enumerate(row):
                    table.cell(r, c).text = text
        elif isinstance(block, Signature):
            document.add_heading(block.party, level=3)
            document.add_paragraph(f"Navn: {block.name}")
            document.add_paragraph(f"Titel: {block.title}")
            document.add_paragraph(f"Dato: {block.date}")
            document.add_paragraph("Underskrift: ________________________________")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
