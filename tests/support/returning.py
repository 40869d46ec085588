"""A returning visitor: browser contexts that start with the Python snapshot a first visit kept.

The site's Python worker (``kb-python-worker.mjs``) keeps a memory snapshot of Pyodide with
kbtools imported in the origin's Cache Storage at the first visit, and a return visit starts
from it (about a second instead of several). A new Playwright context is a first visit. Most
browser tests are about what a page does once Python runs, not about how Python first
starts, so they begin as a returning visitor: :func:`returning_visitor` copies the origin's
Cache Storage, as a real first visit left it (once per test process), into a new context
before its first page opens. The bytes travel through the test server's held store
(``browser.HELD``). The first visit itself, the return visit and a refused snapshot are
tested on their own in ``tests/builder/test_builder_startup.py``.
"""

from __future__ import annotations

import json
import time
from typing import Any

from browser import HELD, POLL_MS, held_url

#: The builder's page; a first visit there leaves the snapshot every Python page uses.
FIRST_VISIT_PAGE = "aftalebygger/index.html"
#: true once the builder's status says that Python has loaded
READY = "() => document.getElementById('ab-status').textContent.trim() === 'Kontrol klar'"
#: Python's first start on two busy cores can take a while.
PATIENT_MS = 90_000
#: A same-origin page to run the copying on (no page of the site: it would start Python).
BLANK = "returning-visitor.html"

#: Post every entry of every cache of the origin to the held store; answers their names.
COPY_OUT = """async ([held, prefix]) => {
  const entries = [];
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const body = await (await cache.match(request)).blob();
      const key = prefix + entries.length;
      await fetch(held + key, { method: "POST", body: body });
      entries.push([name, request.url, key]);
    }
  }
  return entries;
}"""
#: The bytes in the origin's Cache Storage.
CACHED_BYTES = """async () => {
  let size = 0;
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      size += (await (await cache.match(request)).blob()).size;
    }
  }
  return size;
}"""
PUT_IN = """async ([held, entries]) => {
  for (const [name, url, key] of entries) {
    await (await caches.open(name)).put(url, await fetch(held + key));
  }
}"""

_taken: dict[str, list[list[str]]] = {}


def blank_url(site_url: str) -> str:
    """A blank page on the site's origin that starts nothing."""
    HELD[BLANK] = b"<!doctype html><html lang='da'><title>-</title></html>"
    return held_url(site_url, BLANK)


#: Forget what the site keeps in the browser (drafts, answers, agendas: localStorage only).
FORGET = "() => { localStorage.clear(); sessionStorage.clear(); }"


def fresh_visit(page: Any, site_url: str, path: str) -> Any:
    """Open ``path`` of the site in ``page`` (a returning visitor's, kept by the test session)
    as a new visit: nothing kept from earlier visits but the Python snapshot, on a screen (not
    paper) in the light colour scheme, the pointer out of the way, the page in front (a test
    may have opened another page beside it, which takes the focus). The page goes to a blank
    page of the site first, so nothing the last page still does can keep anything after the
    storage is cleared."""
    page.bring_to_front()
    page.goto(blank_url(site_url))
    page.evaluate(FORGET)
    page.emulate_media(media="screen", color_scheme="light")
    page.mouse.move(0, 0)
    page.goto(site_url + path, wait_until="load")
    return page


def _blank_page(context: Any, site_url: str) -> Any:
    page = context.new_page()
    page.goto(blank_url(site_url))
    return page


def cache_entries(context: Any, site_url: str, prefix: str) -> list[list[str]]:
    """Copy the Cache Storage of ``site_url``'s origin in ``context`` to the held store:
    ``[cache name, request URL, held name]`` per entry (the body is ``HELD[held name]``)."""
    page = _blank_page(context, site_url)
    try:
        found: list[list[str]] = page.evaluate(COPY_OUT, [held_url(site_url), prefix])
        return found
    finally:
        page.close()


def wait_for_cached_entries(page: Any, more_than: int = 0) -> None:
    """Wait until the origin's Cache Storage holds more than ``more_than`` bytes (the worker
    keeps its snapshot just after Python answers, without making the page wait). Asks again
    and again, as Playwright's auto-retrying assertions do (``wait_for_function`` would not
    wait for an answer that needs ``await``)."""
    deadline = time.monotonic() + PATIENT_MS / 1000
    while (size := page.evaluate(CACHED_BYTES)) <= more_than:
        assert time.monotonic() < deadline, f"Cache Storage holds {size} bytes"
        page.wait_for_timeout(100)


def _first_visit(browser: Any, site_url: str) -> list[list[str]]:
    context = browser.new_context()
    context.set_default_timeout(PATIENT_MS)
    try:
        page = context.new_page()
        page.goto(site_url + FIRST_VISIT_PAGE)
        page.wait_for_function(READY, polling=POLL_MS)
        wait_for_cached_entries(page)
        return cache_entries(context, site_url, "first-visit-")
    finally:
        context.close()


def returning_visitor(context: Any, site_url: str) -> Any:
    """Give ``context`` (before its first page of the site opens) the Cache Storage a first
    visit to ``site_url`` leaves behind, and return a page of the context on the site's origin
    for the test to go on with: the one that copied the storage in (a page of the origin
    already has its own browser process, so going on with it costs less than a new one), or a
    new page when the context already was a returning visitor's."""
    if getattr(context, "_kb_returning", False):
        return context.new_page()
    if site_url not in _taken:
        _taken[site_url] = _first_visit(context.browser, site_url)
    page = _blank_page(context, site_url)
    page.evaluate(PUT_IN, [held_url(site_url), _taken[site_url]])
    context._kb_returning = True
    return page


def describe(entries: list[list[str]]) -> str:
    """The entries with their sizes, for an assertion's message."""
    return json.dumps([[name, url, len(HELD.get(key, b""))] for name, url, key in entries])
