"""The one Word writer (kbtools.render.docx_writer): valid WordprocessingML in every part, the
same bytes from the CLI, the site and the builder, and read back by python-docx (what Word
users' tools read) with real headings, lists, table grids and page fields."""

from __future__ import annotations

import base64
import io
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from wordfile import parts, schema_errors

from kbtools.api import check_file
from kbtools.browser.entry import call
from kbtools.cli import main
from kbtools.render import render_agreement
from kbtools.render.blocks import WHOLE_TABLE_ROWS, Rendered
from kbtools.render.docx_template import word_template
from kbtools.render.docx_writer import to_docx
from kbtools.render.model import Bullets, Heading, Table, build
from kbtools.yaml_writer import to_yaml

ROOT = Path(__file__).resolve().parents[2]
CASES = sorted((ROOT / "cases").glob("*/aftale.yaml"))
MIDTBY = ROOT / "cases" / "midtby" / "aftale.yaml"
DRAFT = ROOT / "tests" / "data" / "agreements" / "invalid" / "ukendt-part.yaml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEXT_WIDTH = 9071  # twips: 16 cm, A4 less two margins of 2.5 cm


def cli_docx(source: Path, folder: Path, *flags: str) -> bytes:
    out = folder / f"{source.parent.name}-{source.stem}.docx"
    assert main(["render", str(source), "--format", "docx", "-o", str(out), *flags]) == 0
    return out.read_bytes()


def builder_docx(text: str) -> Any:
    answer = json.loads(call("render_docx", json.dumps({"text": text, "name": "aftale.yaml"})))
    return answer


def _style(paragraph: Any) -> str:
    return str(paragraph.style.name) if paragraph.style is not None else ""


@pytest.mark.parametrize("source", CASES, ids=lambda path: path.parent.name)
def test_cli_site_and_builder_give_the_same_bytes(source: Path, tmp_path: Path) -> None:
    content = cli_docx(source, tmp_path)
    answer = builder_docx(source.read_text("utf-8"))
    assert answer["draft"] is False
    assert base64.b64decode(answer["docx"]) == content
    assert render_agreement(check_file(source).data, "docx", False) == content  # the site's
    assert cli_docx(source, tmp_path, "--overskriv") == content  # and again tomorrow


@pytest.mark.parametrize("source", [*CASES, DRAFT], ids=lambda path: path.stem)
def test_every_part_is_valid_wordprocessingml(source: Path, tmp_path: Path) -> None:
    content = cli_docx(source, tmp_path, "--kladde")
    assert schema_errors(content) == []
    assert sorted(parts(content)) == sorted(
        [
            "[Content_Types].xml",
            "_rels/.rels",
            "docProps/app.xml",
            "docProps/core.xml",
            "word/_rels/document.xml.rels",
            "word/document.xml",
            "word/footer1.xml",
            "word/numbering.xml",
            "word/settings.xml",
            "word/styles.xml",
            *(["word/header1.xml"] if source == DRAFT else []),
        ]
    )


def test_the_word_template_is_valid_too() -> None:
    assert schema_errors(word_template()) == []
    assert word_template() == word_template()


def test_headings_have_styles_and_outline_levels() -> None:
    doc = build(check_file(MIDTBY).data)
    document = docx.Document(io.BytesIO(to_docx(doc)))
    shown = [(_style(p), p.text) for p in document.paragraphs if _style(p).startswith(("T", "H"))]
    expected = [
        ("Title" if b.level == 1 else f"Heading {b.level}", b.text)
        for b in doc.flat()
        if isinstance(b, Heading)
    ]
    parties = [("Heading 3", party) for party in doc.parties]
    assert shown == expected + parties  # signatures: a party each, last
    levels = {
        str(style.name): style.element.find(f"{W}pPr/{W}outlineLvl").get(f"{W}val")
        for style in document.styles
        if str(style.name).startswith(("Heading", "Title"))
    }
    assert levels == {
        "Title": "0",
        "Heading 1": "0",
        **{f"Heading {n}": str(n - 1) for n in (2, 3, 4)},
    }


def test_lists_are_word_lists() -> None:
    doc = build(check_file(MIDTBY).data)
    content = to_docx(doc)
    document = docx.Document(io.BytesIO(content))
    items = [p for p in document.paragraphs if _style(p) == "List Bullet"]
    assert [p.text for p in items] == [
        i for b in doc.blocks if isinstance(b, Bullets) for i in b.items
    ]
    assert all(p._p.find(f"{W}pPr/{W}numPr/{W}numId").get(f"{W}val") == "1" for p in items)
    assert not any(p.text.startswith("•") for p in document.paragraphs)
    numbering = parts(content)["word/numbering.xml"].decode()
    assert '<w:numFmt w:val="bullet"/><w:lvlText w:val="•"/>' in numbering


def test_tables_have_a_grid_that_fills_the_line() -> None:
    doc = build(check_file(MIDTBY).data)
    document = docx.Document(io.BytesIO(to_docx(doc)))
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert [[[c.text for c in row.cells] for row in t.rows] for t in document.tables] == [
        [t.header, *t.rows] for t in tables
    ]
    for table in document.tables:
        grid = [int(col.get(f"{W}w")) for col in table._tbl.tblGrid.findall(f"{W}gridCol")]
        assert sum(grid) == TEXT_WIDTH and min(grid) > 500
        assert table.rows[0]._tr.find(f"{W}trPr/{W}tblHeader") is not None
    parties = document.tables[0]
    # the longest word of a column fits its width (no »virksomhedsservic|e«)
    for row in parties.rows:
        for cell, width in zip(row.cells, [c.width for c in parties.columns], strict=True):
            longest = max(map(len, cell.text.split()), default=0)
            assert width is None or longest * 0.2 < width.cm


def _kept_rows(table: Any) -> list[bool]:
    """Per row: whether Word keeps it on the page of the next row (every paragraph in it
    »keep with next«)."""
    return [
        all(p._p.find(f"{W}pPr/{W}keepNext") is not None for c in row.cells for p in c.paragraphs)
        for row in table.rows
    ]


def test_a_short_table_stays_on_one_page_and_a_long_one_keeps_its_ends() -> None:
    short = Table("Kort", ["Post", "2027"], [[f"Post {i}", "10"] for i in range(WHOLE_TABLE_ROWS)])
    long = Table(
        "Lang", ["Post", "2027"], [[f"Post {i}", "10"] for i in range(WHOLE_TABLE_ROWS + 5)]
    )
    doc = Rendered("Tabeller", draft=False, blocks=[short, long])
    first, second = docx.Document(io.BytesIO(to_docx(doc))).tables
    # the header and every row but the last go with the next row: Word moves them together
    assert _kept_rows(first) == [True] * WHOLE_TABLE_ROWS + [False]
    # a long table may break, but not after its header and not before its last row
    kept = _kept_rows(second)
    assert kept[0] and kept[-2] and not kept[-1] and not any(kept[1:-2])


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 3 * WHOLE_TABLE_ROWS), st.integers(0, 3))
def test_any_budget_keeps_together_as_the_model_says(posts: int, dropped_total: int) -> None:
    """Fjordkommune's agreement with any number of budget posts, with or without its totals:
    the Word file from the CLI's writer and from the browser is the same, and every table in it
    is kept together as :attr:`Table.kept_whole` says, as is the html's."""
    data = check_file(ROOT / "cases" / "fjordkommune" / "aftale.yaml").data
    money = data["økonomi"]
    money["budget"] = [
        {"navn": f"Post {i}", "pr_år": {2025: i, 2026: i}, "i_alt": 2 * i} for i in range(posts)
    ]
    if dropped_total:
        money.pop("budget_i_alt")
    doc = build(data, draft=True)
    tables = [b for b in doc.flat() if isinstance(b, Table)]
    word = render_agreement(data, "docx", True)
    for table, written in zip(tables, docx.Document(io.BytesIO(word)).tables, strict=True):
        kept = _kept_rows(written)
        assert len(kept) == len(table.rows) + 1 and not kept[-1]
        if table.kept_whole:
            assert all(kept[:-1])
        else:
            assert kept[0] and kept[-2] and not any(kept[1:-2])
    html = render_agreement(data, "html", True).decode("utf-8")
    assert html.count('<table class="hel">') == sum(t.kept_whole for t in tables)
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "aftale.yaml"
        source.write_text(to_yaml(data), encoding="utf-8")
        from_cli = cli_docx(source, Path(folder), "--kladde")
        assert base64.b64decode(builder_docx(source.read_text("utf-8"))["docx"]) == from_cli


def test_footer_counts_pages_and_the_file_is_danish() -> None:
    content = to_docx(build(check_file(MIDTBY).data))
    footer = parts(content)["word/footer1.xml"].decode()
    assert ">Side </w:t>" in footer and "> PAGE </w:instrText>" in footer
    assert ">af </w:t>" not in footer and "> af </w:t>" in footer
    assert "> NUMPAGES </w:instrText>" in footer
    document = docx.Document(io.BytesIO(content))
    assert document.sections[0].footer.paragraphs[0].text == "Side 1 af 1"
    assert document.core_properties.language == "da-DK"
    settings = parts(content)["word/settings.xml"].decode()
    assert '<w:decimalSymbol w:val=","/>' in settings


def test_a_draft_says_kladde_on_every_page(tmp_path: Path) -> None:
    answer = builder_docx(DRAFT.read_text("utf-8"))
    assert answer["draft"] is True
    content = base64.b64decode(answer["docx"])
    assert content == cli_docx(DRAFT, tmp_path, "--kladde")
    document = docx.Document(io.BytesIO(content))
    assert document.sections[0].header.paragraphs[0].text.startswith("KLADDE – aftalen")
    assert 'string="KLADDE"' in parts(content)["word/header1.xml"].decode()
    assert str(document.core_properties.title).startswith("KLADDE: ")


def test_text_that_xml_cannot_hold_is_left_out() -> None:
    data = check_file(MIDTBY).data
    data["titel"] = "Aftale <&> \x00\ufffe med »tegn«\tog\vlinjer"
    content = to_docx(build(data))
    assert schema_errors(content) == []
    document = docx.Document(io.BytesIO(content))
    assert document.paragraphs[0].text == "Aftale <&>  med »tegn«\tog\nlinjer"
    assert document.core_properties.title == "Aftale <&> med »tegn« og linjer"


def test_no_word_document_for_a_file_that_is_not_an_agreement() -> None:
    assert builder_docx("skema: typologivurdering/1\n")["docx"] is None


PURE = """
import sys
before = set(sys.modules)
sys.modules["yaml._yaml"] = sys.modules["_yaml"] = None  # as in Pyodide: PyYAML without libyaml
from kbtools.api import check_file
from kbtools.render.docx_writer import to_docx
from kbtools.render.model import build
to_docx(build(check_file(sys.argv[1]).data))
print(sorted(
    name for name, module in sys.modules.items()
    if module is not None and name not in before
    and name.partition(".")[0] not in (*sys.stdlib_module_names, "kbtools", "yaml")
))
"""


def test_the_writer_needs_only_the_standard_library() -> None:
    """What Pyodide can run: no python-docx, no lxml, nothing compiled outside Python."""
    done = subprocess.run(
        [sys.executable, "-c", PURE, str(MIDTBY)], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"
