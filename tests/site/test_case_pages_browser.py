"""Case pages and the comparison page in chromium: chart labels fit, chart text is legible on a
phone, the comparison matrix fits a laptop screen and prints all eight parameters on A4."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from returning import fresh_visit

from kbtools.typology.cases import case_names, load_case
from kbtools.typology.views import comparison

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
CASES = ["midtby", "fjordkommune", "hedeby"]
PARAMETERS = [
    "Mandat og ledelsesmæssig opbakning",
    "Mål",
    "Ressourcer",
    "Institutionalisering",
    "Læring",
    "Projektindsatser",
    "Forholdet til de andre partnere",
    "Udbytte",
]

#: Every <text> of the case charts: its box in SVG units, the view box, and its size in CSS px.
CHART_TEXTS = """() => [...document.querySelectorAll('svg.kbtools-radar, svg.kbtools-development')]
  .flatMap(svg => {
    const vb = svg.viewBox.baseVal, scale = svg.getScreenCTM().a;
    const rect = svg.getBoundingClientRect();
    return [...svg.querySelectorAll('text')].map(t => {
      const b = t.getBBox();
      return {text: t.textContent, x: b.x, y: b.y, w: b.width, h: b.height,
              vx: vb.x, vy: vb.y, vw: vb.width, vh: vb.height,
              px: parseFloat(getComputedStyle(t).fontSize) * scale,
              right: rect.right, page: document.documentElement.clientWidth};
    });
  })"""


@pytest.fixture(params=[1366, 390], ids=["1366px", "390px"], scope="module")
def sized_page(request: pytest.FixtureRequest, browser: Any) -> Iterator[Any]:
    context = browser.new_context(
        viewport={"width": request.param, "height": 900}, locale="da-DK", color_scheme="dark"
    )
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.mark.parametrize("case", CASES)
def test_chart_labels_fit_inside_the_chart(sized_page: Any, site_url: str, case: str) -> None:
    sized_page.goto(f"{site_url}cases/{case}.html", wait_until="load")
    texts = sized_page.evaluate(CHART_TEXTS)
    assert len(texts) > 8 * 4, "the case page has no charts"
    outside = [
        t["text"]
        for t in texts
        if t["x"] < t["vx"] - 0.5
        or t["y"] < t["vy"] - 0.5
        or t["x"] + t["w"] > t["vx"] + t["vw"] + 0.5
        or t["y"] + t["h"] > t["vy"] + t["vh"] + 0.5
    ]
    assert not outside, f"chart labels cut off on {case}: {outside}"
    assert all(t["right"] <= t["page"] + 0.5 for t in texts), "a chart is wider than the page"
    width = sized_page.viewport_size["width"]
    small = sorted({(round(t["px"], 1), t["text"]) for t in texts if t["px"] < 11})
    assert not small, f"chart text under 11 px at {width} px: {small[:5]}"


def test_comparison_shows_all_parameters_on_a_laptop(browser: Any, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="da-DK")
    try:
        page = context.new_page()
        page.goto(f"{site_url}cases/index.html", wait_until="load")
        fit = page.evaluate(
            """() => [...document.querySelectorAll('table.kbtools-sammenligning')].map(t => {
                 const wrapper = t.closest('.table-wrapper') || t.parentElement;
                 return {scroll: wrapper.scrollWidth, client: wrapper.clientWidth,
                         names: [...t.querySelectorAll('td:first-child a')].map(a => a.textContent),
                         sticky: getComputedStyle(t.querySelector('th')).position};
               })"""
        )
        assert fit, "no comparison table"
        for table in fit:
            assert table["scroll"] <= table["client"], f"the comparison scrolls at 1366 px: {table}"
            assert table["sticky"] == "sticky"
        assert fit[0]["names"] == ["Fjordkommune", "Hedeby", "Midtby"]
    finally:
        context.close()


def test_comparison_prints_all_parameters_on_a4(desktop_page: Any, site_url: str) -> None:
    from pypdf import PdfReader

    page = fresh_visit(desktop_page, site_url, "cases/index.html")
    page.emulate_media(media="print")
    assert page.locator(".skip-to-content").evaluate("e => getComputedStyle(e).display") == "none"
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    pages = [pdf_page.extract_text() or "" for pdf_page in reader.pages]
    assert all(text.strip() for text in pages), "the printout has a blank page"
    text = re.sub(r"-\s*\n\s*", "", "\n".join(pages))
    text = re.sub(r"\s+", " ", text)
    matrix = text[text.index("Casene ved seneste vurdering") : text.index("Fordeling pr.")]
    squeezed = re.sub(r"[\s\u2010\u00ad-]", "", matrix)
    missing = [name for name in PARAMETERS if name.replace(" ", "") not in squeezed]
    assert not missing, f"parameters missing from the printed comparison: {missing}"
    for row in comparison([load_case(REPO, name) for name in case_names(REPO)]).rows:
        levels = " ".join(level.name for level in row.levels)
        assert f"{row.display_name} {row.date} {levels}" in matrix, f"{row.display_name}: {levels}"
    assert "Gå til indholdet" not in text
