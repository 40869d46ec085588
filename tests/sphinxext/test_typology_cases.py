"""Case pages and the comparison page ({lks-case}, {lks-sammenligning}), one test root each:

- ``test-typology-cases``: the repository's own cases (case pages, comparisons, no warnings);
- ``test-typology-cases-broken``: an assessment with an error gives a located warning;
- ``test-typology-cases-xss``: HTML in every text the pages show stays text;
- ``test-typology-cases-unknown``: a case that does not exist;
- ``test-typology-cases-bad-date``: a comparison whose ``:dato:`` is not a date.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

pytestmark = pytest.mark.slow  # builds Sphinx projects

REPO = Path(__file__).resolve().parents[2]
#: Build the test root against the repository's cases/ (the site's real example cases).
REPO_CASES = {"kbtools_cases_root": str(REPO)}


@dataclass(frozen=True)
class Built:
    """A finished build: its HTML folder and the warnings it printed."""

    outdir: Path
    warnings: str


@pytest.fixture(scope="module")
def repo_cases(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """``test-typology-cases`` built once against the repository's cases, for the tests that
    only read its pages (each test that edits the root or checks a rebuild builds its own).
    The app is cleaned up at once, as the ``app`` fixture does after each test: a second live
    app would find Sphinx' nodes registered twice."""
    srcdir = tmp_path_factory.mktemp("typology-cases") / "src"
    shutil.copytree(REPO / "tests" / "roots" / "test-typology-cases", srcdir)
    app = SphinxTestApp("html", srcdir=srcdir, confoverrides=REPO_CASES)
    try:
        app.build()
        return Built(Path(app.outdir), app.warning.getvalue())
    finally:
        app.cleanup()


def _html(app: SphinxTestApp | Built, page: str = "index") -> str:
    return (Path(app.outdir) / f"{page}.html").read_text(encoding="utf-8")


def _table(html: str, caption: str) -> str:
    """The table with ``caption`` (its HTML, from ``<table`` to ``</table>``)."""
    end = html.index("</table>", html.index(caption))
    return html[html.rindex("<table", 0, end) : end]


def test_case_page_has_profile_table_radar_history_and_inference(repo_cases: Built) -> None:
    app = repo_cases
    assert app.warnings == ""
    html = _html(app, "midtby")
    assert html.count('role="img"') == 1 + 8  # the radar and one development panel each
    assert "Seneste vurdering: 18. marts 2020 (selvevaluering, vurderet af Styregruppen" in html
    radar_title = "<title>Radardiagram over profilen for Partnerskabsaftale for LKS Midtby"
    assert radar_title in html and "den 18. marts 2020: Mandat" in html
    # the development chart: one panel per parameter, text alternative with every step
    development = html[html.index('class="kbtools-development-figure"') :]
    development = development[: development.index("</figure>")]
    assert development.count("<polyline") == 8
    assert 'aria-label="Udviklingen for Partnerskabsaftale for LKS Midtby' in development
    assert "over 3 vurderinger" in development
    assert "15. marts 2018" in development and "18. marts 2020" in development
    for level in ("Kantinen", "Klubben", "Kompagniet"):  # every panel names the levels
        assert development.count(f">{level}</text>") == 8
    profile = _table(html, "Profil den 18. marts 2020")
    assert '<td class="kbtools-niveau-kompagni"><p>Kompagniet</p>' in profile
    assert "<p>Klubben (på vej mod kompagniet)</p>" in profile
    history = _table(html, "Udvikling over tid")
    for day in ("15. marts 2018", "20. marts 2019", "18. marts 2020"):
        assert f"<p>{day}</p>" in history
    for iso in ("2018-03-15", "2019-03-20", "2020-03-18"):
        assert iso not in html  # every date is written the Danish way
    inference = _table(html, "Hvad aftalen peger på i typologien")
    assert "<p>Alle tre systemer er med.</p>" in inference
    assert "<p>Seneste vurdering</p>" in inference  # the assessment next to the indication
    assert "Midtby Erhvervsråd (erhvervsfremme) og Midtby Tekniske Skole (uddannelse)." in html
    assert "Kontrol af casens filer: 0 fejl, 1 advarsel og 3 anbefalinger." in html


def test_comparison_shows_every_case_at_its_latest_assessment(repo_cases: Built) -> None:
    app = repo_cases
    html = _html(app)
    matrix = _table(html, "Casene ved seneste vurdering")
    # the short name links to the case page (Fjordkommune has no page in this root)
    assert (
        '<a class="reference internal" href="midtby.html"><span class="doc">Midtby</span>' in matrix
    )
    assert "<span>Fjordkommune</span>" in matrix
    assert "Partnerskabsaftale for" not in matrix
    assert '<span class="kbtools-dato">18. marts 2020</span>' in matrix
    assert "12. november 2025" in matrix
    assert matrix.count("<tr") == 1 + 3  # header and the repository's three cases
    distribution = _table(html, "Fordeling pr. parameter (antal cases)")
    assert distribution.count("<tr") == 1 + 8


def test_comparison_can_show_an_earlier_date(repo_cases: Built) -> None:
    app = repo_cases
    matrix = _table(_html(app, "dato"), "Casene pr. 1. januar 2019")
    assert "15. marts 2018</span>" in matrix and "18. marts 2020" not in matrix
    assert matrix.count("<tr") == 1 + 1  # only Midtby was assessed by then


@pytest.mark.sphinx("html", testroot="typology-cases-bad-date", confoverrides=REPO_CASES)
def test_comparison_with_a_bad_date_warns_and_shows_the_latest(app: SphinxTestApp) -> None:
    app.build()
    index = Path(app.srcdir) / "index.md"
    assert app.warning.getvalue() == (
        f"{index}:3: WARNING: lks-sammenligning: »2019-13-01« er ikke en dato som ÅÅÅÅ-MM-DD; "
        "viser seneste vurdering. [kbtools.typology]\n"
    )
    matrix = _table(_html(app), "Casene ved seneste vurdering")
    assert "18. marts 2020</span>" in matrix


@pytest.mark.sphinx("html", testroot="typology-cases-broken")
def test_broken_case_gives_a_located_warning_and_no_crash(app: SphinxTestApp) -> None:
    app.build()
    file = Path(app.srcdir) / "cases" / "brudt" / "vurdering-2019-03.yaml"
    assert app.warning.getvalue() == (
        f"{file}:12: WARNING: skema-vaerdi: »niveau« (Niveau) må ikke være teksten »klubben«. "
        "Mente du »klub«? (filen vises ikke på siden) "
        "[kbtools.case]\n"
    )
    html = _html(app)
    assert "20. marts 2019" not in html  # the broken assessment is left out, not guessed
    assert "Seneste vurdering: 15. marts 2018" in html
    assert "Fejl om vurderingen fra marts 2019: »Niveau« må ikke være teksten" in html
    assert "linje 12" not in html


@pytest.mark.sphinx("html", testroot="typology-cases-unknown")
def test_unknown_case_name_warns_at_the_directive(app: SphinxTestApp) -> None:
    app.build()
    index = Path(app.srcdir) / "index.md"
    assert app.warning.getvalue() == (
        f"{index}:3: WARNING: Casen »findesikke« findes ikke i mappen cases/. [kbtools.case]\n"
    )


#: Markup in tests/roots/test-typology-cases-xss/cases/ondsindet and where the pages show it.
TITLE = "Aftale <script>alert(1)</script> Ondsby"  # agreement title: case page and comparison
PARTY = "Jobcenter <img src=x onerror=alert(2)>"  # a party's name: the agreement summary
ASSESSOR = "<b onmouseover=alert(3)>Kirsten</b>"  # an assessor: the latest assessment's byline
JUSTIFICATION = "<script>alert(4)</script> <a href=javascript:x>klik</a> **fed**"


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@pytest.mark.sphinx("html", testroot="typology-cases-xss")
def test_markup_in_case_data_is_shown_as_text(app: SphinxTestApp) -> None:
    app.build()
    assert app.warning.getvalue() == ""
    case, comparison = _html(app, "ondsindet"), _html(app)
    for page in (case, comparison):
        assert "<script>alert" not in page and "<img src=x" not in page
        assert "<b onmouseover" not in page and "<a href=javascript" not in page
    summary = f"<p>{_escaped(TITLE)}. Parter: {_escaped(PARTY)} (beskæftigelse) og Hedeby"
    assert summary in case
    assert f"vurderet af {_escaped(ASSESSOR)} og Morten Ravn" in case
    assert f"<td><p>{_escaped(JUSTIFICATION)}</p></td>" in case  # no Markdown parsed either
    assert f"<title>Radardiagram over profilen for {_escaped(TITLE)} den 5. marts 2025" in case
    matrix = _table(comparison, "Casene ved seneste vurdering")
    assert _escaped(TITLE) not in matrix  # the short name instead


@pytest.mark.sphinx("html", testroot="typology-cases", srcdir="typology-cases-incremental")
def test_editing_one_case_rereads_only_its_page_and_the_comparisons(
    app: SphinxTestApp, make_app: Callable[..., SphinxTestApp]
) -> None:
    cases = Path(app.srcdir) / "cases"
    shutil.copytree(REPO / "cases", cases)
    app.build()
    file = cases / "midtby" / "vurdering-2018-03.yaml"
    file.write_text(
        file.read_text(encoding="utf-8").replace("dato: 2018-03-15", "dato: 2018-04-01")
    )
    again = make_app("html", srcdir=app.srcdir, builddir=Path(app.srcdir) / "_build")
    reread: list[str] = []
    again.connect("env-before-read-docs", lambda _app, _env, docs: reread.extend(docs))
    again.build()
    assert sorted(reread) == ["dato", "index", "midtby"]
    assert "1. april 2018" in _html(again, "midtby")


@pytest.mark.sphinx("html", testroot="typology-cases", confoverrides=REPO_CASES)
def test_the_extension_leaves_other_html_alone(app: SphinxTestApp) -> None:
    """Site-specific markup fixes (bibliography roles, table wrappers) live in conf.py."""
    handlers = app.registry.translation_handlers.get("html", {})
    assert "citation" not in handlers
    assert {"radar_chart", "development_chart"} <= set(handlers)


#: YAML keys of the agreement and assessment schemas that readers must never see on a page.
YAML_KEYS = ["»kommissorium«", "»læring«", "»borgerinddragelse«", "»niveau«", "vurderet_af"]


def _reader_text(html: str) -> str:
    """The article's text as readers see it (no tags, no SVG, no attribute values)."""
    article = html[html.index('role="main"') : html.index('class="sphinxsidebar"')]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", article))


def test_case_page_has_headings_a_reading_guide_and_the_caveat(repo_cases: Built) -> None:
    app = repo_cases
    html = _html(app, "midtby")
    for heading in (
        "Seneste vurdering",
        "Udvikling over tid",
        "Hvad aftalen peger på",
        "Kontrol af aftale og vurderinger",
    ):
        assert re.search(rf"<h2>{heading}<a class=\"headerlink\"", html), heading
    text = _reader_text(html)
    assert "Sådan læser du siden:" in text
    assert "fra lavest til højest: Kantinen, Klubben og Kompagniet" in text
    # the caveat stands right before the indications and explains Midtby's difference
    caveat = text.index("Det, aftalen peger på, er ikke en vurdering af partnerskabet.")
    assert caveat < text.index("Hvad aftalen peger på i typologien")
    assert (
        "Her er de forskellige for Mandat og ledelsesmæssig opbakning "
        "(vurderingen: Kompagniet, aftalen: Klubben)"
    ) in text
    assert "Anbefaling om aftalen: Overvej at tilføje »Kommissorium«." in text
    assert not re.search(r"linje \d", text) and ".yaml" not in text
    assert not [key for key in YAML_KEYS if key in text]
    assert not re.search(r"\d{4}-\d{2}-\d{2}", text)  # Danish dates only


@pytest.mark.sphinx("html", testroot="typology-cases", srcdir="typology-cases-added")
def test_a_new_case_folder_gets_a_page_and_joins_the_comparison(
    app: SphinxTestApp, make_app: Callable[..., SphinxTestApp]
) -> None:
    """A folder added to cases/ gets a generated page and appears on the comparison page in
    an incremental build; removed, both go again (a hand-written page is never removed)."""
    source = Path(app.srcdir)
    cases = source / "cases"
    shutil.copytree(REPO / "cases", cases)
    settings = {"kbtools_case_pages": "sager"}

    def build() -> str:
        again = make_app(
            "html", srcdir=app.srcdir, builddir=source / "_build", confoverrides=settings
        )
        again.build()
        warnings = again.warning.getvalue().splitlines()
        # a second app in one process re-registers Sphinx' nodes; the test root has no toctree
        # for the generated pages (the site's index lists them with a glob)
        ignored = ("already registered", "toc.not_included")
        assert not [w for w in warnings if not any(i in w for i in ignored)]
        return _table(_html(again), "Casene ved seneste vurdering")

    first = build()
    assert "Fjordkommune" in first and "Nyby" not in first
    assert (source / "sager" / "fjordkommune.md").is_file()
    shutil.copytree(cases / "hedeby", cases / "nyby")
    added = build()
    assert ">Nyby</span>" in added and added.count("<tr") == 1 + 4
    assert "Nyby" in _html_of(source, "sager/nyby")
    shutil.rmtree(cases / "nyby")
    removed = build()
    assert "Nyby" not in removed and removed.count("<tr") == 1 + 3
    assert not (source / "sager" / "nyby.md").exists()
    assert (source / "midtby.md").is_file()


def _html_of(source: Path, page: str) -> str:
    return (source / "_build" / "html" / f"{page}.html").read_text(encoding="utf-8")
