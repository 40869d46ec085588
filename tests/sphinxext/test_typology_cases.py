"""Case pages, comparison page, XSS safety, broken-case warnings and incremental builds."""

from __future__ import annotations

import re
import shutil
from io import StringIO
from pathlib import Path

from sphinx.testing.util import SphinxTestApp

REPO = Path(__file__).resolve().parents[2]
ROOT = REPO / "tests" / "roots" / "test-typology-cases"
MIDTBY = REPO / "cases" / "midtby"


def _project(tmp_path: Path) -> Path:
    srcdir = tmp_path / "src"
    shutil.copytree(ROOT, srcdir)
    shutil.copytree(MIDTBY, srcdir / "cases" / "midtby")
    shutil.copytree(MIDTBY, srcdir / "cases" / "anden")
    return srcdir


def _build(srcdir: Path, status: StringIO | None = None) -> tuple[SphinxTestApp, str]:
    warnings = StringIO()
    app = SphinxTestApp(
        "html",
        srcdir=srcdir,
        status=status or StringIO(),
        warning=warnings,
        confoverrides={"kbtools_cases_root": str(srcdir)},
    )
    app.build()
    return app, re.sub(r"\x1b\[[0-9;]*m", "", warnings.getvalue())


def _html(app: SphinxTestApp, page: str) -> str:
    return (Path(app.outdir) / f"{page}.html").read_text(encoding="utf-8")


def test_case_page_has_profile_table_radar_history_and_inference(tmp_path: Path) -> None:
    app, warnings = _build(_project(tmp_path))
    try:
        assert warnings == ""
        html = _html(app, "midtby")
        assert html.count('role="img"') == 2
        assert "<title>Radardiagram over profilen for Partnerskabsaftale for LKS Midtby" in html
        # the development chart: one panel per parameter, text alternative with every step
        development = html[html.index('class="kbtools-development"') :]
        development = development[: development.index("</svg>")]
        assert development.count("<polyline") == 8
        assert "<title>Udviklingen for Partnerskabsaftale for LKS Midtby" in development
        assert "over 3 vurderinger" in development
        assert "Profil den 2020-03-18" in html
        assert "Udvikling over tid" in html
        for date in ("2018-03-15", "2019-03-20", "2020-03-18"):
            assert date in html
        assert "Hvad aftalen peger på i typologien" in html
        assert '<td class="kbtools-niveau-kompagni"><p>Kompagniet</p>' in html
        index = _html(app, "index")
        assert "Casene ved seneste vurdering" in index
        assert "Fordeling pr. parameter (antal cases)" in index
    finally:
        app.cleanup()


def test_script_in_a_justification_is_shown_as_text(tmp_path: Path) -> None:
    srcdir = _project(tmp_path)
    file = srcdir / "cases" / "anden" / "vurdering-2020-03.yaml"
    text = file.read_text(encoding="utf-8")
    evil = '<script>alert(1)</script> <a href="javascript:x">klik</a> **fed**'
    file.write_text(
        text.replace(
            "Kommunerne har besluttet at fortsætte partnerskabet uden projektmidler.",
            evil.replace('"', "'"),
        ).replace("partnerskab: LKS Midtby", "partnerskab: LKS <img src=x onerror=alert(2)>"),
        encoding="utf-8",
    )
    app, warnings = _build(srcdir)
    try:
        assert warnings == ""
        html = _html(app, "anden")
        assert "<script>alert(1)" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "&lt;a href=" in html  # the link is shown as text ...
        assert 'href="javascript' not in html and "href='javascript" not in html  # ... not made
        assert "<img src=x" not in html and "&lt;img src=x onerror=alert(2)&gt;" not in html
        assert "**fed**" in html  # no markup parsing of case text
    finally:
        app.cleanup()


def test_broken_case_gives_a_located_warning_and_no_crash(tmp_path: Path) -> None:
    srcdir = _project(tmp_path)
    file = srcdir / "cases" / "anden" / "vurdering-2019-03.yaml"
    text = file.read_text(encoding="utf-8")
    file.write_text(text.replace("niveau: klub", "niveau: klubben", 1), encoding="utf-8")
    app, warnings = _build(srcdir)
    try:
        line = next(
            number
            for number, content in enumerate(file.read_text().splitlines(), 1)
            if "niveau: klubben" in content
        )
        assert f"{file}:{line}: WARNING: skema-vaerdi:" in warnings
        assert "(filen vises ikke på siden)" in warnings
        assert "[kbtools.case]" in warnings
        html = _html(app, "anden")
        assert "2019-03-20" not in html  # the broken assessment is left out, not guessed
        assert "2018-03-15" in html
    finally:
        app.cleanup()


def test_unknown_case_name_warns_at_the_directive(tmp_path: Path) -> None:
    srcdir = _project(tmp_path)
    (srcdir / "anden.md").write_text("# Anden\n\n```{lks-case} findesikke\n```\n")
    app, warnings = _build(srcdir)
    try:
        assert "anden.md:3: WARNING: Casen »findesikke« findes ikke i mappen cases/." in warnings
    finally:
        app.cleanup()


def test_editing_one_case_rereads_only_its_page_and_the_comparison(tmp_path: Path) -> None:
    srcdir = _project(tmp_path)
    app, _ = _build(srcdir)
    app.cleanup()
    file = srcdir / "cases" / "anden" / "vurdering-2018-03.yaml"
    file.write_text(
        file.read_text(encoding="utf-8").replace("dato: 2018-03-15", "dato: 2018-04-01")
    )
    reread: list[str] = []
    app = SphinxTestApp(
        "html",
        srcdir=srcdir,
        status=StringIO(),
        warning=StringIO(),
        confoverrides={"kbtools_cases_root": str(srcdir)},
    )
    try:
        app.connect("env-before-read-docs", lambda _app, _env, docs: reread.extend(docs))
        app.build()
        assert sorted(reread) == ["anden", "index"]
        assert "2018-04-01" in _html(app, "anden")
    finally:
        app.cleanup()


def _comparison_at(tmp_path: Path, day: str) -> tuple[str, str]:
    srcdir = _project(tmp_path)
    index = srcdir / "index.md"
    index.write_text(
        index.read_text(encoding="utf-8").replace(
            "```{lks-sammenligning}\n```", f"```{{lks-sammenligning}}\n:dato: {day}\n```"
        ),
        encoding="utf-8",
    )
    app, warnings = _build(srcdir)
    try:
        html = _html(app, "index")
    finally:
        app.cleanup()
    matrix = html[html.index("<table") : html.index("</table>")]
    return matrix, warnings


def test_comparison_can_show_an_earlier_date(tmp_path: Path) -> None:
    matrix, warnings = _comparison_at(tmp_path, "2019-01-01")
    assert warnings == ""
    assert "Casene pr. 1. januar 2019" in matrix
    assert "2018-03-15" in matrix and "2020-03-18" not in matrix


def test_comparison_with_a_bad_date_warns_and_shows_the_latest(tmp_path: Path) -> None:
    matrix, warnings = _comparison_at(tmp_path, "2019-13-01")
    assert "index.md:3" in warnings and "»2019-13-01« er ikke en dato" in warnings
    assert "Casene ved seneste vurdering" in matrix and "2020-03-18" in matrix
