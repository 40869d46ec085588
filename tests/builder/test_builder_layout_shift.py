"""The builder does not move under the reader's eyes on a phone: the cumulative layout shift
(CLS, as browsers measure it) from opening the page until »Kontrol klar« stays under 0.1,
with several named drafts in the browser filling the draft list."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from builderpage import PAGE, wait_until_ready
from firstvisit import FirstVisit
from playwright.sync_api import expect
from returning import returning_visitor

pytestmark = pytest.mark.browser

#: Drafts as the builder keeps them in localStorage, with names long enough to wrap a row.
NAMES = [
    "Aftale med Vestby Jobcenter og Erhvervshus 2027",
    "Kladde til styregruppens møde",
    "Midtby LKS – revideret udgave",
    "Nordby",
    "Sønderby partnerskab 2028–2030",
]
STORE = {
    "active": NAMES[0],
    "drafts": {
        name: {
            "data": {"skema": "partnerskabsaftale/1", "titel": name, "lks": True},
            "original": None,
            "fileName": None,
            "changed": True,
            "extraYears": [],
        }
        for name in NAMES
    },
}

#: The observer of layout shifts and ``kbLayoutShift()`` (shared with bench/builder_bench.py).
OBSERVE = (Path(__file__).parent / "layout_shift.js").read_text("utf-8")
#: The drafts, set before the page's own scripts run.
DRAFTS = "localStorage.setItem('lks-aftalebygger', %s);"


def layout_shift(browser: Any, site_url: str, first_visit: FirstVisit) -> tuple[float, Any]:
    """The CLS of one return visit on a 390 px phone, from opening the builder to »Kontrol
    klar« (a first visit shows the same changes, over a longer wait for Python)."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, locale="da-DK", is_mobile=True, has_touch=True
    )
    context.add_init_script(DRAFTS % json.dumps(json.dumps(STORE)) + OBSERVE)
    page = returning_visitor(context, site_url, first_visit)
    page.goto(site_url + PAGE)
    wait_until_ready(page)
    expect(page.locator("#ab-kladde option")).to_have_count(len(NAMES))
    expect(page.locator("#ab-kladde")).to_have_value(NAMES[0])
    return float(page.evaluate("kbLayoutShift()")), context


def test_the_builder_does_not_shift_on_a_phone(
    browser: Any, site_url: str, first_visit: FirstVisit
) -> None:
    shift, context = layout_shift(browser, site_url, first_visit)
    try:
        # the observer works: it sees the shifts a late block above the form makes
        page = context.pages[0]
        page.evaluate(
            "document.getElementById('aftalebygger').prepend(Object.assign("
            "document.createElement('div'), {style: 'height: 300px'}))"
        )
        page.wait_for_function(f"kbLayoutShift() > {shift} + 0.05")
    finally:
        context.close()
    assert shift < 0.1, f"CLS {shift:.3f} på en telefon (390 px)"
