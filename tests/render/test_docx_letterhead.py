"""A municipality's own Word file as the letterhead (``render --skabelon``): its font, its
header with a logo; the agreement's text and the writer's structure stay."""

from __future__ import annotations

import base64
import io
import json
import struct
import zlib
from pathlib import Path

import docx
import pdfua
import pytest
from docx.shared import Cm
from pypdf import PdfReader
from wordfile import parts, schema_errors

from kbtools.browser.entry import call
from kbtools.cli import main
from kbtools.render.docx_letterhead import LetterheadError, brand, merged_styles, read
from kbtools.render.docx_parts import STYLES

ROOT = Path(__file__).resolve().parents[2]
MIDTBY = ROOT / "cases" / "midtby" / "aftale.yaml"
HEADER = "Midtby Kommune · Jobcenter og Erhverv"


def _png() -> bytes:
    """A small blue square, made here (PNG: signature, header, pixel rows, end)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    rows = b"".join(b"\x00" + b"\x1f\x38\x64" * 16 for _ in range(16))
    header = struct.pack(">IIBBBBB", 16, 16, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


@pytest.fixture
def template(tmp_path: Path) -> Path:
    """A Word file in another font (Georgia) with a header text and a logo in the header."""
    document = docx.Document()
    document.styles["Normal"].font.name = "Georgia"
    paragraph = document.sections[0].header.paragraphs[0]
    paragraph.text = HEADER
    paragraph.add_run().add_picture(io.BytesIO(_png()), width=Cm(1.5))
    document.add_paragraph("Denne tekst er kommunens og kommer ikke med.")
    path = tmp_path / "kommunens-skabelon.docx"
    document.save(str(path))
    return path


def test_the_agreement_wears_the_municipalitys_font_header_and_logo(
    template: Path, tmp_path: Path
) -> None:
    out = tmp_path / "aftale.docx"
    args = ["render", str(MIDTBY), "--format", "docx", "-o", str(out), "--skabelon", str(template)]
    assert main(args) == 0
    result = docx.Document(str(out))
    assert result.styles["Normal"].font.name == "Georgia"
    header = result.sections[0].header
    assert header.paragraphs[0].text == HEADER
    assert [r for r in header.part.rels.values() if r.reltype.endswith("/image")]
    texts = [p.text for p in result.paragraphs]
    assert texts[0] == "Partnerskabsaftale for LKS Midtby (fiktivt eksempel)"
    assert "Denne tekst er kommunens og kommer ikke med." not in texts
    assert {"Heading 2", "List Bullet", "Title"} <= {
        str(getattr(p.style, "name", "")) for p in result.paragraphs
    }
    package = parts(out.read_bytes())
    assert any(name.startswith("word/media/") for name in package)
    ours = {name: data for name, data in package.items() if name != "word/styles.xml"}
    ours = {n: d for n, d in ours.items() if not n.startswith(("word/header", "word/theme"))}
    assert schema_errors(_zip(ours)) == []  # the writer's own parts are still valid


def _zip(members: dict[str, bytes]) -> bytes:
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_style_the_template_lacks_comes_from_the_writer() -> None:
    theirs = (
        '<w:styles><w:style w:type="paragraph" w:styleId="Normal"><w:name/></w:style></w:styles>'
    )
    merged = merged_styles(theirs, STYLES)
    assert merged.count('w:styleId="Normal"') == 1  # theirs
    assert 'w:styleId="Heading2"' in merged and 'w:styleId="Hjaelpetekst"' in merged


def test_a_file_that_is_not_word_is_refused_in_danish(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(LetterheadError, match="ikke en Word-fil"):
        read(b"not a zip", STYLES)
    bad = tmp_path / "skabelon.docx"
    bad.write_text("ikke word", encoding="utf-8")
    out = tmp_path / "a.docx"
    args = ["render", str(MIDTBY), "--format", "docx", "-o", str(out), "--skabelon", str(bad)]
    assert main(args) == 2 and not out.exists()
    assert "ikke en Word-fil" in capsys.readouterr().err
    assert main(["render", str(MIDTBY), "--format", "md", "-o", str(out), "--skabelon", str(bad)])
    assert "ikke md" in capsys.readouterr().err


def test_the_pdf_takes_the_logo_and_the_heading_colour(template: Path, tmp_path: Path) -> None:
    out = tmp_path / "aftale.pdf"
    args = ["render", str(MIDTBY), "--format", "pdf", "-o", str(out), "--skabelon", str(template)]
    assert main(args) == 0
    pages = PdfReader(out).pages
    assert all(len(page.images) == 1 for page in pages)  # the logo at the top of every page
    assert pdfua.validate(str(out)).findings == ()
    html = tmp_path / "aftale.html"
    args = ["render", str(MIDTBY), "--format", "html", "-o", str(html), "--skabelon", str(template)]
    assert main(args) == 0
    colour = brand(read(template.read_bytes(), STYLES)).colour
    assert colour is not None and f"h1, h2, h3, h4 {{ color: #{colour}; }}" in html.read_text(
        "utf-8"
    )


def test_the_builder_makes_the_same_file_with_the_same_template(
    template: Path, tmp_path: Path
) -> None:
    out = tmp_path / "aftale.docx"
    args = ["render", str(MIDTBY), "--format", "docx", "-o", str(out), "--skabelon", str(template)]
    assert main(args) == 0
    request = {
        "text": MIDTBY.read_text("utf-8"),
        "name": "aftale.yaml",
        "template": base64.b64encode(template.read_bytes()).decode("ascii"),
    }
    answer = json.loads(call("render_docx", json.dumps(request)))
    assert base64.b64decode(answer["docx"]) == out.read_bytes()
    html = json.loads(call("render_html", json.dumps(request)))["html"]
    assert '<div class="logo"><img src="data:image/png;base64,' in html
    refused = json.loads(call("render_docx", json.dumps({**request, "template": "AAAA"})))
    assert refused["docx"] is None and "ikke en Word-fil" in refused["templateProblem"]
