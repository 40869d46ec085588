"""Where a finding is: line and column only for an opened file as it was opened (»i filen«),
else the field's name — the data attributes stay the CLI's JSON fields either way."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from builderpage import DONE, cli_findings, open_builder, open_file, shown_findings

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


def test_a_form_draft_names_fields_not_lines(context: Any, site_url: str) -> None:
    page = open_builder(context, site_url)
    shown = places(page)
    assert shown  # an empty draft misses its required elements
    assert all(item["linje"] and item["kolonne"] for item in shown)  # the contract stays
    assert not any("linje" in item["sted"] for item in shown)
    assert any(item["sted"].startswith("(feltet »") for item in shown)


def test_an_opened_file_gives_lines_in_the_file_until_it_is_edited(
    context: Any, site_url: str
) -> None:
    page = open_builder(context, site_url)
    open_file(page, FILE)
    assert shown_findings(page) == cli_findings(FILE)
    for item in places(page):
        assert item["sted"] == f"(i filen: linje {item['linje']}, kolonne {item['kolonne']})"
    page.locator("[id='f.titel']").fill("En ny titel")
    page.wait_for_selector(DONE)
    shown = places(page)
    assert shown and not any("linje" in item["sted"] for item in shown)
