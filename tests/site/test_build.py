"""The site builds with ``-n -W --keep-going`` and no warnings."""

from __future__ import annotations

from pathlib import Path

from sitebuild import build_problems, build_site

ROOTS = Path(__file__).resolve().parents[1] / "roots"


def test_site_builds_without_warnings(built_site: Path) -> None:
    # The fixture fails on any warning or a non-zero exit; here we check the result is a site.
    for page in ("index.html", "search.html", "searchindex.js", "ordliste.html", "kilder.html"):
        assert (built_site / page).is_file(), f"{page} is missing from the built site"


def test_a_broken_reference_is_reported_as_a_problem(tmp_path: Path) -> None:
    # The built_site fixture trusts build_problems; show that it catches a broken reference.
    root = ROOTS / "test-site-broken-reference"
    problems = build_problems(build_site(tmp_path / "html", srcdir=root, confdir=root))
    assert problems == (
        "The site build failed (exit code 1) or warned:\n"
        f"{root / 'index.rst'}:4: WARNING: unknown document: 'findes-ikke' [ref.doc]"
    )


def test_a_clean_build_has_no_problems(tmp_path: Path) -> None:
    root = ROOTS / "test-site-clean"
    assert build_problems(build_site(tmp_path / "html", srcdir=root, confdir=root)) is None
