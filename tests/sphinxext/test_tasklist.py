"""Task-list checkboxes get a label and can be ticked (tests/roots/test-tasklist)."""

from __future__ import annotations

import re
import shutil
from io import StringIO
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

ROOT = Path(__file__).resolve().parents[1] / "roots" / "test-tasklist"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    srcdir = tmp_path_factory.mktemp("tasklist") / "src"
    shutil.copytree(ROOT, srcdir)
    warnings = StringIO()
    app = SphinxTestApp("html", srcdir=srcdir, status=StringIO(), warning=warnings)
    try:
        app.build()
        html = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    finally:
        app.cleanup()
    return html, warnings.getvalue()


def test_build_has_no_warnings(built: tuple[str, str]) -> None:
    assert built[1] == ""


def test_each_checkbox_is_labelled_by_its_item_text(built: tuple[str, str]) -> None:
    html = built[0]
    items = re.findall(r"<label>(<input [^>]*>)(.*?)</label>", html, flags=re.S)
    assert len(items) == 2
    (first_box, first_text), (second_box, second_text) = items
    assert first_text.startswith("Vi har talt om ")
    assert 'href="anden.html"' in first_text  # the link stays inside the label
    assert second_text == "Vi har skrevet under."
    assert "checked" not in first_box
    assert 'checked="checked"' in second_box


def test_checkboxes_can_be_ticked(built: tuple[str, str]) -> None:
    boxes = re.findall(r'<input class="task-list-item-checkbox"[^>]*>', built[0])
    assert len(boxes) == 2
    assert all("disabled" not in box for box in boxes)


def test_other_content_is_untouched(built: tuple[str, str]) -> None:
    html = built[0]
    assert html.count("<label>") == html.count("</label>") == 2
    assert "<p>Et almindeligt punkt uden afkrydsning.</p>" in html
