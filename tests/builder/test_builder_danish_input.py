"""Amounts and dates typed as Danes write them: »1.500«, »250.000 kr.«, »1,5 mio.«,
»31-12-2027« and »31.12.2027« are read, shown back in Danish and saved in the file's format
(numbers, ÅÅÅÅ-MM-DD); an amount that cannot be read is marked at its cell, and the totals say
they are incomplete instead of counting it as 0."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from browser import wait_until_in_page
from builderpage import DONE, LOAD_TIMEOUT_MS
from playwright.sync_api import expect
from test_builder_form import click, field, save, scan

pytestmark = pytest.mark.browser


def budget_with_a_year(page: Any) -> str:
    click(page, "Ny kladde")
    for number, name in enumerate(("Projektledelse", "Virksomhedsbesøg")):
        click(page, "Tilføj budgetpost", "økonomi")
        field(page, "økonomi", "budget", number, "navn").fill(name)
    click(page, "Tilføj år", "økonomi")
    first = page.locator("[id^='f.økonomi.budget.0.pr_år.']").first
    expect(first).to_have_count(1)
    year = (first.get_attribute("id") or "").rsplit(".", 1)[1]
    return year


def test_danish_amounts_are_read_and_totalled(
    builder: Any, tmp_path: Path, axe_script: Path
) -> None:
    page = builder
    year = budget_with_a_year(page)
    table = page.locator("[id='f.økonomi.budget']")
    first = field(page, "økonomi", "budget", 0, "pr_år", year)
    second = field(page, "økonomi", "budget", 1, "pr_år", year)
    first.fill("250.000 kr.")
    second.fill("1,5 mio.")
    expect(table.locator(f"tfoot [data-aar='{year}']")).to_have_text("1.750.000")
    expect(table.locator("[data-sum='1']")).to_have_text("1.500.000")
    first.press("Tab")  # leaving the cell shows the amount in Danish
    expect(first).to_have_value("250.000")
    expect(first).not_to_have_attribute("aria-invalid", "true")

    second.fill("1.5oo")  # a typing slip: never counted as 0 or as another number
    expect(second).to_have_attribute("aria-invalid", "true")
    message = page.locator(f"[id='f.økonomi.budget.1.pr_år.{year}-laes']")
    expect(message).to_have_text("Beløbet kan ikke læses. Skriv et tal, fx 1.500 eller 1,5 mio.")
    assert f"f.økonomi.budget.1.pr_år.{year}-laes" in (
        second.get_attribute("aria-describedby") or ""
    )
    expect(table.locator(f"tfoot [data-aar='{year}']")).to_have_text("250.000 (ufuldstændig)")
    expect(table.locator("tfoot [data-aar='alle']")).to_have_text("250.000 (ufuldstændig)")
    expect(page.locator("[id='f.økonomi.budget-ufuld']")).to_contain_text(
        "I alt er ufuldstændig: 1 beløb kan ikke læses"
    )
    wait_until_in_page(page, DONE, timeout=LOAD_TIMEOUT_MS)
    assert scan(page, axe_script) == []

    second.fill("1.500")
    expect(second).not_to_have_attribute("aria-invalid", "true")
    expect(message).to_have_count(0)
    expect(table.locator(f"tfoot [data-aar='{year}']")).to_have_text("251.500")
    expect(page.locator("[id='f.økonomi.budget-ufuld']")).to_be_hidden()

    dates = (("start", "1-1-2027", "01.01.2027"), ("slut", "31-12-2031", "31.12.2031"))
    for name, typed, shown in dates:
        date = field(page, "varighed", name)
        date.fill(typed)
        date.press("Tab")
        expect(date).to_have_value(shown)
    wait_until_in_page(page, DONE, timeout=LOAD_TIMEOUT_MS)
    text = save(page, tmp_path).read_text(encoding="utf-8")
    assert f"{year}: 250000\n" in text and f"{year}: 1500\n" in text
    assert "start: 2027-01-01\n" in text and "slut: 2031-12-31\n" in text


def test_an_unreadable_amount_on_a_phone(phone_builder: Any) -> None:
    page = phone_builder
    year = budget_with_a_year(page)
    cell = field(page, "økonomi", "budget", 0, "pr_år", year)
    cell.fill("mange penge")
    message = page.locator(f"[id='f.økonomi.budget.0.pr_år.{year}-laes']")
    expect(message).to_be_visible()
    # the mark stays when the table is drawn again (here: a year is added)
    click(page, "Tilføj år", "økonomi")
    expect(page.locator("input[id^='f.økonomi.budget.0.pr_år.']")).to_have_count(3)
    expect(message).to_be_visible()
    expect(cell).to_have_attribute("aria-invalid", "true")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
