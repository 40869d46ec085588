"""Removing a party others refer to: the builder asks first and says where the party is
used, leaves every reference to it visibly empty (»Vælg part«) instead of pointing it at
another party, and offers to undo the removal; by mouse, by keyboard and on a phone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from browser import wait_until_in_page
from builderpage import DONE, LOAD_TIMEOUT_MS
from playwright.sync_api import expect
from test_builder_form import click, field, scan

pytestmark = pytest.mark.browser

PARTIES = ("Jobcenter Vestby", "Erhvervshus", "Erhvervsskole")


def three_parties(page: Any) -> None:
    click(page, "Ny kladde")
    for i, name in enumerate(PARTIES):
        click(page, "Tilføj part")
        field(page, "parter", i, "navn").fill(name)
    for section in ("roller", "ressourcer", "underskrifter"):
        click(page, "Tilføj for hver part, der mangler", section)
    expect(field(page, "roller", 2, "part")).to_have_value("erhvervsskole")
    wait_until_in_page(page, DONE, timeout=LOAD_TIMEOUT_MS)


def test_removing_a_party_asks_says_where_it_is_used_and_can_be_undone(builder: Any) -> None:
    page = builder
    three_parties(page)
    asked: list[str] = []

    def decline(dialog: Any) -> None:
        asked.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", decline)
    click(page, "Fjern part 3")
    expect(field(page, "parter", 2, "navn")).to_have_value("Erhvervsskole")
    where = "Parten bruges 3 steder: Roller og ansvar, Ressourcer og Underskrifter"
    assert asked and where in asked[0]

    page.once("dialog", lambda dialog: dialog.accept())
    click(page, "Fjern part 3")
    expect(field(page, "parter", 2, "navn")).to_have_count(0)
    for section in ("roller", "ressourcer", "underskrifter"):
        choice = field(page, section, 2, "part")
        expect(choice).to_have_value("")  # visibly empty: »Vælg part«
        expect(choice.locator("option:checked")).to_have_text("Vælg part")
        expect(choice.locator("option")).to_have_count(3)  # »Vælg part« and the two others
        expect(field(page, section, 1, "part")).to_have_value("erhvervshus")
    wait_until_in_page(page, DONE, timeout=LOAD_TIMEOUT_MS)
    expect(page.locator("#ab-fund [data-kode='aftale-ukendt-part']")).to_have_count(0)
    expect(page.locator("#ab-fund")).not_to_contain_text("Mente du")

    page.get_by_role("button", name="Fortryd: fjern ikke part 3 »Erhvervsskole«").click()
    expect(field(page, "parter", 2, "navn")).to_have_value("Erhvervsskole")
    expect(field(page, "parter", 2, "navn")).to_be_focused()
    for section in ("roller", "ressourcer", "underskrifter"):
        expect(field(page, section, 2, "part")).to_have_value("erhvervsskole")
    expect(page.locator("#ab-fortryd")).to_have_count(0)


def test_removing_a_party_by_keyboard_on_a_phone(phone_builder: Any, axe_script: Path) -> None:
    page = phone_builder
    three_parties(page)
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Fjern part 3").focus()
    page.keyboard.press("Enter")
    expect(field(page, "parter", 2, "navn")).to_have_count(0)
    expect(page.get_by_role("button", name="Tilføj part", exact=True)).to_be_focused()
    undo = page.locator("#ab-fortryd")
    expect(undo).to_be_visible()
    box = undo.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
    # the undo offer stands just before the list's buttons: Shift+Tab reaches it
    page.keyboard.press("Shift+Tab")
    expect(undo).to_be_focused()
    page.keyboard.press("Enter")
    expect(field(page, "underskrifter", 2, "part")).to_have_value("erhvervsskole")
    wait_until_in_page(page, DONE, timeout=LOAD_TIMEOUT_MS)
    assert scan(page, axe_script) == []


def test_an_unused_party_is_removed_without_asking(builder: Any) -> None:
    page = builder
    click(page, "Ny kladde")
    click(page, "Tilføj part")
    field(page, "parter", 0, "navn").fill("Jobcenter Alene")
    click(page, "Fjern part 1")  # no dialog: Playwright would dismiss it and keep the party
    expect(field(page, "parter", 0, "navn")).to_have_count(0)
    expect(page.locator("#ab-fortryd")).to_be_visible()
