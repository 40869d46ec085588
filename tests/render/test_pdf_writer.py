"""Every example agreement as the PDF the parties sign, read back page by page (pypdf) and
checked with the machine-checkable PDF/UA-1 rules (the PyPI package ``pdfua``).

A page is read as lines from the bottom up, by the position of each piece of text, so the
tests see what a reader sees at the foot of a page, not the order the text was drawn in.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pdfua
import pytest
from pypdf import PdfReader

from kbtools.api import check_file
from kbtools.kinds import AGREEMENT
from kbtools.render import render_agreement
from kbtools.render.blocks import WHOLE_TABLE_ROWS, Paragraph, Rendered
from kbtools.render.model import Heading, Signature, Table, build
from kbtools.render.pdf_writer import to_pdf

CASES = sorted((Path(__file__).resolve().parents[2] / "cases").glob("*/aftale.yaml"))
FOOTER = re.compile(r"^Side \d+ af \d+$")
#: Two »Label: value.« in a row: a data sheet, not an agreement.
RUN_ON = re.compile(r"\b[A-ZÆØÅ][\wæøå-]*: [^:\n]{1,80}?\. [A-ZÆØÅ][\wæøå-]*: ")


def _choices(node: Any) -> set[str]:
    """Every allowed value that has a name for readers (``x-valgnavne``) in the schema."""
    found: set[str] = set()
    if isinstance(node, dict):
        if "x-valgnavne" in node:
            found |= set(node["enum"])
        for value in node.values():
            found |= _choices(value)
    elif isinstance(node, list):
        for value in node:
            found |= _choices(value)
    return found


@pytest.fixture(scope="module", params=CASES, ids=lambda path: path.parent.name)
def case(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Any:
    data = check_file(request.param).data
    path = tmp_path_factory.mktemp("pdf") / "aftale.pdf"
    path.write_bytes(render_agreement(data, "pdf", draft=False))
    return build(data), path


def _lines(page: Any) -> list[str]:
    """The page's lines from the foot up, without the page number and list bullets."""
    rows: dict[int, list[tuple[float, str]]] = {}

    def visit(text: str, cm: list[float], tm: list[float], *_: Any) -> None:
        if text.strip() and text.strip() != "•":
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            rows.setdefault(round(y), []).append((x, text))

    page.extract_text(visitor_text=visit)
    lines = [" ".join(t.strip() for _, t in sorted(rows[y])) for y in sorted(rows)]
    return [line for line in lines if not FOOTER.match(line)]


def test_all_signatories_are_on_one_page_with_the_clause_before_them(case: Any) -> None:
    doc, path = case
    pages = [" ".join(_lines(page)) for page in PdfReader(path).pages]
    signatures = [b for b in doc.flat() if isinstance(b, Signature)]
    dated = [text.count("Dato: ") for text in pages]  # a date line above each signature line
    assert sorted(dated, reverse=True)[:2] == [len(signatures), 0]
    page = pages[dated.index(len(signatures))]
    assert all(s.party in page and s.name in page and s.title in page for s in signatures)
    headings = [b.text for b in doc.flat() if isinstance(b, Heading) and b.level == 2]
    assert headings[-2] in page  # the last clause stays with them


def test_no_page_ends_with_a_heading_or_a_caption(case: Any) -> None:
    doc, path = case
    titles = [b.text for b in doc.flat() if isinstance(b, Heading)]
    titles += [b.caption for b in doc.flat() if isinstance(b, Table) and b.caption]
    for number, page in enumerate(PdfReader(path).pages[:-1], start=1):
        foot = _lines(page)[0]
        assert not any(title.endswith(foot) for title in titles), (number, foot)


def _pages_of(pages: list[str], label: str) -> set[int]:
    return {n for n, text in enumerate(pages) if f" {label} " in f" {text} "}


def test_a_short_table_is_never_split_and_a_long_one_never_leaves_its_last_row_alone() -> None:
    """Long tables of a growing length, then short tables of every length at every height on a
    page (text of a growing length before each): without the rules, a long table leaves its
    last row alone on a page and some short tables are split."""
    blocks: list[Any] = []
    short = []
    for k in range(1, 16):
        blocks.append(Paragraph("Tekst før tabellen. " * 9 * k))
        rows = [[f"Kort{k}.{i}", "1"] for i in range(2 + k % (WHOLE_TABLE_ROWS - 1))]
        short.append(Table(f"Tabel {k}", ["Post", "Beløb"], rows))
        blocks.append(short[-1])
    long = [
        Table(f"Lang {k}", ["Post", "Beløb"], [[f"Lang{k}.{i}", "1"] for i in range(13 + k)])
        for k in range(20)
    ]
    assert not any(table.kept_whole for table in long)
    pdf = to_pdf(Rendered("Tabeller", draft=False, blocks=[*long, *blocks]))
    pages = [" ".join(_lines(page)) for page in PdfReader(io.BytesIO(pdf)).pages]
    split = [
        t.caption for t in short if len(set().union(*(_pages_of(pages, r[0]) for r in t.rows))) != 1
    ]
    assert split == []
    alone = [
        t.caption
        for t in long
        if _pages_of(pages, t.rows[-1][0]) != _pages_of(pages, t.rows[-2][0])
    ]
    assert alone == []


def test_clauses_are_sentences_with_values_in_their_danish_form(case: Any) -> None:
    _doc, path = case
    text = "\n".join(line for page in PdfReader(path).pages for line in _lines(page))
    assert not RUN_ON.search(text.replace("\n", " "))
    raw = _choices(AGREEMENT.schema)
    assert raw >= {"beskæftigelse", "ledelse", "operationel"}
    in_brackets = re.compile(r"\((?:" + "|".join(sorted(raw)) + r")\)")
    for line in text.splitlines():
        words = set(re.findall(r"[\wæøå]+", line))
        assert line not in raw and not in_brackets.search(line), line
        assert not (words & raw and re.search(r"\b(?:System|Niveau|Type): ", line)), line


def test_the_pdf_passes_the_machine_checkable_pdfua_rules(case: Any) -> None:
    _doc, path = case
    report = pdfua.validate(str(path))
    assert [(f.rule_id, f.message) for f in report.findings] == []


def test_headers_resolve_and_the_file_says_what_it_is(case: Any) -> None:
    doc, path = case
    reader = PdfReader(path)
    root: Any = reader.trailer["/Root"]
    assert root["/Lang"] == "da-DK"
    assert reader.metadata is not None and reader.metadata.author == ", ".join(doc.parties)
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert "<pdfuaid:part>1</pdfuaid:part>" in xmp
    assert 'pdfaid:part="2"' in xmp and 'pdfaid:conformance="A"' in xmp  # still PDF/A-2a
    tree: Any = root["/StructTreeRoot"].get_object()
    names: Any = tree["/IDTree"].get_object()["/Names"]
    ids: dict[str, Any] = {
        str(names[i]): names[i + 1].get_object() for i in range(0, len(names), 2)
    }
    headers = [cell for cell in ids.values() if cell["/S"] == "/TH"]
    assert headers and len(headers) == len(ids)
    assert {cell["/A"]["/Scope"] for cell in headers} == {"/Column", "/Row"}
    assert all(str(cell["/ID"]) == key for key, cell in ids.items())
