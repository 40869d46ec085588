"""Findings in the form's words: what to do, at the field, with no file words (keys,
»i filen«, lines); errors first; a blank form's untouched parts say »Mangler« (not red
errors); the recommended parts are listed once, with why; every field with a finding has a
link back to the list."""

from __future__ import annotations

from typing import Any

import pytest
from browser import wait_until_in_page
from builderpage import DONE, LOAD_TIMEOUT_MS
from playwright.sync_api import expect
from test_builder_form import click, field

pytestmark = pytest.mark.browser


def test_a_blank_form_says_what_is_missing_neutrally(builder: Any) -> None:
    page = builder
    click(page, "Ny kladde")
    wait_until_in_page(page, DONE, timeout=LOAD_TIMEOUT_MS)
    expect(page.locator("#ab-opsummering")).to_have_text(
        "9 af aftalens dele mangler. Aftalen har 0 fejl, 0 advarsler og 8 anbefalinger."
    )
    nav = page.locator("[data-nav='titel']")
    expect(nav).to_have_text(" – mangler")
    expect(nav).not_to_have_class("ab-nav-fund ab-fejl")
    first = page.locator("#ab-fundliste > li").first
    expect(first).to_contain_text("Mangler: Skriv aftalens titel.")
    recommended = page.locator("#ab-fundliste > li", has_text="Overvej også")
    expect(recommended).to_have_count(1)
    expect(recommended.locator("a[data-kode='aftale-anbefalet-element']")).to_have_count(8)
    expect(recommended).to_contain_text("vidensbasen anbefaler dem, fordi")
    words = page.locator("#ab-fundliste").inner_text()
    assert "Overvej at tilføje" not in words and "i filen" not in words


def test_findings_name_the_field_and_lead_back_to_the_list(builder: Any) -> None:
    page = builder
    click(page, "Ny kladde")
    click(page, "Tilføj budgetpost", "økonomi")
    field(page, "økonomi", "budget", 0, "navn").fill("Projektledelse")
    wait_until_in_page(page, DONE, timeout=LOAD_TIMEOUT_MS)
    wanted = "Skriv et beløb for mindst ét år ved budgetposten »Projektledelse«."
    item = page.locator("#ab-fundliste > li", has_text=wanted)
    expect(item).to_have_count(1)
    expect(item).to_have_attribute("data-niveau", "fejl")
    expect(page.locator("#ab-fundliste > li").first).to_have_attribute("data-niveau", "fejl")
    words = page.locator("#ab-fundliste").inner_text()
    assert "pr_år" not in words and "»økonomi«" not in words and "mangler i filen" not in words
    # the field's own message links back to the finding in the list, by keyboard too
    back = page.locator("[id='f.økonomi.budget-fund'] a.ab-til-fund").first
    expect(back).to_have_text("Til fundene")
    back.focus()
    page.keyboard.press("Enter")
    expect(item.locator("a").first).to_be_focused()
    page.keyboard.press("Enter")
    focused = page.evaluate("document.activeElement.id")
    assert focused.startswith("f.økonomi.budget")
