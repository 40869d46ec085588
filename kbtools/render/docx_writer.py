"""DOCX writer. python-docx is imported here only, so other commands stay fast.

The document is A4 and Danish (``da-DK`` in every style, so Word checks the spelling in
Danish), names LKS-vidensbasen and the parties in its properties, repeats table headers on
every page and never breaks an amount over two lines. A draft carries KLADDE twice: as text in
the header and as Word's own watermark, large and diagonal behind every page.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import io
import re
from collections.abc import Callable
from typing import Any

from kbtools.render import docx_parts
from kbtools.render.model import Bullets, Heading, Paragraph, Rendered, Signature, Table
from kbtools.render.text_writers import AUTHOR, DRAFT_TEXT

HELP_STYLE = "Hjælpetekst"
_PAGE_CM = (21.0, 29.7, 2.5)  # A4 with 2.5 cm margins
_TEXT_WIDTH_CM = _PAGE_CM[0] - 2 * _PAGE_CM[2]
#: Word's line break (Shift+Enter, U+000B) and page break (U+000C) in a value pasted from Word:
#: a line break in the document, as python-docx writes one for a newline.
_LINE_BREAKS = str.maketrans({"\v": "\n", "\f": "\n"})
#: What an XML file cannot hold at all (C0 controls other than tab and newline, U+FFFE,
#: U+FFFF, lone surrogates): left out, as they show as nothing anyway.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
#: The longest text a core property (title, subject, keywords …) may hold in Office's format.
_PROPERTY_MAX = 255


def to_docx(doc: Rendered, *, template_intro: str = "") -> bytes:
    """``doc`` as a Word document; a template's ``template_intro`` follows its title."""
    import docx

    doc = _word_text(doc)
    template_intro = _word_text(template_intro)
    document = docx.Document()
    docx_parts.drop_template_leftovers(document)
    docx_parts.set_language(document)
    _page_setup(document, doc)
    _properties(document, doc, template=bool(template_intro))
    _help_style(document)
    first = True
    for block in doc.blocks:
        _WRITERS[type(block)](document, block)
        if first and template_intro:
            _help(document, template_intro)
        first = False
    buffer = io.BytesIO()
    document.save(buffer)
    return docx_parts.replace_part(
        buffer.getvalue(), "docProps/app.xml", docx_parts.app_properties(AUTHOR)
    )


def _word_text(value: Any) -> Any:
    """``value`` (the model, a block, a text) with every text made fit for Word's XML."""
    if isinstance(value, str):
        return _NOT_XML.sub("", value.translate(_LINE_BREAKS))
    if isinstance(value, list | tuple):
        return type(value)(_word_text(item) for item in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _word_text(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return dataclasses.replace(value, **changes)
    return value


def _property(text: str) -> str:
    """A core property on one line and within Office's 255 characters (shortened with »…«)."""
    line = " ".join(text.split())
    return line if len(line) <= _PROPERTY_MAX else line[: _PROPERTY_MAX - 1].rstrip() + "…"


def _page_setup(document: Any, doc: Rendered) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    width, height, margin = _PAGE_CM
    for section in document.sections:
        section.page_width, section.page_height = Cm(width), Cm(height)
        section.left_margin = section.right_margin = Cm(margin)
        section.top_margin = section.bottom_margin = Cm(margin)
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        footer.add_run("Side ")
        docx_parts.add_field(footer, "PAGE")
        footer.add_run(" af ")
        docx_parts.add_field(footer, "NUMPAGES")
        if doc.draft:
            header = section.header.paragraphs[0]
            run = header.add_run(DRAFT_TEXT)
            run.bold = True
            run.font.size = Pt(9)
            docx_parts.add_watermark(header, "KLADDE")


def _properties(document: Any, doc: Rendered, template: bool) -> None:
    core = document.core_properties
    now = _dt.datetime.now(_dt.UTC).replace(microsecond=0, tzinfo=None)
    core.title = _property(doc.title)
    core.subject = _property(doc.subject)
    core.keywords = _property(", ".join(["partnerskabsaftale", *doc.parties]))
    core.author = AUTHOR
    core.last_modified_by = AUTHOR
    core.comments = f"Lavet af {AUTHOR} ud fra aftalens YAML-fil."
    core.category = "Partnerskabsaftale"
    status = "Kladde" if doc.draft else "Klar til underskrift"
    core.content_status = "Skabelon" if template else status
    core.language = docx_parts.LANGUAGE
    core.created = core.modified = now
    core.revision = 1


def _help_style(document: Any) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt, RGBColor

    style = document.styles.add_style(HELP_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.italic = True
    style.font.size = Pt(9)
    style.font.color.rgb = RGBColor(0x76, 0x76, 0x76)  # 4.5:1 on white: light, still legible


def _help(document: Any, text: str) -> None:
    if text:
        document.add_paragraph(text, style=HELP_STYLE)


def _heading(document: Any, block: Heading) -> None:
    document.add_heading(block.text, level=block.level if block.level > 1 else 0)
    _help(document, block.help)


def _paragraph(document: Any, block: Paragraph) -> None:
    document.add_paragraph(block.text)
    _help(document, block.help)


def _bullets(document: Any, block: Bullets) -> None:
    for item in block.items:
        document.add_paragraph(item, style="List Bullet")


def column_widths(block: Table, total: float = _TEXT_WIDTH_CM) -> list[float]:
    """Widths in cm: every column at least as wide as its longest word (its whole text for
    amounts, which never wrap), the rest of the line shared by how much text a column holds."""
    per_char, padding = 0.25, 0.5  # cm per character at 10 pt (bold, wide fonts), margins
    columns = list(zip(block.header, *block.rows, strict=False))
    minimum, wanted = [], []
    for i, cells in enumerate(columns):
        whole = i > 0 and block.numeric
        words = [len(cell) if whole else max(map(len, cell.split()), default=0) for cell in cells]
        minimum.append(max(words, default=0) * per_char + padding)
        wanted.append(max(map(len, cells), default=0) * per_char + padding)
    spare = total - sum(minimum)
    extra = [w - m for w, m in zip(wanted, minimum, strict=True)]
    if spare <= 0 or not sum(extra):
        return minimum
    share = min(1.0, spare / sum(extra))
    widths = [m + e * share for m, e in zip(minimum, extra, strict=True)]
    left = total - sum(widths)
    return [w + left * (w / sum(widths)) for w in widths]


def _table(document: Any, block: Table) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    caption = document.add_paragraph(block.caption, style="Caption")
    caption.paragraph_format.keep_with_next = True
    table = document.add_table(rows=1 + len(block.rows), cols=len(block.header))
    table.style = "Table Grid"
    table.autofit = False
    widths = column_widths(block)
    for i, width in enumerate(widths):
        table.columns[i].width = Cm(width)
    for r, texts in enumerate([block.header, *block.rows]):
        row = table.rows[r]
        docx_parts.keep_row_together(row)
        bold = r == 0 or (block.numeric and r == len(block.rows) and texts[0] == "I alt")
        for c, text in enumerate(texts):
            cell = row.cells[c]
            cell.width = Cm(widths[c])
            paragraph = cell.paragraphs[0]
            run = paragraph.add_run(text)
            run.bold, run.font.size = bold, Pt(10)
            if c > 0 and block.numeric:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                docx_parts.no_wrap(cell)
    docx_parts.repeat_header_row(table.rows[0])


def _signature(document: Any, block: Signature) -> None:
    heading = document.add_heading(block.party, level=3)
    heading.paragraph_format.keep_with_next = True
    lines = [
        f"Navn: {block.name}",
        f"Titel: {block.title}",
        f"Dato: {block.date}",
        "Underskrift: ________________________________",
    ]
    for i, text in enumerate(lines):
        paragraph = document.add_paragraph(text)
        paragraph.paragraph_format.keep_with_next = i < len(lines) - 1
        paragraph.paragraph_format.keep_together = True


#: One writer per kind of block in the document model.
_WRITERS: dict[type[Any], Callable[[Any, Any], None]] = {
    Heading: _heading,
    Paragraph: _paragraph,
    Bullets: _bullets,
    Table: _table,
    Signature: _signature,
}
