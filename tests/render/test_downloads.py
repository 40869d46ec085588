"""Sphinx downloads extension: links on the page, files in the output, warnings for bad cases."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import docx
from sphinx.application import Sphinx
from sphinx.util.docutils import docutils_namespace

MIDTBY = Path(__file__).resolve().parents[2] / "cases" / "midtby" / "aftale.yaml"


def _build(root: Path) -> tuple[Path, str]:
    (root / "conf.py").write_text("extensions = ['kbtools.sphinxext']\n", encoding="utf-8")
    (root / "docs" / "a").mkdir(parents=True)
    (root / "docs" / "index.rst").write_text(
        "Forside\n=======\n\n.. toctree::\n\n   a/side\n", encoding="utf-8"
    )
    (root / "docs" / "a" / "side.rst").write_text(
        "Side\n====\n\n.. aftale-downloads::\n", encoding="utf-8"
    )
    warnings = io.StringIO()
    out = root / "_build"
    # docutils_namespace undoes the node and directive registrations afterwards, so later
    # Sphinx builds in the same test process start clean
    with docutils_namespace():
        app = Sphinx(
            str(root / "docs"),
            str(root),
            str(out),
            str(root / "_doctrees"),
            "html",
            status=None,
            warning=warnings,
            freshenv=True,
        )
        app.build()
    return out, warnings.getvalue()


def test_links_and_files(tmp_path: Path) -> None:
    (tmp_path / "cases" / "midtby").mkdir(parents=True)
    shutil.copy(MIDTBY, tmp_path / "cases" / "midtby" / "aftale.yaml")
    out, warnings = _build(tmp_path)
    assert warnings == ""
    page = (out / "a" / "side.html").read_text(encoding="utf-8")
    assert 'href="../skabelon/partnerskabsaftale.yaml"' in page
    assert 'href="../eksempler/midtby/aftale.docx"' in page
    template = (out / "skabelon" / "partnerskabsaftale.yaml").read_text(encoding="utf-8")
    assert template.startswith("# yaml-language-server:")
    document = docx.Document(str(out / "eksempler" / "midtby" / "aftale.docx"))
    assert document.paragraphs[0].text.startswith("Partnerskabsaftale for LKS Midtby")
    assert (out / "eksempler" / "midtby" / "aftale.md").is_file()


def test_broken_case_warns_with_location(tmp_path: Path) -> None:
    (tmp_path / "cases" / "brudt").mkdir(parents=True)
    (tmp_path / "cases" / "brudt" / "aftale.yaml").write_text("skema: [\n", encoding="utf-8")
    out, warnings = _build(tmp_path)
    assert "brudt/aftale.yaml" in warnings and "kan ikke laves til download" in warnings
    assert not (out / "eksempler" / "brudt").exists()
