"""The documents people sign, read back as a signer's program sees them: Word (python-docx and
the package's XML), PDF (pypdf) and the html's head. PDFs are slow to make, so each kind is
rendered once per module."""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path
from typing import IO, Any

import docx
import pytest
from pypdf import PdfReader

from kbtools.cli import main
from kbtools.kinds import AGREEMENT
from kbtools.render.docx_writer import column_widths
from kbtools.render.model import FRONT, Table, build
from kbtools.render.text_writers import SIGNATURE_LINE

MIDTBY = Path(__file__).resolve().parents[2] / "cases" / "midtby" / "aftale.yaml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PARTIES = ["Jobcenter Midtby", "Midtby Erhvervsråd", "Midtby Tekniske Skole"]


def _draft_source(tmp: Path) -> Path:
    """Midtby with one template placeholder left: an unfilled part makes it a draft."""
    text = MIDTBY.read_text(encoding="utf-8").replace("navn: Anders Beck", "navn: Skriv navn her")
    assert "Skriv navn her" in text
    path = tmp / "kladde.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _render(source: Path, fmt: str, out: Path, *extra: str) -> Path:
    assert main(["render", str(source), "--format", fmt, "-o", str(out), *extra]) == 0
    return out


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("dokumenter")
    draft = _draft_source(tmp)
    made = {}
    for fmt in ("docx", "pdf"):
        made[fmt] = _render(MIDTBY, fmt, tmp / f"aftale.{fmt}")
        made[f"kladde.{fmt}"] = _render(draft, fmt, tmp / f"kladde.{fmt}", "--kladde")
    return made


def _style(paragraph: Any) -> str:
    return str(paragraph.style.name) if paragraph.style is not None else ""


def _headings(document: Any) -> list[str]:
    """The sections' headings without their numbers (»3. Roller og ansvar«)."""
    return [
        p.text.split(". ", 1)[-1] for p in document.paragraphs if _style(p).startswith("Heading 2")
    ]


def test_docx_is_danish_in_every_style_and_setting(files: dict[str, Path]) -> None:
    with zipfile.ZipFile(files["docx"]) as package:
        parts = {name: package.read(name).decode("utf-8", "replace") for name in package.namelist()}
    assert "en-US" not in parts["word/styles.xml"]
    assert 'w:val="da-DK"' in parts["word/styles.xml"]
    assert 'w:themeFontLang w:val="da-DK"' in parts["word/settings.xml"]
    assert "word/stylesWithEffects.xml" not in parts and "docProps/thumbnail.jpeg" not in parts
    defaults = docx.Document(str(files["docx"])).styles.element.find(
        f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang"
    )
    assert defaults is not None and defaults.get(f"{W}val") == "da-DK"
    for name, text in parts.items():
        assert "python-docx" not in text.lower(), name
        assert "Macintosh" not in text, name


def test_docx_metadata_names_the_agreement_and_parties(files: dict[str, Path]) -> None:
    core = docx.Document(str(files["docx"])).core_properties
    assert core.title == "Partnerskabsaftale for LKS Midtby (fiktivt eksempel)"
    assert core.subject == f"Partnerskabsaftale mellem {PARTIES[0]}, {PARTIES[1]} og {PARTIES[2]}"
    assert all(party in core.keywords for party in PARTIES)
    assert core.author == f"{PARTIES[0]}, {PARTIES[1]} og {PARTIES[2]}"  # they wrote it
    assert core.last_modified_by == "LKS-vidensbasen"
    assert core.language == "da-DK" and core.content_status == "Klar til underskrift"


def test_signatures_come_last_in_every_format(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    document = docx.Document(str(files["docx"]))
    headings = _headings(document)
    assert headings[-1] == "Underskrifter"
    assert {"Værdisæt", "Varighed", "Konfliktløsning"} < set(headings[:-1])
    texts = [p.text for p in document.paragraphs]
    assert texts[-1] == "Uddannelseschef" and texts.count(SIGNATURE_LINE) == 3
    for fmt in ("md", "html"):
        assert main(["render", str(MIDTBY), "--format", fmt, "-o", "-"]) == 0
        text = capsys.readouterr().out
        assert text.rindex("Underskrifter") > text.rindex("Konfliktløsning")
    pages = PdfReader(files["pdf"]).pages
    # (pypdf reads a list's bullets after the page's text)
    pdf = "\n".join(page.extract_text().replace("• \n", "") for page in pages)
    assert pdf.index("Underskrifter") > pdf.index("Konfliktløsning") > pdf.index("Værdisæt")
    assert pdf.rstrip().endswith(f"Uddannelseschef\nSide {len(pages)} af {len(pages)}")


def test_docx_tables_repeat_their_header_and_never_break_amounts(files: dict[str, Path]) -> None:
    tables = docx.Document(str(files["docx"])).tables
    budget = next(table for table in tables if table.rows[0].cells[0].text == "Post")
    assert budget.rows[0]._tr.find(f"{W}trPr/{W}tblHeader") is not None
    assert all(row._tr.find(f"{W}trPr/{W}cantSplit") is not None for row in budget.rows)
    amount = budget.rows[1].cells[1]._tc
    assert amount.find(f"{W}tcPr/{W}noWrap") is not None


def test_column_widths_fit_the_longest_word_and_the_line() -> None:
    doc = build({"parter": [{"navn": "Et meget langt navn", "system": "uddannelse"}]})
    parties = next(b for b in doc.blocks if isinstance(b, Table))
    widths = column_widths(parties)
    assert round(sum(widths), 6) == 16.0
    money = Table("Budget", ["Post", "2027"], [["Virksomhedskonsulentbistand", "1.250.000"]])
    first, amount = column_widths(money)
    assert first >= len("Virksomhedskonsulentbistand") * 0.2 and amount >= 9 * 0.2


def _watermark(path: Path | IO[bytes]) -> bool:
    with zipfile.ZipFile(path) as package:
        headers = [n for n in package.namelist() if n.startswith("word/header")]
        return any('string="KLADDE"' in package.read(name).decode() for name in headers)


def test_docx_watermark_only_on_drafts(files: dict[str, Path]) -> None:
    assert _watermark(files["kladde.docx"]) and not _watermark(files["docx"])
    draft = docx.Document(str(files["kladde.docx"]))
    assert draft.sections[0].header.paragraphs[0].text.startswith("KLADDE")
    assert draft.core_properties.content_status == "Kladde"


def test_pdf_is_tagged_danish_and_marked_draft(files: dict[str, Path]) -> None:
    final, draft = PdfReader(files["pdf"]), PdfReader(files["kladde.pdf"])
    root: Any = final.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert root["/Lang"] == "da-DK"
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert 'pdfaid:part="2" pdfaid:conformance="A"' in xmp  # PDF/A-2a: archival and tagged
    assert final.metadata is not None and draft.metadata is not None
    assert final.metadata.title == "Partnerskabsaftale for LKS Midtby (fiktivt eksempel)"
    assert final.metadata.author == ", ".join(PARTIES) and PARTIES[1] in str(final.metadata.subject)
    assert final.metadata.creator == "LKS-vidensbasen"
    text = "\n".join(page.extract_text() for page in final.pages)
    assert "Midtby Erhvervsråd" in text and "15. december 2016" in text and "KLADDE" not in text
    assert str(draft.metadata.title).startswith("KLADDE: ")
    assert all("KLADDE" in page.extract_text() for page in draft.pages)


def test_pdf_without_the_engine_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import weasyprint → ImportError
    out = tmp_path / "a.pdf"
    assert main(["render", str(MIDTBY), "--format", "pdf", "-o", str(out)]) == 2
    assert "PDF kræver WeasyPrint" in capsys.readouterr().err
    assert not out.exists()
    assert main(["render", str(MIDTBY), "--format", "pdf", "-o", "-"]) == 2


def test_html_has_viewport_language_and_a_way_back(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(MIDTBY), "--format", "html", "-o", "-"]) == 0
    html = capsys.readouterr().out
    assert '<html lang="da-DK">' in html
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert '<a href="https://lks-vidensbasen.github.io/">' in html
    assert "vandmaerke" not in html.split("</style>")[1]


def test_html_draft_has_a_diagonal_label_that_prints(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["render", str(_draft_source(tmp_path)), "--format", "html", "-o", "-"]) == 1
    capsys.readouterr()
    source = str(_draft_source(tmp_path))
    assert main(["render", source, "--format", "html", "-o", "-", "--kladde"]) == 0
    html = capsys.readouterr().out
    assert '<div class="vandmaerke" aria-hidden="true">KLADDE</div>' in html
    css = html.split("<style>")[1].split("</style>")[0]
    assert "rotate(-35deg)" in css
    assert ".vandmaerke { position: fixed" in css.split("@media print")[1]
    assert main(["render", source, "--format", "md", "-o", "-", "--kladde"]) == 0
    assert capsys.readouterr().out.splitlines()[0].startswith("> **KLADDE")


def test_word_template_has_every_element_in_order_with_help() -> None:
    from kbtools.render.docx_template import word_template

    content = word_template()
    document = docx.Document(io.BytesIO(content))
    titles = {key: node["title"] for key, node in AGREEMENT.schema["properties"].items()}
    # the front block holds the format line, the title, the version, the case number and
    # whether it is an LKS (in the preamble); the signatures come last, as in every agreement
    expected = [t for k, t in titles.items() if k not in (*FRONT, "underskrifter")]
    assert _headings(document) == [*expected, titles["underskrifter"]]
    paragraphs = document.paragraphs
    assert _style(paragraphs[0]) == "Title"
    assert paragraphs[1].text.startswith("Titel. Trin 4: Den endelige partnerskabsaftale.")
    helps = [p for p in paragraphs if _style(p) == "Hjælpetekst"]
    assert len(helps) > len(expected)
    assert all(p.style is not None and p.style.font.italic for p in helps)
    assert any(p.text.startswith("Trin 3: Rolle- og arbejdsfordeling.") for p in helps)
    core = document.core_properties
    assert core.content_status == "Skabelon" and core.language == "da-DK"
    assert not _watermark(io.BytesIO(content))
