"""A case folder's name reaches the site only when it is a safe name; any other folder is left
out with a located Danish warning, so no name is ever Markdown or HTML on a page."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from kbtools.typology.cases import case_names, is_safe_case_name

REPO = Path(__file__).resolve().parents[2]
HOSTILE = [
    "x<img src=x onerror=alert(1)>",
    "a --> <script>alert(1)<script>",
    "`` ` ``",
    "# Underskrifter",
    "nord by",
    ".skjult",
    "_kladde",
    "x\x1b[31m",
]


@pytest.mark.parametrize("name", ["midtby", "nord-by", "nord_by", "Århus2", "ærø"])
def test_ordinary_names_are_safe(name: str) -> None:
    assert is_safe_case_name(name)


@pytest.mark.parametrize("name", HOSTILE)
def test_names_with_markup_spaces_or_paths_are_not(name: str) -> None:
    assert not is_safe_case_name(name)


def test_a_hostile_folder_is_no_case(tmp_path: Path) -> None:
    for name in ("hedeby", HOSTILE[0]):
        (tmp_path / "cases" / name).mkdir(parents=True)
        shutil.copy(REPO / "cases" / "hedeby" / "aftale.yaml", tmp_path / "cases" / name)
    assert case_names(tmp_path) == ["hedeby"]


def test_a_hostile_case_folder_never_reaches_a_page(
    tmp_path: Path, make_app: Callable[..., SphinxTestApp]
) -> None:
    """A tiny site with generated case pages: one ordinary case and one whose folder name is
    HTML. The build warns about the second (naming its folder), and no page holds its markup."""
    src = tmp_path / "site"
    for name in ("hedeby", HOSTILE[0], HOSTILE[1]):
        shutil.copytree(REPO / "cases" / "hedeby", src / "cases" / name)
    (src / "conf.py").write_text(
        'extensions = ["myst_parser", "kbtools.sphinxext"]\nlanguage = "da"\n'
        'exclude_patterns = ["_build", "cases"]\nkbtools_case_pages = "casene"\n',
        encoding="utf-8",
    )
    (src / "index.md").write_text(
        "# Cases\n\n```{toctree}\n:glob:\ncasene/*\n```\n\n```{lks-sammenligning}\n```\n",
        encoding="utf-8",
    )
    app = make_app("html", srcdir=src)
    app.build()
    warnings = app.warning.getvalue()
    for name in HOSTILE[:2]:
        assert f"Mappen cases/{name}/ er ikke med på sitet" in warnings
    assert warnings.count("WARNING:") == 2, warnings
    assert sorted(p.name for p in (src / "casene").iterdir()) == ["hedeby.md"]
    for page in Path(app.outdir).rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "<img src=x" not in text and "<script>alert" not in text, page
