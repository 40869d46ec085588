"""Low-level Word XML the python-docx API has no call for: language, watermark, page fields.

Everything here edits the document python-docx builds from its default template, which is
American (``en-US``), Letter-sized, and names python-docx as author; the writer calls these so
the file a signer opens in Word is Danish through and through.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any
from xml.sax.saxutils import escape, quoteattr

LANGUAGE = "da-DK"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


def set_language(document: Any) -> None:
    """Danish everywhere Word looks: default run properties, every style, theme fonts."""
    from docx.oxml import parse_xml

    styles = document.styles.element
    for lang in styles.iter(_w("lang")):
        lang.set(_w("val"), LANGUAGE)
        lang.set(_w("eastAsia"), LANGUAGE)
    defaults = styles.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}")
    if defaults is not None and defaults.find(_w("lang")) is None:
        defaults.append(parse_xml(f'<w:lang xmlns:w="{W}" w:val="{LANGUAGE}"/>'))
    for theme in document.settings.element.iter(_w("themeFontLang")):
        theme.set(_w("val"), LANGUAGE)
        theme.set(_w("eastAsia"), LANGUAGE)


def drop_template_leftovers(document: Any) -> None:
    """Remove the default template's thumbnail (an empty page) and its second, American,
    copy of the styles (``stylesWithEffects.xml``, which only Word 2010 read)."""
    package = document.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype == _THUMBNAIL:
            package.rels.pop(rid)
    for rid, rel in list(document.part.rels.items()):
        if rel.reltype == _STYLES_WITH_EFFECTS:
            document.part.rels.pop(rid)


def app_properties(application: str) -> bytes:
    """``docProps/app.xml`` naming ``application`` (the template says »Microsoft Word«)."""
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties"><Application>'
        f"{escape(application)}</Application></Properties>"
    ).encode()


def replace_part(package: bytes, name: str, content: bytes) -> bytes:
    """The zip ``package`` with member ``name`` replaced by ``content``."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = content if info.filename == name else src.read(info)
            dst.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def repeat_header_row(row: Any) -> None:
    """Repeat the row at the top of every page the table runs onto."""
    _on_off(row._tr.get_or_add_trPr(), "tblHeader")


def keep_row_together(row: Any) -> None:
    _on_off(row._tr.get_or_add_trPr(), "cantSplit")


def no_wrap(cell: Any) -> None:
    """Never wrap the cell's text (amounts are never broken over two lines)."""
    _on_off(cell._tc.get_or_add_tcPr(), "noWrap")


def _on_off(parent: Any, name: str) -> None:
    from docx.oxml import parse_xml

    if parent.find(_w(name)) is None:
        parent.append(parse_xml(f'<w:{name} xmlns:w="{W}"/>'))


def add_field(paragraph: Any, instruction: str) -> None:
    """A field such as ``PAGE`` or ``NUMPAGES``, updated by Word when the page is laid out."""
    from docx.oxml import parse_xml

    xml = (
        f'<w:r xmlns:w="{W}"><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r xmlns:w="{W}"><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
        f'<w:r xmlns:w="{W}"><w:fldChar w:fldCharType="separate"/></w:r>'
        f'<w:r xmlns:w="{W}"><w:t>1</w:t></w:r>'
        f'<w:r xmlns:w="{W}"><w:fldChar w:fldCharType="end"/></w:r>'
    )
    for run in parse_xml(f'<w:p xmlns:w="{W}">{xml}</w:p>'):
        paragraph._p.append(run)


#: Word's own watermark: WordArt text (shape type 136) behind the page, drawn from the header
#: on every page. Word, LibreOffice and Google Docs show it; it prints.
_WATERMARK = """<w:r xmlns:w="{w}" xmlns:v="urn:schemas-microsoft-com:vml"
  xmlns:o="urn:schemas-microsoft-com:office:office"><w:rPr><w:noProof/></w:rPr><w:pict>
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
 <v:textpath style="font-family:&quot;Calibri&quot;;font-size:1pt" string={text}/>
</v:shape></w:pict></w:r>"""


def add_watermark(paragraph: Any, text: str) -> None:
    """A large, light, diagonal ``text`` behind every page of the paragraph's section."""
    from docx.oxml import parse_xml

    paragraph._p.append(parse_xml(_WATERMARK.format(w=W, text=quoteattr(text))))
