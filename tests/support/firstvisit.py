"""A first visit to the site, made once per test run and recorded for every test process.

The site's Python worker (``kb-python-worker.mjs``) keeps a memory snapshot of Pyodide with
kbtools imported in the origin's Cache Storage at the first visit; a return visit starts from
it. A first visit costs several seconds of CPU, so a run makes one: in the background, as soon
as the site is built (:func:`sitebuild.start_building`), a process of its own opens the
builder in a new context of Debian's chromium, waits until the snapshot is kept and records
what it saw (:class:`FirstVisit`) in the run's shared folder. Every test process then starts
its browser contexts as a returning visitor's with those bytes (``returning.py``), and
``tests/builder/test_builder_startup.py`` checks the recording itself: Python did not start
from a snapshot, one was kept, and no page or worker asked another server for anything.

Run as a program: ``python firstvisit.py HTML_FOLDER RECORD_FOLDER`` (with ``tests/site`` and
``tests/support`` on ``PYTHONPATH``, as :func:`visited_once` starts it).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from browser import CHROMIUM, CHROMIUM_ARGS, HELD, POLL_MS, TEST_ARGS, held_url, serve
from once import once

#: The builder's page; a first visit there leaves the snapshot every Python page uses.
FIRST_VISIT_PAGE = "aftalebygger/index.html"
#: true once the builder's status says that Python has loaded
READY = "() => document.getElementById('ab-status').textContent.trim() === 'Kontrol klar'"
#: whether the builder's Python started from a snapshot
FROM_SNAPSHOT = "kbAftalebygger.timings.phases.fromSnapshot"
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

#: How a recorded address names the site it was recorded on. Each test process serves the
#: site on a port of its own, and the snapshot's key names the origin twice: in its path, and
#: percent-encoded in its query (the Pyodide folder).
SITE, QUOTED_SITE = "{site}", "{quoted-site}"


def blank_url(site_url: str) -> str:
    """A blank page on the site's origin that starts nothing."""
    HELD[BLANK] = b"<!doctype html><html lang='da'><title>-</title></html>"
    return held_url(site_url, BLANK)


def cache_entries(context: Any, site_url: str, prefix: str) -> list[list[str]]:
    """Copy the Cache Storage of ``site_url``'s origin in ``context`` to the held store:
    ``[cache name, request URL, held name]`` per entry (the body is ``HELD[held name]``)."""
    page = context.new_page()
    try:
        page.goto(blank_url(site_url))
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


@dataclass(frozen=True)
class FirstVisit:
    """What the run's first visit saw: the site's address then, whether Python started from
    a snapshot, every address the pages and Python's worker asked for, and the origin's
    Cache Storage afterwards (``[cache name, address, file in folder]`` per entry)."""

    folder: Path
    site: str
    from_snapshot: bool
    requested: list[str]
    entries: list[list[str]]

    def entries_for(self, site_url: str) -> list[tuple[str, str, bytes]]:
        """The Cache Storage entries as kept on the site served at ``site_url``."""
        return [
            (
                name,
                url.replace(QUOTED_SITE, quote(site_url, safe="")).replace(SITE, site_url),
                (self.folder / file).read_bytes(),
            )
            for name, url, file in self.entries
        ]


def record(html: Path, folder: Path) -> None:
    """Serve ``html``, visit its builder for the first time and record it in ``folder``."""
    with serve(html) as site_url:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=[*CHROMIUM_ARGS, *TEST_ARGS], headless=True
            )
            try:
                _record(chromium, site_url, folder)
            finally:
                chromium.close()


def _record(chromium: Any, site_url: str, folder: Path) -> None:
    context = chromium.new_context(locale="da-DK")
    context.set_default_timeout(PATIENT_MS)
    requested: list[str] = []  # by the pages and by Python's worker (only a route sees those)

    def note(route: Any) -> None:
        requested.append(route.request.url)
        route.continue_()

    context.route("**/*", note)
    page = context.new_page()
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url + FIRST_VISIT_PAGE)
    page.wait_for_function(READY, polling=POLL_MS)
    from_snapshot = page.evaluate(FROM_SNAPSHOT)
    wait_for_cached_entries(page)
    entries = []
    for number, (name, url, key) in enumerate(cache_entries(context, site_url, "first-")):
        file = f"entry-{number}.bin"
        (folder / file).write_bytes(HELD[key])
        general = url.replace(quote(site_url, safe=""), QUOTED_SITE).replace(site_url, SITE)
        entries.append([name, general, file])
    context.close()
    found = {"site": site_url, "fromSnapshot": from_snapshot, "requested": requested}
    (folder / "record.json").write_text(json.dumps({**found, "entries": entries}), "utf-8")


def visited_once(html: Path, folder: Path) -> FirstVisit | str:
    """The run's first visit to the site built in ``html``, recorded in ``folder`` unless this
    run already did; or what went wrong. Any number of processes may ask at once
    (:func:`once.once`)."""
    problem = once(folder, lambda folder: _record_in_a_process(html, folder))
    if problem is not None:
        return problem
    found = json.loads((folder / "record.json").read_text(encoding="utf-8"))
    return FirstVisit(
        folder, found["site"], found["fromSnapshot"], found["requested"], found["entries"]
    )


def _record_in_a_process(html: Path, folder: Path) -> str | None:
    here = Path(__file__).resolve()
    path = os.pathsep.join(str(p) for p in (here.parents[1] / "site", here.parent))
    done = subprocess.run(
        [sys.executable, str(here), str(html), str(folder)],
        env={**os.environ, "PYTHONPATH": path},
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        return f"The first visit failed:\n{done.stderr}{done.stdout}"
    return None


if __name__ == "__main__":
    record(Path(sys.argv[1]), Path(sys.argv[2]))
