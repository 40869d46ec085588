"""»Status år for år« on Fjordkommune's case page in chromium, on a laptop and a phone: the
goals over the years in words, the budget against the spending per year, the status notes to
download, no serious axe violations; and the ways readers get there (the year wheel, the
tringuide's last step, the page about the yearly follow-up)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import run_axe
from returning import fresh_visit

pytestmark = pytest.mark.browser

PAGE = "cases/fjordkommune.html"
SECTION = "section#status-aar-for-aar"
SERIOUS = {"serious", "critical"}
#: Every table of the section: its width and the width it has on the page.
TABLE_WIDTHS = f"""() => [...document.querySelectorAll('{SECTION} table')].map(t => ({{
  table: t.getBoundingClientRect().right, page: document.documentElement.clientWidth}}))"""


@pytest.fixture(params=[1366, 390], ids=["1366px", "390px"], scope="module")
def sized_page(request: pytest.FixtureRequest, browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": request.param, "height": 900}, locale="da-DK")
    try:
        yield context.new_page()
    finally:
        context.close()


def test_the_section_shows_goals_and_money_in_words(
    sized_page: Any, site_url: str, axe_script: Path, screenshot_dir: Path
) -> None:
    sized_page.goto(site_url + PAGE, wait_until="load")
    section = sized_page.locator(SECTION)
    assert section.locator("h2").inner_text().strip().startswith("Status år for år")
    goals, money = section.locator("table").all()
    header = [cell.strip() for cell in goals.locator("thead th").all_inner_texts()]
    assert header == ["Mål", "2025", "2026"]
    first = goals.locator("tbody tr").first
    assert [s.strip() for s in first.locator("strong").all_inner_texts()] == ["På vej.", "Nået."]
    rows = [
        [c.strip() for c in r.locator("td").all_inner_texts()]
        for r in money.locator("tbody tr").all()
    ]
    assert rows == [["2025", "1.000", "930", "93 %"], ["2026", "1.000", "1.024", "102 %"]]
    width = sized_page.viewport_size["width"]
    wide = [t for t in sized_page.evaluate(TABLE_WIDTHS) if t["table"] > t["page"] + 0.5]
    assert not wide, f"a table is wider than the screen at {width} px: {wide}"
    section.screenshot(path=str(screenshot_dir / f"case-status-{width}px.png"))
    result = run_axe(sized_page)
    serious = [v["id"] for v in result["violations"] if v["impact"] in SERIOUS]
    assert not serious, f"axe at {width} px: {serious}"


def test_every_years_note_can_be_downloaded(desktop_page: Any, site_url: str) -> None:
    page = fresh_visit(desktop_page, site_url, PAGE)
    links = page.locator(f"{SECTION} li a")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert len(hrefs) == 2 * 4, hrefs  # two years, each in PDF, Word, html and Markdown
    starts = {"pdf": b"%PDF", "docx": b"PK", "html": b"<!DOCTYPE html>", "md": b"# Statusnotat"}
    for href in hrefs:
        response = page.request.get(site_url + "cases/" + href)
        assert response.ok, href
        assert response.body().startswith(starts[href.rsplit(".", 1)[1]]), href


@pytest.mark.parametrize(
    "start", ["lks-i-praksis/tjekliste.html", "tringuide/trin-4.html"], ids=["aarshjul", "trin-4"]
)
def test_readers_reach_the_section_from_the_year_wheel_and_the_tringuide(
    desktop_page: Any, site_url: str, start: str
) -> None:
    page = fresh_visit(desktop_page, site_url, start)
    page.locator("article a[href$='opfoelgning.html']").first.click()
    page.wait_for_url("**/lks-i-praksis/opfoelgning.html")
    assert page.locator("h1").inner_text().strip().startswith("Opfølgning år for år")
    page.goto(site_url + start, wait_until="load")
    page.locator("article a[href$='cases/fjordkommune.html']").first.click()
    page.wait_for_url("**/cases/fjordkommune.html")
    assert page.locator(SECTION).is_visible()


def test_the_html_note_is_accessible_on_a_laptop_and_a_phone(
    sized_page: Any, site_url: str, axe_script: Path
) -> None:
    """A wide table scrolls sideways inside a region a keyboard can reach (the agreements'
    html has the same tables)."""
    for path in ("opfoelgning-2026.html", "aftale.html"):
        sized_page.goto(f"{site_url}eksempler/fjordkommune/{path}", wait_until="load")
        result = run_axe(sized_page)
        serious = [v["id"] for v in result["violations"] if v["impact"] in SERIOUS]
        assert not serious, f"{path} at {sized_page.viewport_size['width']} px: {serious}"
        regions = sized_page.locator("div.tabel[role=region][tabindex='0']")
        assert regions.count() >= 1
