"""Sphinx downloads extension: links on the page, files in the output, warnings for bad cases
(tests/roots/test-downloads*)."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from sphinx.testing.util import SphinxTestApp

MIDTBY = Path(__file__).resolve().parents[2] / "cases" / "midtby" / "aftale.yaml"


@pytest.mark.sphinx("html", testroot="downloads")
def test_links_and_files(app: SphinxTestApp) -> None:
    (app.srcdir / "cases" / "midtby").mkdir(parents=True)
    shutil.copy(MIDTBY, app.srcdir / "cases" / "midtby" / "aftale.yaml")
    app.build()
    assert app.warning.getvalue() == ""
    out = app.outdir
    page = (out / "a" / "side.html").read_text(encoding="utf-8")
    assert 'href="../skabelon/partnerskabsaftale.yaml"' in page
    assert 'href="../skabelon/partnerskabsaftale.docx"' in page
    assert page.index("partnerskabsaftale.docx") < page.index("partnerskabsaftale.yaml")
    assert 'href="../eksempler/midtby/aftale.docx"' in page
    assert 'href="../eksempler/midtby/aftale.pdf"' in page
    template = (out / "skabelon" / "partnerskabsaftale.yaml").read_text(encoding="utf-8")
    assert template.startswith("# yaml-language-server:")
    word = docx.Document(str(out / "skabelon" / "partnerskabsaftale.docx"))
    assert word.core_properties.content_status == "Skabelon"
    assert (out / "eksempler" / "midtby" / "aftale.pdf").read_bytes().startswith(b"%PDF-")
    document = docx.Document(str(out / "eksempler" / "midtby" / "aftale.docx"))
    assert document.paragraphs[0].text.startswith("Partnerskabsaftale for LKS Midtby")
    assert (out / "eksempler" / "midtby" / "aftale.md").is_file()


@pytest.mark.sphinx("html", testroot="downloads-broken-case")
def test_broken_case_warns_with_location(app: SphinxTestApp) -> None:
    app.build()
    case = app.srcdir / "cases" / "brudt" / "aftale.yaml"
    assert app.warning.getvalue() == (
        f"{case}:2: WARNING: Eksempelaftalen kan ikke laves til download: Der mangler en værdi"
        " her. Tjek for tegn som »,«, »]« eller »}« et uventet sted. [kbtools.downloads]\n"
    )
    assert not (app.outdir / "eksempler" / "brudt").exists()


def test_downloads_and_case_pages_share_one_loaded_case() -> None:
    """The downloads and the case pages read an agreement once per build, not once each."""
    from kbtools.sphinxext.downloads import _case
    from kbtools.typology.cases import load_case

    root = Path(__file__).resolve().parents[2]
    path = root / "cases" / "midtby" / "aftale.yaml"
    assert _case(path) is load_case(root, "midtby")
    assert _case(path).title != "None" and _case(path).agreement is not None
