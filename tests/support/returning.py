"""A returning visitor: browser contexts that start with the Python snapshot a first visit kept.

The site's Python worker (``kb-python-worker.mjs``) keeps a memory snapshot of Pyodide with
kbtools imported in the origin's Cache Storage at the first visit, and a return visit starts
from it (about a second instead of several). A new Playwright context is a first visit. Most
browser tests are about what a page does once Python runs, not about how Python first
starts, so they begin as a returning visitor: :func:`returning_visitor` puts the origin's
Cache Storage, as the run's one first visit left it (``firstvisit.py``), into a new context
before its first page opens. The bytes travel through the test server's held store
(``browser.HELD``). The first visit itself, the return visit and a refused snapshot are
tested on their own in ``tests/builder/test_builder_startup.py``.
"""

from __future__ import annotations

from typing import Any

from browser import HELD, held_url
from firstvisit import FirstVisit, blank_url

PUT_IN = """async ([held, entries]) => {
  for (const [name, url, key] of entries) {
    await (await caches.open(name)).put(url, await fetch(held + key));
  }
}"""


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


def returning_visitor(context: Any, site_url: str, first_visit: FirstVisit) -> Any:
    """Give ``context`` (before its first page of the site opens) the Cache Storage the run's
    first visit left behind, and return a page of the context on the site's origin for the
    test to go on with: the one that copied the storage in (a page of the origin already has
    its own browser process, so going on with it costs less than a new one), or a new page
    when the context already was a returning visitor's."""
    if getattr(context, "_kb_returning", False):
        return context.new_page()
    entries = []
    for number, (name, url, body) in enumerate(first_visit.entries_for(site_url)):
        HELD[f"first-visit-{number}"] = body
        entries.append([name, url, f"first-visit-{number}"])
    page = context.new_page()
    page.goto(blank_url(site_url))
    page.evaluate(PUT_IN, [held_url(site_url), entries])
    context._kb_returning = True
    return page
