"""The site builds with ``-n -W --keep-going`` and no warnings (issue 3 §3)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any


def _build_helpers() -> tuple[Any, Any]:
    """build_site and build_problems from tests/conftest.py (loaded by path: two folders
    have a conftest module)."""
    path = Path(__file__).resolve().parents[1] / "conftest.py"
    spec = importlib.util.spec_from_file_location("kb_tests_root_conftest", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.build_site, module.build_problems


def test_site_builds_without_warnings(built_site: Path) -> None:
    # The fixture fails on any warning or a non-zero exit; here we check the result is a site.
    for page in ("index.html", "search.html", "searchindex.js", "ordliste.html", "kilder.html"):
        assert (built_site / page).is_file(), f"{page} is missing from the built site"


def test_a_warning_is_reported_as_a_problem(tmp_path: Path) -> None:
    # The built_site fixture trusts build_problems; show that it catches a broken reference.
    build_site, build_problems = _build_helpers()
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text('project = "t"\n', encoding="utf-8")
    (src / "index.rst").write_text("Test\n====\n\n:doc:`findes-ikke`\n", encoding="utf-8")
    problems = build_problems(build_site(tmp_path / "out", srcdir=src, confdir=src))
    assert problems is not None and "findes-ikke" in problems


def test_a_clean_build_has_no_problems(tmp_path: Path) -> None:
    build_site, build_problems = _build_helpers()
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text('project = "t"\n', encoding="utf-8")
    (src / "index.rst").write_text("Test\n====\n\nTekst.\n", encoding="utf-8")
    assert build_problems(build_site(tmp_path / "out", srcdir=src, confdir=src)) is None
