"""Where a finding is: line and column only for an opened file as it was opened, else the
sentence names the field — the data attributes stay the CLI's JSON fields either way."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from browser import wait_until_in_page
from builderpage import DONE, cli_findings, open_file, shown_findings

pytestmark = pytest.mark.browser

FILE = Path(__file__).resolve().parents[1] / "data" / "agreements" / "invalid" / "forkert-type.yaml"


def places(page: Any) -> list[dict[str, str]]:
    result: list[dict[str, str]] = page.eval_on_selector_all(
        "#ab-fund [data-kode]",
        """items => items.map(item => ({
            linje: item.dataset.linje,
            kolonne: item.dataset.kolonne,
            sted: (item.querySelector('.ab-sted') || {}).textContent || '',
        }))""",
    )
    return result


def test_a_form_draft_names_fields_not_lines(builder: Any) -> None:
    page = builder
    shown = places(page)
    assert shown  # an empty draft misses its required elements
    assert all(item["linje"] and item["kolonne"] for item in shown)  # the contract stays
    assert not any(item["sted"] for item in shown)
    words = page.locator("#ab-fundliste").inner_text()
    assert "Skriv aftalens titel." in words and "i filen" not in words


def test_an_opened_file_gives_lines_in_the_file_until_it_is_edited(builder: Any) -> None:
    page = builder
    open_file(page, FILE)
    assert shown_findings(page) == cli_findings(FILE)
    for item in places(page):
        where = f"(linje {item['linje']}, kolonne {item['kolonne']} i {FILE.name})"
        assert item["sted"] == where
    page.locator("[id='f.titel']").fill("En ny titel")
    wait_until_in_page(page, DONE)
    shown = places(page)
    assert shown and not any("linje" in item["sted"] for item in shown)
