"""Task-list checkboxes get a label and can be ticked (tests/roots/test-tasklist)."""

from __future__ import annotations

import re

import pytest
from sphinx.testing.util import SphinxTestApp

pytestmark = pytest.mark.sphinx("html", testroot="tasklist")


@pytest.fixture
def html(app: SphinxTestApp) -> str:
    """The built front page (whether the build warned is test_build_has_no_warnings' job)."""
    app.build()
    return (app.outdir / "index.html").read_text(encoding="utf-8")


def test_build_has_no_warnings(app: SphinxTestApp) -> None:
    app.build()
    assert app.warning.getvalue() == ""


def test_each_checkbox_is_labelled_by_its_item_text(html: str) -> None:
    items = re.findall(r"<label>(<input [^>]*>)(.*?)</label>", html, flags=re.S)
    assert len(items) == 2
    (first_box, first_text), (second_box, second_text) = items
    assert first_text.startswith("Vi har talt om ")
    assert 'href="anden.html"' in first_text  # the link stays inside the label
    assert second_text == "Vi har skrevet under."
    assert "checked" not in first_box
    assert 'checked="checked"' in second_box


def test_checkboxes_can_be_ticked(html: str) -> None:
    boxes = re.findall(r'<input class="task-list-item-checkbox"[^>]*>', html)
    assert len(boxes) == 2
    assert all("disabled" not in box for box in boxes)


def test_other_content_is_untouched(html: str) -> None:
    assert html.count("<label>") == html.count("</label>") == 2
    assert "<p>Et almindeligt punkt uden afkrydsning.</p>" in html
