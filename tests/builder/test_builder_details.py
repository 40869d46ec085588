"""The form's details: a party is named before its short name; the budget table reads on a
laptop and a phone (whole post names, a year to write in, a hint while »I alt« is out of
sight); skip links; a save button that says what it is for; »Åbn aftale« takes the place of
an empty new draft; without JavaScript the page says what needs it and links the Word
template."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from browser import wait_until_in_page
from builderpage import DONE, LOAD_TIMEOUT_MS, PAGE, open_file
from playwright.sync_api import expect
from test_builder_form import click, field, scan

pytestmark = pytest.mark.browser

LONG = "Virksomhedskonsulenter i jobcentret, en halv stilling i hele perioden"
VALID = Path(__file__).resolve().parents[1] / "data" / "agreements" / "valid"


def test_a_party_is_named_before_its_short_name(builder: Any) -> None:
    page = builder
    click(page, "Ny kladde")
    click(page, "Tilføj part")
    ids = page.locator("[id='f.parter.0'] input").evaluate_all("ns => ns.map(n => n.id)")
    assert ids[:2] == ["f.parter.0.navn", "f.parter.0.id"]
    expect(page.locator("label[for='f.parter.0.id']")).to_have_text(
        "Kort navn, udfyldes automatisk (skal udfyldes)"
    )
    field(page, "parter", 0, "navn").fill("Jobcenter Vestby")
    expect(field(page, "parter", 0, "id")).to_have_value("jobcenter-vestby")


def test_the_budget_table_reads_on_a_laptop(builder: Any, axe_script: Path) -> None:
    budget_table_reads(builder, axe_script)


def test_the_budget_table_reads_on_a_phone(phone_builder: Any, axe_script: Path) -> None:
    budget_table_reads(phone_builder, axe_script)


def budget_table_reads(page: Any, axe_script: Path) -> None:
    """A long post name and three years: the table shows them whole on this screen, says when
    it is wider than the screen, and passes axe."""
    width = page.viewport_size["width"]
    click(page, "Ny kladde")
    click(page, "Tilføj budgetpost", "økonomi")
    name = field(page, "økonomi", "budget", 0, "navn")
    name.fill(LONG)
    # a year to write in from the first post
    expect(page.locator("[id^='f.økonomi.budget.0.pr_år.']")).to_have_count(1)
    click(page, "Tilføj år", "økonomi")
    click(page, "Tilføj år", "økonomi")
    expect(page.locator("[id^='f.økonomi.budget.0.pr_år.']")).to_have_count(3)
    # the whole name is shown: the field is as tall as its text
    clipped = name.evaluate("n => n.scrollHeight > n.clientHeight + 2")
    assert not clipped
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    hint = page.locator("[id='f.økonomi.budget-rul']")
    scroller = page.locator("[id='f.økonomi.budget'] .ab-rulle")
    if width == 390:
        # »Tilføj år« moved to the new year's cell; back at the post names, »I alt« is out
        # of sight
        scroller.evaluate("n => { n.scrollLeft = 0; }")
        expect(hint).to_be_visible()
        expect(hint).to_have_text(
            "Tabellen er bredere end skærmen. Rul til højre for at se »I alt«."
        )
        scroller.evaluate("n => { n.scrollLeft = n.scrollWidth; }")
        expect(hint).to_be_hidden()
    else:
        expect(hint).to_be_hidden()
    wait_until_in_page(page, DONE, timeout=LOAD_TIMEOUT_MS)
    assert scan(page, axe_script) == []


def test_skip_links_and_the_save_button_say_where_and_what(builder: Any) -> None:
    page = builder
    skip = page.get_by_role("navigation", name="Spring til")
    for name, target in (
        ("Til kontrollen af aftalen", "ab-kontrol-titel"),
        ("Til aftalens dele", "ab-indhold-titel"),
        ("Til udskriften", "ab-udskrift-titel"),
    ):
        link = skip.get_by_role("link", name=name)
        expect(link).to_have_attribute("href", "#" + target)
        expect(page.locator(f"[id='{target}']")).to_have_count(1)
    save = page.get_by_role("button", name="Gem aftalen som fil")
    expect(save).to_have_accessible_description(
        "»Gem aftalen som fil« henter aftalen til jeres computer som en YAML-fil. Den kan åbnes"
        " her igen med »Åbn aftale« eller sendes til de andre parter. Kladden gemmes også af"
        " sig selv i denne browser, men kun her."
    )


def test_opening_a_file_takes_the_place_of_an_empty_new_draft(builder: Any) -> None:
    page = builder
    click(page, "Ny kladde")
    drafts = page.locator("#ab-kladde option")
    before = drafts.count()
    path = sorted(VALID.rglob("*.yaml"))[0]
    open_file(page, path)
    expect(page.locator("#ab-kladde")).to_have_value(path.name)
    expect(drafts).to_have_count(before)  # the empty new draft gave way
    click(page, "Ny kladde")
    field(page, "titel").fill("Skrevet i")
    open_file(page, path)
    expect(drafts).to_have_count(before + 2)  # a draft with writing in it stays


def test_without_javascript_the_page_points_to_the_word_template(
    browser: Any, site_url: str, built_site: Path
) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + PAGE)
        notice = page.locator(".ab-noscript")
        expect(notice).to_contain_text("Aftalebyggeren virker kun med JavaScript")
        link = notice.get_by_role("link", name="Word-skabelonen")
        href = link.get_attribute("href") or ""
        assert (built_site / "aftalebygger" / href).resolve().is_file()
        for hidden in ("#ab-kontrol", ".ab-vaerktoej", "#ab-udskrift-del"):
            expect(page.locator(hidden)).to_be_hidden()
        expect(page.locator("#del-titel h2")).to_be_visible()  # the guidance stays readable
    finally:
        context.close()
