"""An agreement that has ended, opened in the builder: the builder shows the warning
``kbtools validate`` gives, in the list and at the end date, in words a consultant knows (no
keys, no file words), with a link to the page on renegotiating the agreement."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from builderpage import cli_findings, fresh_builder, open_file, shown_findings

pytestmark = pytest.mark.browser

ENDED = Path(__file__).resolve().parents[2] / "cases" / "midtby" / "aftale.yaml"  # ended 2021


@pytest.fixture(scope="module")
def page(desktop_page: Any, site_url: str) -> Any:
    return fresh_builder(desktop_page, site_url)


def test_an_ended_agreement_shows_the_warning_at_its_end_date(page: Any) -> None:
    open_file(page, ENDED)
    assert shown_findings(page) == cli_findings(ENDED)
    item = page.locator('#ab-fund [data-kode="aftale-udloebet"]')
    assert item.count() == 1
    words = item.inner_text()
    assert "Aftalen sluttede 31. december 2021 og gælder ikke længere." in words
    assert "Forhandl en ny aftale" in words and "»varighed«" not in words
    help_link = item.locator("a[href*='partnerskabsaftalen/aendringer']")
    assert help_link.count() == 1
    at_field = page.locator("[id='f.varighed.slut-fund']")
    assert at_field.is_visible()
    assert at_field.inner_text().startswith("Advarsel: Aftalen sluttede 31. december 2021")
