"""A Word document (.docx) of an agreement in pure Python, for the browser.

``kbtools render --format docx`` uses python-docx, which needs lxml, and lxml does not run in
Pyodide. This writer takes the same document model (:func:`kbtools.render.model.build`) and
writes the few WordprocessingML parts a Word document needs with the standard library only:
A4 pages in Danish, styled headings (so Word's navigation pane lists them), tables with
borders and right-aligned amounts, a line to sign on for each party, page numbers, and for a
draft the text KLADDE at the top of every page. Every text is XML-escaped; characters XML
cannot hold are left out.
"""

from __future__ import annotations

import io
import re
import zipfile
from xml.sax.saxutils import escape

from kbtools.render.model import Bullets, Heading, Paragraph, Rendered, Signature, Table
from kbtools.render.text_writers import AUTHOR, DRAFT_TEXT

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

_OOXML = "application/vnd.openxmlformats-"
_WORD = _OOXML + "officedocument.wordprocessingml."
_OVERRIDES = {
    "/word/document.xml": _WORD + "document.main+xml",
    "/word/styles.xml": _WORD + "styles+xml",
    "/word/header1.xml": _WORD + "header+xml",
    "/word/footer1.xml": _WORD + "footer+xml",
    "/docProps/core.xml": _OOXML + "package.core-properties+xml",
}
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    f'<Default Extension="rels" ContentType="{_OOXML}package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    + "".join(
        f'<Override PartName="{part}" ContentType="{kind}"/>' for part, kind in _OVERRIDES.items()
    )
    + "</Types>"
)
PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    f'<Relationships xmlns="{PKG}">'
    f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/'
    'metadata/core-properties" Target="docProps/core.xml"/>'
    "</Relationships>"
)
DOCUMENT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    f'<Relationships xmlns="{PKG}">'
    f'<Relationship Id="rId1" Type="{REL}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rId2" Type="{REL}/header" Target="header1.xml"/>'
    f'<Relationship Id="rId3" Type="{REL}/footer" Target="footer1.xml"/>'
    "</Relationships>"
)


def _style(style_id: str, name: str, size: int, extra: str = "") -> str:
    return (
        f'<w:style w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{name}"/>'
        f'<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>'
        f'<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/>{extra}</w:pPr>'
        f'<w:rPr><w:b/><w:sz w:val="{size}"/></w:rPr></w:style>'
    )


STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    f'<w:styles xmlns:w="{W}">'
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/>'
    '<w:sz w:val="22"/><w:lang w:val="da-DK"/></w:rPr></w:rPrDefault>'
    '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr>'
    "</w:pPrDefault></w:docDefaults>"
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
    "<w:qFormat/></w:style>"
    + _style("Title", "Title", 40)
    + _style("Heading1", "heading 1", 32, '<w:outlineLvl w:val="0"/>')
    + _style("Heading2", "heading 2", 28, '<w:outlineLvl w:val="1"/>')
    + _style("Heading3", "heading 3", 24, '<w:outlineLvl w:val="2"/>')
    + _style("Heading4", "heading 4", 22, '<w:outlineLvl w:val="3"/>')
    + "</w:styles>"
)


def _text(value: str) -> str:
    return escape(_NOT_XML.sub("", value))


def _run(text: str, bold: bool = False) -> str:
    props = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{_text(text)}</w:t></w:r>'


def _para(text: str, style: str = "", *, bold: bool = False, right: bool = False) -> str:
    props = f'<w:pStyle w:val="{style}"/>' if style else ""
    props += '<w:jc w:val="right"/>' if right else ""
    return f"<w:p><w:pPr>{props}</w:pPr>{_run(text, bold)}</w:p>"


def _heading(block: Heading) -> str:
    style = "Title" if block.level == 1 else f"Heading{min(block.level - 1, 4)}"
    return _para(block.text, style)


def _bullets(block: Bullets) -> str:
    return "".join(
        f'<w:p><w:pPr><w:ind w:left="360" w:hanging="240"/></w:pPr>{_run("• " + item)}</w:p>'
        for item in block.items
    )


def _cell(text: str, *, header: bool, right: bool) -> str:
    return f"<w:tc><w:tcPr/>{_para(text, bold=header, right=right)}</w:tc>"


def _table(block: Table) -> str:
    border = '<w:{0} w:val="single" w:sz="4" w:space="0" w:color="444444"/>'
    borders = "".join(
        border.format(side) for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    rows = [
        "<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>"
        + "".join(
            _cell(text, header=True, right=block.numeric and i > 0)
            for i, text in enumerate(block.header)
        )
        + "</w:tr>"
    ]
    for row in block.rows:
        cells = "".join(
            _cell(text, header=i == 0, right=block.numeric and i > 0) for i, text in enumerate(row)
        )
        rows.append(f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{cells}</w:tr>")
    return (
        _para(block.caption, bold=True)
        + f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>{borders}'
        f'</w:tblBorders><w:tblCaption w:val="{_text(block.caption)}"/></w:tblPr>'
        + "".join(rows)
        + "</w:tbl>"
        + _para("")
    )


def _signature(block: Signature) -> str:
    return (
        _para(block.party, "Heading3")
        + _para(f"Navn: {block.name}")
        + _para(f"Titel: {block.title}")
        + _para(f"Dato: {block.date}")
        + _para("Underskrift: ________________________________________")
    )


def _body(doc: Rendered) -> str:
    parts = [_para(DRAFT_TEXT, bold=True)] if doc.draft else []
    for block in doc.blocks:
        if isinstance(block, Heading):
            parts.append(_heading(block))
        elif isinstance(block, Paragraph):
            parts.append(_para(block.text))
        elif isinstance(block, Bullets):
            parts.append(_bullets(block))
        elif isinstance(block, Table):
            parts.append(_table(block))
        elif isinstance(block, Signature):
            parts.append(_signature(block))
    section = (
        '<w:sectPr><w:headerReference w:type="default" r:id="rId2"/>'
        '<w:footerReference w:type="default" r:id="rId3"/>'
        '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1418" w:right="1418" '
        'w:bottom="1418" w:left="1418" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>'
    )
    return "".join(parts) + section


def _document(doc: Rendered) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>{_body(doc)}</w:body></w:document>'
    )


def _header(doc: Rendered) -> str:
    text = _para("KLADDE", bold=True, right=True) if doc.draft else _para("")
    declaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    return f'{declaration}<w:hdr xmlns:w="{W}">{text}</w:hdr>'


FOOTER = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    f'<w:ftr xmlns:w="{W}"><w:p><w:pPr><w:jc w:val="center"/></w:pPr>'
    '<w:r><w:t xml:space="preserve">Side </w:t></w:r>'
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>'
)


def _core(doc: Rendered) -> str:
    title = ("KLADDE: " if doc.draft else "") + doc.title
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:title>{_text(title)}</dc:title><dc:subject>{_text(doc.subject)}</dc:subject>"
        f"<dc:creator>{_text(AUTHOR)}</dc:creator><dc:language>da-DK</dc:language>"
        "</cp:coreProperties>"
    )


def to_docx(doc: Rendered) -> bytes:
    """``doc`` as the bytes of a .docx file (reproducible: fixed dates in the zip)."""
    parts = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": PACKAGE_RELS,
        "docProps/core.xml": _core(doc),
        "word/_rels/document.xml.rels": DOCUMENT_RELS,
        "word/document.xml": _document(doc),
        "word/styles.xml": STYLES,
        "word/header1.xml": _header(doc),
        "word/footer1.xml": FOOTER,
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(zipfile.ZipInfo(name, (2026, 1, 1, 0, 0, 0)), content.encode())
    return buffer.getvalue()
