"""The fixed parts of a Word file (.docx) and the zip package that holds them.

Standard library only, so the same code runs in the CLI, in the site build and in the
builder in the browser (Pyodide). Every ``word/*.xml`` part is valid against the
WordprocessingML schema of ECMA-376 / ISO/IEC 29500 (transitional); the tests validate them.

Styles carry Word's built-in names (``heading 2``, ``Title``, ``List Bullet``, ``caption``,
``Table Grid``), so Word shows them in its own language (»Overskrift 2«) and its navigation
pane, table of contents and PDF export find the headings by their outline level. The text is
Danish (``da-DK``) everywhere Word looks: the default run properties, the settings' theme
languages, decimal comma and list separator, and the document properties.
"""

from __future__ import annotations

import io
import zipfile
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape, quoteattr

if TYPE_CHECKING:
    from kbtools.render.docx_letterhead import Letterhead

LANGUAGE = "da-DK"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_OOXML = "application/vnd.openxmlformats-"
_WORD = _OOXML + "officedocument.wordprocessingml."

HELP_STYLE = "Hjælpetekst"
#: The list Word numbers as bullets (numbering.xml); ``List Bullet`` paragraphs use it.
BULLET_LIST = 1
FONT = "Calibri"
#: A zip member's date: fixed, so the same agreement always gives the same bytes.
_ZIP_DATE = (2026, 1, 1, 0, 0, 0)


def _paragraph_style(
    style_id: str, name: str, ppr: str = "", rpr: str = "", *, next_normal: bool = True
) -> str:
    follow = '<w:next w:val="Normal"/>' if next_normal else ""
    return (
        f'<w:style w:type="paragraph" w:styleId="{style_id}"><w:name w:val={quoteattr(name)}/>'
        f'<w:basedOn w:val="Normal"/>{follow}<w:qFormat/>'
        f"<w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"
    )


def _heading_style(level: int, size: int) -> str:
    """``heading N`` with outline level N-1: what Word's navigation pane and PDF export use."""
    return _paragraph_style(
        f"Heading{level}",
        f"heading {level}",
        '<w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="80"/>'
        f'<w:outlineLvl w:val="{level - 1}"/>',
        f'<w:b/><w:bCs/><w:color w:val="1F3864"/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/>',
    )


_BORDERS = "".join(
    f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="444444"/>'
    for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)

STYLES = (
    _DECLARATION + f'<w:styles xmlns:w="{W}">'
    "<w:docDefaults><w:rPrDefault><w:rPr>"
    f'<w:rFonts w:ascii="{FONT}" w:eastAsia="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}"/>'
    f'<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="{LANGUAGE}" '
    f'w:eastAsia="{LANGUAGE}" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
    '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr>'
    "</w:pPrDefault></w:docDefaults>"
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
    "<w:qFormat/></w:style>"
    + _paragraph_style(
        "Title",
        "Title",
        '<w:keepNext/><w:spacing w:after="240"/><w:outlineLvl w:val="0"/>',
        '<w:b/><w:bCs/><w:color w:val="1F3864"/><w:sz w:val="40"/><w:szCs w:val="40"/>',
    )
    + "".join(_heading_style(level, size) for level, size in ((1, 32), (2, 28), (3, 24), (4, 22)))
    + _paragraph_style(
        "Caption",
        "caption",
        '<w:keepNext/><w:spacing w:before="120" w:after="60"/>',
        "<w:b/><w:bCs/>",
    )
    + _paragraph_style(
        "ListBullet",
        "List Bullet",
        f'<w:numPr><w:numId w:val="{BULLET_LIST}"/></w:numPr><w:spacing w:after="60"/>'
        '<w:ind w:left="360" w:hanging="360"/><w:contextualSpacing/>',
    )
    + _paragraph_style(
        "Hjaelpetekst",
        HELP_STYLE,
        rpr='<w:i/><w:iCs/><w:color w:val="767676"/><w:sz w:val="18"/><w:szCs w:val="18"/>',
    )
    + _paragraph_style("Header", "header", '<w:spacing w:after="0"/>', next_normal=False)
    + _paragraph_style(
        "Footer",
        "footer",
        '<w:spacing w:after="0"/><w:jc w:val="center"/>',
        '<w:sz w:val="18"/><w:szCs w:val="18"/>',
        next_normal=False,
    )
    + '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal '
    'Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>'
    '<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
    '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
    "</w:tblCellMar></w:tblPr></w:style>"
    '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/>'
    '<w:basedOn w:val="TableNormal"/><w:pPr><w:spacing w:before="40" w:after="40" '
    'w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/>'
    f"</w:rPr><w:tblPr><w:tblBorders>{_BORDERS}</w:tblBorders></w:tblPr></w:style>"
    "</w:styles>"
)

#: One bullet list: a round bullet at level 0, an en dash below it.
NUMBERING = (
    _DECLARATION + f'<w:numbering xmlns:w="{W}">'
    '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>'
    + "".join(
        f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
        f'<w:lvlText w:val="{symbol}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{360 * (level + 1)}" w:hanging="360"/></w:pPr>'
        f'<w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}"/></w:rPr></w:lvl>'
        for level, symbol in ((0, "•"), (1, "–"))
    )
    + f'</w:abstractNum><w:num w:numId="{BULLET_LIST}"><w:abstractNumId w:val="0"/></w:num>'
    "</w:numbering>"
)

SETTINGS = (
    _DECLARATION + f'<w:settings xmlns:w="{W}">'
    '<w:zoom w:percent="100"/><w:defaultTabStop w:val="1304"/>'
    '<w:autoHyphenation w:val="false"/><w:characterSpacingControl w:val="doNotCompress"/>'
    '<w:compat><w:compatSetting w:name="compatibilityMode" '
    'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
    f'<w:themeFontLang w:val="{LANGUAGE}" w:eastAsia="{LANGUAGE}"/>'
    '<w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/>'
    "</w:settings>"
)


def field(instruction: str, shown: str = "1") -> str:
    """The runs of a field such as ``PAGE`` (Word updates it when it lays out the page)."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r><w:t>{shown}</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def _text_run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


#: »Side 2 af 5« at the foot of every page.
FOOTER = (
    _DECLARATION
    + f'<w:ftr xmlns:w="{W}"><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>'
    + _text_run("Side ")
    + field("PAGE")
    + _text_run(" af ")
    + field("NUMPAGES")
    + "</w:p></w:ftr>"
)

#: Word's own watermark: WordArt text (shape type 136) behind the page, drawn from the header
#: on every page. Word, LibreOffice and Google Docs show it; it prints.
_WATERMARK = """<w:r><w:rPr><w:noProof/></w:rPr><w:pict>
<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800"
  path="m@7,l@8,m@5,21600l@6,21600e">
 <v:formulas><v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/><v:f eqn="sum 21600 0 @1"/>
  <v:f eqn="sum 0 0 @2"/><v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/>
  <v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/><v:f eqn="if @0 @4 21600"/>
  <v:f eqn="mid @5 @6"/><v:f eqn="mid @8 @5"/><v:f eqn="mid @7 @8"/><v:f eqn="mid @6 @7"/>
  <v:f eqn="sum @6 0 @5"/></v:formulas>
 <v:path textpathok="t" o:connecttype="custom"
  o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" o:connectangles="270,180,90,0"/>
 <v:textpath on="t" fitshape="t"/><v:handles><v:h position="#0,bottomRight" xrange="6629,14971"/>
 </v:handles><o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>
<v:shape id="KbtoolsKladde" o:spid="_x0000_s2049" type="#_x0000_t136"
  style="position:absolute;margin-left:0;margin-top:0;width:440pt;height:110pt;rotation:315;
  z-index:-251657216;mso-position-horizontal:center;mso-position-horizontal-relative:margin;
  mso-position-vertical:center;mso-position-vertical-relative:margin"
  o:allowincell="f" fillcolor="#e6b3b3" stroked="f">
 <v:fill opacity=".6"/>
 <v:textpath style="font-family:&quot;Calibri&quot;;font-size:1pt" string="KLADDE"/>
</v:shape></w:pict></w:r>"""


def draft_header(text: str) -> str:
    """The header of a draft: ``text`` in bold on every page, KLADDE large and diagonal
    behind it (Word's watermark)."""
    return (
        _DECLARATION + f'<w:hdr xmlns:w="{W}" xmlns:v="urn:schemas-microsoft-com:vml" '
        'xmlns:o="urn:schemas-microsoft-com:office:office">'
        '<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>'
        f'<w:r><w:rPr><w:b/><w:bCs/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>'
        f'<w:t xml:space="preserve">{escape(text)}</w:t></w:r>{_WATERMARK}</w:p></w:hdr>'
    )


def core_properties(properties: dict[str, str]) -> str:
    """``docProps/core.xml``: ``properties`` by their qualified names (``dc:title`` …).

    No dates: Word sets them when the file is saved, and the same agreement gives the same
    bytes."""
    fields = "".join(f"<{name}>{escape(value)}</{name}>" for name, value in properties.items())
    return (
        _DECLARATION + "<cp:coreProperties "
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"{fields}</cp:coreProperties>"
    )


def app_properties(application: str) -> str:
    """``docProps/app.xml``: the application that wrote the file."""
    return (
        _DECLARATION + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'extended-properties"><Application>{escape(application)}</Application></Properties>'
    )


def _relationships(targets: list[tuple[str, str, str]]) -> str:
    """A relationships part: (id, type, target) each."""
    rels = "".join(
        f'<Relationship Id="{rid}" Type="{kind}" Target="{target}"/>'
        for rid, kind, target in targets
    )
    return f'{_DECLARATION}<Relationships xmlns="{_PKG}">{rels}</Relationships>'


#: The document's parts: (content type, relationship type), by name in ``word/``.
_WORD_PARTS = {
    "styles.xml": (_WORD + "styles+xml", f"{R}/styles"),
    "numbering.xml": (_WORD + "numbering+xml", f"{R}/numbering"),
    "settings.xml": (_WORD + "settings+xml", f"{R}/settings"),
    "footer1.xml": (_WORD + "footer+xml", f"{R}/footer"),
    "header1.xml": (_WORD + "header+xml", f"{R}/header"),
    "theme/theme1.xml": (_OOXML + "officedocument.theme+xml", f"{R}/theme"),
}


def relationship_id(name: str) -> str:
    """The id by which ``word/document.xml`` refers to part ``name`` (``footer1.xml``)."""
    return f"rId{list(_WORD_PARTS).index(name) + 1}"


def package(
    document: str,
    core: str,
    header: str | None,
    application: str,
    letterhead: Letterhead | None = None,
) -> bytes:
    """The .docx: ``document.xml`` with the fixed parts and ``header`` (None: no header);
    a ``letterhead`` gives the styles, theme, header, footer and pictures of the user's file.

    Members are stored uncompressed, in a fixed order with fixed dates: compressed bytes
    depend on the zlib a Python was built with, and the file the builder makes in the browser
    must be byte for byte the one ``kbtools render`` makes."""
    parts = {"styles.xml": STYLES, "numbering.xml": NUMBERING, "settings.xml": SETTINGS}
    parts["footer1.xml"] = FOOTER
    if header is not None:
        parts["header1.xml"] = header
    extra: dict[str, str | bytes] = {}
    if letterhead is not None:
        parts["styles.xml"] = letterhead.styles
        for name, part in (("header1.xml", letterhead.header), ("footer1.xml", letterhead.footer)):
            if part is not None and not (name == "header1.xml" and header is not None):
                parts[name] = part.xml  # a draft keeps its KLADDE header
                if part.rels is not None:
                    extra[f"word/_rels/{name}.rels"] = part.rels
        if letterhead.theme is not None:
            parts["theme/theme1.xml"] = letterhead.theme
        extra.update({f"word/{name}": data for name, data in sorted(letterhead.media.items())})
    pictures = sorted({name.rsplit(".", 1)[-1].lower() for name in extra if "/media/" in name})
    overrides = {
        "/word/document.xml": _WORD + "document.main+xml",
        **{f"/word/{name}": _WORD_PARTS[name][0] for name in parts},
        "/docProps/core.xml": _OOXML + "package.core-properties+xml",
        "/docProps/app.xml": _OOXML + "officedocument.extended-properties+xml",
    }
    content_types = (
        _DECLARATION + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        f'content-types"><Default Extension="rels" ContentType="{_OOXML}package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        + "".join(f'<Default Extension="{x}" ContentType="{_picture_type(x)}"/>' for x in pictures)
        + "".join(f'<Override PartName="{n}" ContentType="{t}"/>' for n, t in overrides.items())
        + "</Types>"
    )
    package_rels = _relationships(
        [
            ("rId1", f"{R}/officeDocument", "word/document.xml"),
            ("rId2", f"{_PKG}/metadata/core-properties", "docProps/core.xml"),
            ("rId3", f"{R}/extended-properties", "docProps/app.xml"),
        ]
    )
    document_rels = _relationships(
        [(relationship_id(name), _WORD_PARTS[name][1], name) for name in parts]
    )
    members: dict[str, str | bytes] = {
        "[Content_Types].xml": content_types,
        "_rels/.rels": package_rels,
        "docProps/core.xml": core,
        "docProps/app.xml": app_properties(application),
        "word/_rels/document.xml.rels": document_rels,
        "word/document.xml": document,
        **{f"word/{name}": text for name, text in parts.items()},
        **extra,
    }
    return _zip(members)


def _picture_type(extension: str) -> str:
    """The content type of a picture by its file name's extension."""
    known = {"jpg": "jpeg", "svg": "svg+xml", "emf": "x-emf", "wmf": "x-wmf", "tif": "tiff"}
    return "image/" + known.get(extension, extension)


def _zip(members: dict[str, str | bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for name, text in members.items():
            info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
            info.create_system = 3  # the same on every platform (Windows would write 0)
            info.external_attr = 0o644 << 16
            archive.writestr(info, text.encode("utf-8") if isinstance(text, str) else text)
    return buffer.getvalue()
