"""Task-list checkboxes get a label and can be ticked (tests/roots/test-tasklist)."""

from __future__ import annotations

import re

import pytest
from roots import build_root


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    return build_root("test-tasklist", tmp_path_factory.mktemp("tasklist"))


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
