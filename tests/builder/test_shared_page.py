"""The builder's tests share one page per test process (``tests/builder/conftest.py``); each
must still begin as a new visitor: what one test leaves behind (a draft, print media, the dark
scheme) is gone for the next."""

from __future__ import annotations

from typing import Any

import pytest
from browser import wait_until_in_page
from builderpage import DONE, fresh_builder
from test_builder_form import click, field

pytestmark = pytest.mark.browser


def test_a_new_visit_forgets_what_the_last_test_left(desktop_page: Any, site_url: str) -> None:
    page = fresh_builder(desktop_page, site_url)
    click(page, "Ny kladde")
    field(page, "titel").fill("Efterladt af en anden test")
    wait_until_in_page(page, DONE)
    page.emulate_media(media="print", color_scheme="dark")
    assert len(page.locator("#ab-kladde option").all_inner_texts()) == 2

    page = fresh_builder(desktop_page, site_url)
    assert field(page, "titel").input_value() == ""
    assert len(page.locator("#ab-kladde option").all_inner_texts()) == 1
    assert page.evaluate("matchMedia('screen').matches")
    assert not page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    assert page.evaluate("document.hasFocus()")
