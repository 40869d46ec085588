"""The steering group's status note (``kbtools render opfoelgning-ÅÅÅÅ.yaml``), read back.

Fjordkommune's two follow-ups are rendered by the CLI in every format and read back: the Word
file with python-docx (and checked against the WordprocessingML schema), the PDF with pypdf
(at most two A4 pages, the PDF/UA-1 rules), the html and the Markdown as text. The browser's
``render_note`` gives the same bytes as the CLI. A folder with two versions of the agreement
shows what changed between them, in ``kbtools diff``'s words.
"""

from __future__ import annotations

import base64
import json
import re
import shutil
from pathlib import Path
from typing import Any

import docx
import pdfua
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from wordfile import schema_errors

from kbtools.api import check_file
from kbtools.browser.entry import call
from kbtools.cli import main
from kbtools.danish import format_number
from kbtools.render.blocks import Bars, Bullets, Heading, Rendered, Table
from kbtools.render.note import NoteSources, build_note
from kbtools.render.note_sources import folder_files, note_sources

ROOT = Path(__file__).resolve().parents[2]
FJORD = ROOT / "cases" / "fjordkommune"
NOTES = sorted(FJORD.glob("opfoelgning-*.yaml"))
NOTE_2026 = FJORD / "opfoelgning-2026.yaml"
A4 = (595, 842)  # points, rounded
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SHADE = re.compile(r'<w:shd w:val="clear" w:color="auto" w:fill="([0-9A-F]{6})"/>')


def render(source: Path, fmt: str, out: Path, *flags: str) -> bytes:
    target = out / f"{source.stem}.{fmt}"
    assert main(["render", str(source), "--format", fmt, "-o", str(target), *flags]) == 0
    return target.read_bytes()


def _doc(source: Path = NOTE_2026) -> Rendered:
    data = check_file(source).data
    return build_note(data, note_sources(data, folder_files(source)))


def test_the_note_has_the_goals_budget_typology_and_learning() -> None:
    doc = _doc()
    headings = [b.text for b in doc.flat() if isinstance(b, Heading)]
    assert headings == [
        "Statusnotat 2026: LKS Fjordkommune (fiktivt eksempel)",
        "1. Mål",
        "2. Økonomi i 2026",
        "3. Typologivurdering",
        "4. Læring og ændringer",
        "4.1 Det har vi lært",
        "4.2 Det vil vi ændre",
    ]
    tables = [b for b in doc.flat() if isinstance(b, Table)]
    goals, money, typology = tables
    assert [row[1] for row in goals.rows] == ["Nået", "På vej"]  # status as words
    assert goals.rows[0][2] == "Antal sambesøg i det fælles CRM. Frist: 31. december 2026."
    assert goals.rows[1][3].startswith("171 kursister")
    assert money.header == ["Budgetpost", "Budget", "Forbrug", "Brugt"]
    assert money.rows == [
        ["Fælles virksomhedsservice", "800", "806", "101 %"],
        ["Udvikling af partnerskabet", "200", "218", "109 %"],
        ["I alt", "1.000", "1.024", "102 %"],
    ]
    assert money.caption == "Budget og forbrug 2026 (beløb i 1.000 kr.)"
    assert typology.header == ["Parameter", "10. marts 2025", "15. september 2025", "Ændring"]
    assert ["Mål", "Kompagniet", "Kompagniet", "Uændret"] in typology.rows


def test_every_bar_carries_its_numbers_as_text() -> None:
    (chart,) = [b for b in _doc().flat() if isinstance(b, Bars)]
    label, (budget, spent) = chart.rows[0]
    assert label == "Fælles virksomhedsservice"
    assert budget.text == "Budget: 800" and spent.text == "Forbrug: 806 (101 % af budgettet)"
    assert spent.kind == "over" and spent.share == 1.0 and budget.share == 800 / 806


def test_a_total_over_an_amount_that_is_not_a_number_is_not_shown() -> None:
    """In a draft, »I alt« over a spending or a budget that is not a number is »–«, not a sum
    that leaves it out; the other lines and the other column keep their figures."""
    data = check_file(NOTE_2026).data
    sources = note_sources(data, folder_files(NOTE_2026))
    assert sources.agreement is not None
    data["økonomi"]["forbrug"].append({"post": "Fælles virksomhedsservice", "beløb": "10.000"})
    money = [b for b in build_note(data, sources).flat() if isinstance(b, Table)][1]
    assert money.rows == [
        ["Fælles virksomhedsservice", "800", "–", "–"],
        ["Udvikling af partnerskabet", "200", "218", "109 %"],
        ["I alt", "1.000", "–", "–"],
    ]
    data = check_file(NOTE_2026).data
    sources.agreement["økonomi"]["budget"][1]["pr_år"]["2026"] = "200 kr."
    money = [b for b in build_note(data, sources).flat() if isinstance(b, Table)][1]
    assert money.rows == [
        ["Fælles virksomhedsservice", "800", "806", "101 %"],
        ["Udvikling af partnerskabet", "–", "218", "–"],
        ["I alt", "–", "1.024", "–"],
    ]


_POSTS = ["Fælles virksomhedsservice", "Udvikling af partnerskabet", "Ny post"]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(_POSTS),
            st.one_of(st.integers(0, 10**6), st.sampled_from(["10.000", "806,5", None, True])),
        ),
        max_size=6,
    )
)
def test_every_spending_total_is_exact_or_a_dash(spending: list[tuple[str, Any]]) -> None:
    """Whatever a draft's spending holds, a line's »Forbrug« and »I alt« are the exact sum of
    what was spent, or »–« when an amount among them is not a number."""
    data = check_file(NOTE_2026).data
    data["økonomi"]["forbrug"] = [{"post": post, "beløb": value} for post, value in spending]
    sources = note_sources(check_file(NOTE_2026).data, folder_files(NOTE_2026))
    money = [b for b in build_note(data, sources).flat() if isinstance(b, Table)][1]
    shown = {row[0]: row[2] for row in money.rows}

    def expected(values: list[Any]) -> str:
        if any(isinstance(v, bool) or not isinstance(v, int) for v in values):
            return "–"
        return format_number(sum(values))

    for post in _POSTS:
        values = [value for name, value in spending if name == post]
        if values:
            assert shown[post] == expected(values), post
    if spending:
        assert shown["I alt"] == expected([value for _, value in spending])


def test_a_note_without_agreement_or_assessments_still_reads() -> None:
    doc = build_note({"år": 2026, "partnerskab": "LKS Ø", "mål": "ikke en liste"}, NoteSources())
    texts = [getattr(b, "text", "") for b in doc.flat()]
    assert "Der er ingen typologivurdering med i notatet." in texts
    assert "Hverken aftalen eller opfølgningen nævner mål." in texts
    assert "Opfølgningen nævner ingen læring." in texts


@pytest.mark.parametrize("source", NOTES, ids=lambda path: path.stem)
def test_cli_and_browser_give_the_same_bytes(source: Path, tmp_path: Path) -> None:
    _assert_same_bytes(source, tmp_path)


def test_cli_and_browser_give_the_same_bytes_beside_an_earlier_version(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    _assert_same_bytes(_two_versions(tmp_path) / "opfoelgning-2026.yaml", out)


def _assert_same_bytes(source: Path, tmp_path: Path) -> None:
    """``kbtools render`` on ``source`` and the browser's render_note given the files of its
    folder write the same bytes in every format."""
    folder = [
        {"name": name, "base64": base64.b64encode(content).decode("ascii")}
        for name, content in folder_files(source)
    ]
    for fmt in ("docx", "html", "md"):
        content = render(source, fmt, tmp_path)
        args = {"text": source.read_text("utf-8"), "name": source.name, "folder": folder}
        answer = json.loads(call("render_note", json.dumps({**args, "format": fmt})))
        assert answer["draft"] is False
        shown = answer[fmt]
        assert (base64.b64decode(shown) if fmt == "docx" else shown.encode("utf-8")) == content


def test_the_browser_refuses_a_file_that_is_not_a_follow_up() -> None:
    text = (FJORD / "aftale.yaml").read_text("utf-8")
    answer = json.loads(call("render_note", json.dumps({"text": text, "format": "html"})))
    assert answer["html"] is None and answer["wrongKind"]["code"] == "skema-forkert-slags"


def test_the_word_note_reads_back_with_a_chart_of_shaded_bars(tmp_path: Path) -> None:
    content = render(NOTE_2026, "docx", tmp_path)
    assert schema_errors(content) == []
    document = docx.Document(str(tmp_path / "opfoelgning-2026.docx"))
    styles = {p.text: str(p.style.name) for p in document.paragraphs if p.style is not None}
    assert styles["Statusnotat 2026: LKS Fjordkommune (fiktivt eksempel)"] == "Title"
    assert styles["2. Økonomi i 2026"] == "Heading 2"
    goals, money, chart, _typology = document.tables
    assert [c.text for c in goals.rows[1].cells][:2] == [
        "80 virksomheder har fået et fælles besøg om året.",
        "Nået",
    ]
    assert [c.text for c in money.rows[-1].cells] == ["I alt", "1.000", "1.024", "102 %"]
    # the cells as written (python-docx repeats a merged cell once per grid column)
    rows = [[text for tc in row._tr.tc_lst if (text := _cell_text(tc))] for row in chart.rows]
    assert rows[:2] == [
        ["Fælles virksomhedsservice", "Budget: 800"],
        ["Forbrug: 806 (101 % af budgettet)"],
    ]
    xml = chart._tbl.xml
    assert SHADE.findall(xml) == ["C9D6EC", "8A1C1C", "C9D6EC", "8A1C1C"]  # text says it all
    props = document.core_properties
    assert props.category == "Statusnotat" and props.content_status == "Færdig"


def _cell_text(tc: Any) -> str:
    return "".join(t.text or "" for t in tc.iter(f"{W}t"))


def _pdf_lines(path: Path) -> list[str]:
    return [line for page in PdfReader(path).pages for line in page.extract_text().splitlines()]


@pytest.mark.parametrize("source", NOTES, ids=lambda path: path.stem)
def test_the_pdf_note_fits_on_two_a4_pages_and_passes_pdfua(source: Path, tmp_path: Path) -> None:
    render(source, "pdf", tmp_path)
    path = tmp_path / f"{source.stem}.pdf"
    reader = PdfReader(path)
    assert 1 <= len(reader.pages) <= 2
    assert all(tuple(round(v) for v in p.mediabox[2:]) == A4 for p in reader.pages)
    text = " ".join(_pdf_lines(path))
    for words in ("Budget: 800", "Typologivurdering", "Det vil vi ændre", "På vej"):
        assert words in text
    report = pdfua.validate(str(path))
    assert [(f.rule_id, f.message) for f in report.findings] == []


def test_the_html_note_says_every_colour_in_words(tmp_path: Path) -> None:
    html = render(NOTE_2026, "html", tmp_path).decode("utf-8")
    assert '<html lang="da-DK">' in html and '<body class="kort">' in html
    bars = re.findall(
        r'<span class="bar (\w+)" style="width: ([\d.]+)%" aria-hidden="true">'
        r"</span><span>([^<]+)</span>",
        html,
    )
    assert [(kind, text) for kind, _, text in bars] == [
        ("budget", "Budget: 800"),
        ("over", "Forbrug: 806 (101 % af budgettet)"),
        ("budget", "Budget: 200"),
        ("over", "Forbrug: 218 (109 % af budgettet)"),
    ]
    md = render(NOTE_2026, "md", tmp_path).decode("utf-8")
    assert "| Fælles virksomhedsservice | 800 | 806 | 101 % |" in md
    assert "- Fælles virksomhedsservice: Budget: 800; Forbrug: 806 (101 % af budgettet)" in md


def _two_versions(tmp_path: Path) -> Path:
    """Fjordkommune's folder with an earlier version of the agreement beside it."""
    folder = tmp_path / "fjord"
    shutil.copytree(FJORD, folder)
    text = (FJORD / "aftale.yaml").read_text("utf-8")
    older = text.replace('version: "2"', 'version: "1"').replace(
        "versionsdato: 2024-12-01", "versionsdato: 2024-06-01"
    )
    older = older.replace(
        "      pr_år: {2025: 200, 2026: 200}\n      i_alt: 400",
        "      pr_år: {2025: 150, 2026: 250}\n      i_alt: 400",
    )
    (folder / "aftale-v1.yaml").write_text(older, encoding="utf-8")
    return folder


def test_changes_since_the_previous_version_are_diffs_words(tmp_path: Path) -> None:
    from kbtools.diff import diff_agreements
    from kbtools.loading import load_path

    folder = _two_versions(tmp_path)
    source = folder / "opfoelgning-2026.yaml"
    data = load_path(source)[0].data  # type: ignore[union-attr]
    sources = note_sources(data, folder_files(source))
    assert sources.agreement is not None and sources.agreement["version"] == "2"
    assert sources.previous is not None and sources.previous["version"] == "1"
    doc = build_note(data, sources)
    blocks = doc.flat()
    at = [i for i, b in enumerate(blocks) if getattr(b, "text", "") == "4. Ændringer i aftalen"]
    assert at, [getattr(b, "text", "") for b in blocks]
    lead, changes = blocks[at[0] + 1], blocks[at[0] + 2]
    assert (
        lead.text
        == "Fra version 1 af 1. juni 2024 til version 2 af 1. december 2024 er aftalen ændret "
        "sådan:"
    )
    assert isinstance(changes, Bullets)
    expected = [c.text for c in diff_agreements(sources.previous, sources.agreement)]
    assert changes.items == expected and expected


def test_a_follow_up_with_errors_renders_only_as_a_draft(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "fjord"
    shutil.copytree(FJORD, folder)
    source = folder / "opfoelgning-2026.yaml"
    source.write_text(source.read_text("utf-8").replace("status: nået", "status: næsten"), "utf-8")
    out = tmp_path / "notat.html"
    assert main(["render", str(source), "--format", "html", "-o", str(out)]) == 1
    assert "Opfølgningen har fejl, så notatet laves ikke" in capsys.readouterr().err
    assert not out.exists()
    assert main(["render", str(source), "--format", "html", "-o", str(out), "--kladde"]) == 0
    html = out.read_text("utf-8")
    assert "KLADDE – opfølgningen har fejl, så notatet er ikke færdigt" in html
    assert "<td>Næsten</td>" in html  # the odd value as readable text


def test_the_note_never_overwrites_without_overskriv(tmp_path: Path) -> None:
    out = tmp_path / "notat.md"
    out.write_text("mit eget", "utf-8")
    assert main(["render", str(NOTE_2026), "--format", "md", "-o", str(out)]) == 2
    assert out.read_text("utf-8") == "mit eget"
    assert main(["render", str(NOTE_2026), "--format", "md", "-o", str(out), "--overskriv"]) == 0
    assert out.read_text("utf-8").startswith("# Statusnotat 2026")


_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
_KEYS = ["skema", "partnerskab", "år", "dato", "mål", "økonomi", "læring", "ændringer"]


_AGREEMENT_KEYS = ["titel", "version", "versionsdato", "parter", "formål", "økonomi"]


@settings(max_examples=80, deadline=None)
@given(
    st.dictionaries(st.sampled_from(_KEYS), _VALUES),
    st.one_of(st.none(), st.dictionaries(st.sampled_from(_AGREEMENT_KEYS), _VALUES)),
    st.sampled_from(["md", "html", "docx"]),
)
def test_any_loaded_data_gives_a_note_never_an_exception(
    data: dict[str, Any], agreement: dict[str, Any] | None, fmt: str
) -> None:
    """A draft of a follow-up with errors, or an agreement with errors, holds any value
    anywhere; the note still reads."""
    from kbtools.render import render_note

    real = [None, FJORD_AGREEMENT]
    for given_agreement in (agreement, *real):
        sources = NoteSources(agreement=given_agreement, previous=agreement)
        assert render_note(data, sources, fmt, draft=True)


FJORD_AGREEMENT: dict[str, Any] = check_file(FJORD / "aftale.yaml").data


@pytest.mark.parametrize(
    ("statuses", "said"),
    [
        (["Nået", "På vej"], "Af de 2 mål er 1 nået og 1 på vej."),
        (["Nået", "Ingen status", "Ingen status"], "Af de 3 mål er 1 nået, og 2 har ingen status."),
        (["Ingen status", "Ingen status"], "Ingen af de 2 mål har en status."),
        (["Ingen status"], "Målet har ingen status."),
        (["På vej"], "Målet er på vej."),
    ],
)
def test_the_goals_are_summed_up_in_plain_danish(statuses: list[str], said: str) -> None:
    from kbtools.render.note import _goal_summary

    assert _goal_summary(statuses) == said


def test_assessments_all_after_the_notes_date_are_named_as_such() -> None:
    data = check_file(NOTE_2026).data
    sources = note_sources(data, folder_files(NOTE_2026))
    assert sources.assessments
    texts = [
        getattr(b, "text", "") for b in build_note({**data, "dato": "2025-01-01"}, sources).flat()
    ]
    assert (
        "Typologivurderingerne er alle fra efter opfølgningens dato (1. januar 2025), så "
        "notatet viser ingen af dem." in texts
    )
