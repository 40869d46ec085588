"""How Python starts in the builder: a first visit keeps a snapshot of the started
interpreter, a return visit starts from it, neither asks any other server for anything, and a
snapshot that cannot be used only costs time (see ``kb-python-worker.mjs``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from browser import wait_until_in_page
from builderpage import PAGE, cli_findings, open_file, shown_findings, wait_until_ready
from firstvisit import FROM_SNAPSHOT, FirstVisit, cache_entries, wait_for_cached_entries
from returning import returning_visitor

pytestmark = pytest.mark.browser

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "agreements"
INVALID = EXAMPLES / "invalid" / "ukendt-part.yaml"
SPOIL = """async ([name, url]) => {
  const cache = await caches.open(name);
  await cache.put(url, new Response(new Uint8Array(4096).fill(7)));
}"""


def _visit(page: Any, site_url: str) -> bool:
    """Open (or reload) the builder; whether Python started from a snapshot."""
    page.goto(site_url + PAGE)
    wait_until_ready(page)
    started: bool = page.evaluate(FROM_SNAPSHOT)
    return started


def _outside(requested: list[str], site_url: str) -> list[str]:
    """The addresses among ``requested`` that are not the site's own."""
    return sorted({url for url in requested if not url.startswith((site_url, "blob:", "data:"))})


def test_a_first_visit_keeps_a_snapshot_and_asks_no_other_server(first_visit: FirstVisit) -> None:
    """The run's one first visit (``firstvisit.py``, in chromium as the other tests run it)."""
    assert first_visit.from_snapshot is False
    [(name, url, snapshot)] = first_visit.entries_for(first_visit.site)
    assert name == "kb-python-snapshots"
    assert url.startswith(first_visit.site + "_static/kbtools-browser-"), url
    assert "pyodide-" in url, url
    assert len(snapshot) > 1_000_000
    # by the page and by Python's worker (only a route sees those)
    assert any(url.endswith("pyodide.asm.wasm") for url in first_visit.requested)
    assert _outside(first_visit.requested, first_visit.site) == []


def test_a_return_visit_starts_from_the_snapshot_and_asks_no_other_server(
    browser: Any, site_url: str, first_visit: FirstVisit
) -> None:
    context = browser.new_context(locale="da-DK")
    requested: list[str] = []

    def note(route: Any) -> None:
        requested.append(route.request.url)
        route.continue_()

    context.route("**/*", note)
    try:
        page = returning_visitor(context, site_url, first_visit)
        page.on("request", lambda request: requested.append(request.url))
        assert _visit(page, site_url) is True
        # started from the snapshot, the checks are kbtools' own
        open_file(page, INVALID)
        assert shown_findings(page) == cli_findings(INVALID)
        page.get_by_role("button", name="Vis udskrift").click()
        wait_until_in_page(page, '#ab-udskrift[data-tilstand="færdig"]:not([hidden])')
    finally:
        context.close()
    assert any(url.endswith("pyodide.asm.wasm") for url in requested)  # the worker is seen
    assert _outside(requested, site_url) == []


def test_a_snapshot_that_cannot_be_used_means_a_normal_start_and_a_new_snapshot(
    browser: Any, site_url: str, first_visit: FirstVisit
) -> None:
    context = browser.new_context(locale="da-DK")
    try:
        page = returning_visitor(context, site_url, first_visit)  # the first visit's snapshot
        [[name, url, _]] = cache_entries(context, site_url, "spoil-")
        page.evaluate(SPOIL, [name, url])
        assert _visit(page, site_url) is False
        open_file(page, INVALID)
        assert shown_findings(page) == cli_findings(INVALID)
        # the spoilt snapshot is replaced by a real one, and that one is used next time
        wait_for_cached_entries(page, more_than=1_000_000)
        assert _visit(page, site_url) is True
    finally:
        context.close()
