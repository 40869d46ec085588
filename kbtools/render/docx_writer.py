"""The Word writer: the document model (:mod:`kbtools.render.model`) as a .docx file.

One writer for every Word file kbtools makes: ``kbtools render --format docx``, the site's
downloads and the Word template, and the builder's »Hent som Word« in the browser. It needs
the standard library only (the fixed parts and the package are :mod:`kbtools.render.docx_parts`),
so Pyodide runs it, and the same agreement gives the same bytes everywhere.

The document is A4 and Danish. The title has the style »Title« and the model's headings of
level N the style »heading N«, each with its outline level, as ``<h1>``…``<h4>`` in the html.
Lists are Word lists; tables have a grid with columns as wide as their text needs, repeat
their header row on every page, keep each row on one page and never break an amount over two
lines. The footer says »Side X af Y«. A draft carries KLADDE twice: as text in the header and
as Word's own watermark, large and diagonal behind every page.

A text from the agreement is XML-escaped; Word's own line and page breaks (U+000B, U+000C)
become line breaks; characters XML cannot hold are left out. Document properties are on one
line and at most 255 characters (Office's limit), shortened with »…«.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from kbtools.render import docx_parts
from kbtools.render.docx_chart import bars_xml
from kbtools.render.model import (
    Bars,
    Bullets,
    Facts,
    Heading,
    Kept,
    Paragraph,
    Rendered,
    Signature,
    Table,
)
from kbtools.render.text_writers import AUTHOR, SIGNATURE_LINE, draft_text

_TWIPS_PER_CM = 1440 / 2.54
_PAGE_CM = (21.0, 29.7, 2.5)  # A4 with 2.5 cm margins
_TEXT_WIDTH_CM = _PAGE_CM[0] - 2 * _PAGE_CM[2]
#: What an XML file cannot hold (C0 controls other than tab and line ends, U+FFFE, U+FFFF,
#: lone surrogates): left out, as they show as nothing anyway. Word's line break (Shift+Enter,
#: U+000B) and page break (U+000C) in a value pasted from Word are handled before.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
#: What ends a line in a value: a line break in Word.
_LINE_END = re.compile("\r\n|[\r\n\v\f]")
#: The longest text a core property (title, subject, keywords …) may hold in Office's format.
_PROPERTY_MAX = 255
#: A paragraph's properties, where »keep with the next paragraph« goes (after its style).
_PPR = re.compile(r"<w:pPr>(<w:pStyle w:val=\"[^\"]*\"/>)?(?!<w:keepNext/>)")


def _twips(cm: float) -> int:
    return round(cm * _TWIPS_PER_CM)


def _runs(text: str, props: str = "") -> str:
    """``text`` as runs: a line break for every line end, a tab for every tab."""
    out = []
    for i, line in enumerate(_LINE_END.split(text)):
        if i:
            out.append("<w:br/>")
        for j, piece in enumerate(_NOT_XML.sub("", line).split("\t")):
            if j:
                out.append("<w:tab/>")
            if piece:
                out.append(f'<w:t xml:space="preserve">{escape(piece)}</w:t>')
    if not out:
        return ""
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f"<w:r>{rpr}{''.join(out)}</w:r>"


def _para(text: str, style: str = "", ppr: str = "", rpr: str = "") -> str:
    props = (f'<w:pStyle w:val="{style}"/>' if style else "") + ppr
    return f"<w:p><w:pPr>{props}</w:pPr>{_runs(text, rpr)}</w:p>"


def _help(text: str) -> str:
    return _para(text, "Hjaelpetekst") if text else ""


def _heading(block: Heading) -> str:
    style = "Title" if block.level <= 1 else f"Heading{min(block.level, 4)}"
    return _para(block.text, style) + _help(block.help)


def _paragraph(block: Paragraph) -> str:
    """A paragraph; a lead-in (»… forpligter sig til dette:«) stays on the page of its list."""
    keep = "<w:keepNext/>" if block.text.endswith(":") else ""
    return _para(block.text, "", keep) + _help(block.help)


def _bullets(block: Bullets) -> str:
    numbering = f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{docx_parts.BULLET_LIST}"/></w:numPr>'
    return "".join(_para(item, "ListBullet", numbering) for item in block.items)


def column_widths(block: Table, total: float = _TEXT_WIDTH_CM) -> list[float]:
    """Widths in cm that fill the line: every column at least as wide as its longest word
    (its whole text for amounts, which never wrap), the rest of the line shared by how much
    text a column holds. When even the longest words do not fit, the line is shared by them."""
    per_char, padding = 0.25, 0.5  # cm per character at 10 pt (bold, wide fonts), margins
    columns = list(zip(block.header, *block.rows, strict=False))
    minimum, wanted = [], []
    for i, cells in enumerate(columns):
        whole = i > 0 and block.numeric
        # a no-break space (in a date) holds its words together: split at plain spaces only
        words = [
            len(cell) if whole else max(map(len, cell.split(" ")), default=0) for cell in cells
        ]
        minimum.append(max(words, default=0) * per_char + padding)
        wanted.append(max(map(len, cells), default=0) * per_char + padding)
    spare = total - sum(minimum)
    extra = [w - m for w, m in zip(wanted, minimum, strict=True)]
    if spare <= 0 or not sum(extra):
        return [m * total / sum(minimum) for m in minimum] if minimum else []
    share = min(1.0, spare / sum(extra))
    widths = [m + e * share for m, e in zip(minimum, extra, strict=True)]
    left = total - sum(widths)
    return [w + left * (w / sum(widths)) for w in widths]


def _grid(block: Table) -> list[int]:
    """The columns' widths in twips, adding up to the text's width exactly."""
    widths = [_twips(cm) for cm in column_widths(block)]
    if widths:
        widths[-1] += _twips(_TEXT_WIDTH_CM) - sum(widths)
    return widths


def _cell(text: str, width: int, *, bold: bool, amount: bool) -> str:
    props = f'<w:tcW w:w="{width}" w:type="dxa"/>' + ("<w:noWrap/>" if amount else "")
    rpr = "<w:b/><w:bCs/>" if bold else ""
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{_para(text, '', _jc(amount), rpr)}</w:tc>"


def _jc(right: bool) -> str:
    return '<w:jc w:val="right"/>' if right else ""


def _table(block: Table) -> str:
    grid = _grid(block)
    rows = []
    for r, texts in enumerate([block.header, *block.rows]):
        total = block.numeric and r == len(block.rows) and texts[0] == "I alt"
        header = "<w:tblHeader/>" if r == 0 else ""
        cells = "".join(
            _cell(text, grid[c], bold=r == 0 or total, amount=block.numeric and c > 0)
            for c, text in enumerate(texts[: len(grid)])
        )
        rows.append(f"<w:tr><w:trPr><w:cantSplit/>{header}</w:trPr>{cells}</w:tr>")
    # a short table stays on one page; a long one keeps its header row with the first row of
    # figures and its last row with the one before
    kept = range(len(rows) - 1) if block.kept_whole else (0, len(rows) - 2)
    for r in kept:
        rows[r] = _keep_with_next(rows[r])
    named = block.caption or ", ".join(block.header)
    caption = _NOT_XML.sub("", " ".join(_LINE_END.split(named)))
    return (
        (_para(block.caption, "Caption", "<w:keepNext/>") if block.caption else "")
        + '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/>'
        f'<w:tblW w:w="{sum(grid)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" '
        'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>'
        f"<w:tblCaption w:val={quoteattr(caption)}/></w:tblPr>"
        "<w:tblGrid>"
        + "".join(f'<w:gridCol w:w="{w}"/>' for w in grid)
        + "</w:tblGrid>"
        + "".join(rows)
        + "</w:tbl>"
        + _para("")
    )


def _facts(block: Facts) -> str:
    """The front block: a label in bold, a tab, the value; one line each."""
    indent = _twips(3.5)  # a value that wraps goes on under itself, not under the label
    ppr = (
        f'<w:tabs><w:tab w:val="left" w:pos="{indent}"/></w:tabs><w:spacing w:after="40"/>'
        f'<w:ind w:left="{indent}" w:hanging="{indent}"/>'
    )
    lines = [
        f"<w:p><w:pPr>{ppr}</w:pPr>{_runs(label, '<w:b/><w:bCs/>')}{_runs(chr(9) + value)}</w:p>"
        for label, value in block.rows
    ]
    return "".join(lines) + _para("")


def _signature(block: Signature) -> str:
    """The party, the date, a line to sign on, and under it the signatory's name and title."""
    lines = [text for text in (block.name, block.title) if text]
    return (
        _para(block.party, "Heading3")
        + _para(f"Dato: {block.date}", "", "<w:keepLines/>")
        + _para("", "", '<w:keepLines/><w:spacing w:before="480" w:after="0"/>')
        + _para(SIGNATURE_LINE, "", '<w:keepLines/><w:spacing w:after="0"/>')
        + "".join(_para(text, "", "<w:keepLines/>") for text in lines)
    )


def _keep_with_next(xml: str) -> str:
    """Every paragraph in ``xml`` kept on the page of the paragraph after it."""
    return _PPR.sub(lambda m: m.group(0) + "<w:keepNext/>", xml)


def _kept(block: Kept) -> str:
    """Blocks on one page: each paragraph kept with the next (Word moves them together)."""
    return _keep_with_next("".join(_WRITERS[type(inner)](inner) for inner in block.blocks))


def _bars(block: Bars) -> str:
    """A bar chart: a table of shaded cells with the numbers as text (see docx_chart); the
    labels' column as wide as their longest word in bold 10 pt, between 3 and 6 cm."""
    longest = max((len(word) for label, _ in block.rows for word in label.split()), default=0)
    label_cm = min(6.0, max(3.0, longest * 0.24 + 0.5))
    return bars_xml(block, _para, _twips(label_cm), _twips(_TEXT_WIDTH_CM))


#: One writer per kind of block in the document model.
_WRITERS: dict[type[Any], Callable[[Any], str]] = {
    Heading: _heading,
    Paragraph: _paragraph,
    Bullets: _bullets,
    Table: _table,
    Bars: _bars,
    Signature: _signature,
    Facts: _facts,
    Kept: _kept,
}


def _section(header: bool) -> str:
    width, height, margin = (_twips(cm) for cm in _PAGE_CM)
    header_id = docx_parts.relationship_id("header1.xml")
    footer = docx_parts.relationship_id("footer1.xml")
    return (
        "<w:sectPr>"
        + (f'<w:headerReference w:type="default" r:id="{header_id}"/>' if header else "")
        + f'<w:footerReference w:type="default" r:id="{footer}"/>'
        f'<w:pgSz w:w="{width}" w:h="{height}"/>'
        f'<w:pgMar w:top="{margin}" w:right="{margin}" w:bottom="{margin}" w:left="{margin}" '
        'w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>'
    )


def _document(doc: Rendered, template_intro: str, header: bool) -> str:
    body = []
    for i, block in enumerate(doc.blocks):
        body.append(_WRITERS[type(block)](block))
        if i == 0:
            body.append(_help(template_intro))
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{docx_parts.W}" xmlns:r="{docx_parts.R}"><w:body>'
        + "".join(body)
        + _section(header)
        + "</w:body></w:document>"
    )


def _property(text: str) -> str:
    """A core property on one line and within Office's 255 characters (shortened with »…«)."""
    line = " ".join(_NOT_XML.sub("", _LINE_END.sub(" ", text)).split())
    return line if len(line) <= _PROPERTY_MAX else line[: _PROPERTY_MAX - 1].rstrip() + "…"


def _core(doc: Rendered, template: bool) -> str:
    status = "Skabelon" if template else "Kladde" if doc.draft else doc.final_status
    return docx_parts.core_properties(
        {
            "dc:title": _property(("KLADDE: " if doc.draft else "") + doc.title),
            "dc:subject": _property(doc.subject),
            "dc:creator": _property(doc.author),
            "cp:keywords": _property(", ".join([doc.label.lower(), *doc.parties])),
            "dc:description": f"Lavet af {AUTHOR} ud fra aftalens YAML-fil.",
            "cp:lastModifiedBy": AUTHOR,
            "cp:revision": "1",
            "cp:category": doc.label,
            "cp:contentStatus": status,
            "dc:language": docx_parts.LANGUAGE,
        }
    )


def to_docx(doc: Rendered, *, template_intro: str = "", letterhead: bytes | None = None) -> bytes:
    """``doc`` as a Word document; a template's ``template_intro`` follows its title.

    ``letterhead`` is the user's own Word file: its styles, header, footer and logo dress the
    document (:mod:`kbtools.render.docx_letterhead`); a draft keeps its KLADDE header."""
    header = docx_parts.draft_header(draft_text(doc)) if doc.draft else None
    own = None
    if letterhead is not None:
        from kbtools.render.docx_letterhead import read

        own = read(letterhead, docx_parts.STYLES)
    has_header = header is not None or (own is not None and own.header is not None)
    return docx_parts.package(
        _document(doc, template_intro, has_header),
        _core(doc, bool(template_intro)),
        header,
        AUTHOR,
        own,
    )
