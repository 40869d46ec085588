"""Benchmark the agreement builder in headless Debian chromium (a script, not a test).

Builds the site (or uses ``--site``), serves it on localhost with a server that counts the
bytes it sends, and measures with Playwright:

* **usable**: from navigation start until the form is drawn and can be typed in;
* **first check, cold cache**: until the first findings are shown, in a fresh browser
  context (empty HTTP cache), and **warm cache**: the same after a reload in that context;
* **re-check after an edit**: the median time of a check of the edited agreement (from the
  moment the check starts until its findings are shown), over ``--edits`` edits of the title;
  the edit-to-findings time (what the reader waits for, with the builder's 60 ms pause after
  typing and Playwright's own overhead) is printed too; the edits are made on
  ``cases/midtby/aftale.yaml``, opened with »Åbn aftale«;
* **bytes transferred** on a cold and on a warm load (what the server sent, uncompressed);
* **layout shift on a phone**: the cumulative layout shift (CLS) on a 390 px phone from
  opening the page, with five named drafts in the browser, until »Kontrol klar« (measured by
  ``tests/builder/layout_shift.js``, as the builder's test measures it).

»Kontrol klar« (Python has loaded; it starts once the form is drawn, when the browser is idle
or something needs it) is reported for the first visit and for a return visit, which starts
from the memory snapshot the first visit kept (see ``kb-python-worker.mjs``; the phases say
``fromSnapshot``).

Targets: usable < 1 s, first check < 5 s cold, re-check < 100 ms, »Kontrol klar« on a return
visit < 2 s, CLS < 0.1.
Run: ``.venv/bin/python bench/builder_bench.py [--site _build/html] [--runs 3]``.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parents[1]
PAGE = "aftalebygger/index.html"
AGREEMENT = REPO / "cases" / "midtby" / "aftale.yaml"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
READY = "#ab-status:text-is('Kontrol klar')"
DONE = '#ab-fund[data-tilstand="færdig"]'
TARGETS_MS = {"usable": 1000.0, "cold": 5000.0, "recheck": 100.0, "klar_warm": 2000.0}
SHIFT = (REPO / "tests" / "builder" / "layout_shift.js").read_text("utf-8")
DRAFT_NAMES = [
    "Aftale med Vestby Jobcenter 2027",
    "Styregruppen",
    "Midtby LKS",
    "Nordby",
    "Sønderby",
]


class Counter:
    """Bytes the server has sent (bodies of full responses; a 304 sends none)."""

    def __init__(self) -> None:
        self.sent = 0
        self.lock = threading.Lock()

    def take(self) -> int:
        with self.lock:
            sent, self.sent = self.sent, 0
        return sent


class _Handler(SimpleHTTPRequestHandler):
    counter: Counter

    def copyfile(self, source: Any, outputfile: Any) -> None:
        size = os.fstat(source.fileno()).st_size
        with self.counter.lock:
            self.counter.sent += size
        super().copyfile(source, outputfile)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(folder: Path, counter: Counter) -> Iterator[str]:
    handler = type("Handler", (_Handler,), {"counter": counter})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=folder))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def build(target: Path) -> None:
    command = [sys.executable, "-m", "sphinx", "-q", "-b", "html", "-c", str(REPO)]
    command += ["-d", str(target.parent / "doctrees"), str(REPO / "docs"), str(target)]
    subprocess.run(command, check=True, cwd=REPO)


def load(page: Any, url: str) -> dict[str, float]:
    """Open the builder and wait for the first check; the page's own timings (ms)."""
    page.goto(url + PAGE)
    page.wait_for_selector(READY, timeout=120_000)
    page.wait_for_selector(DONE, timeout=120_000)
    timings: dict[str, float] = page.evaluate(
        "({usable: kbAftalebygger.timings.formReady,"
        " python: kbAftalebygger.timings.pythonReady,"
        " first: kbAftalebygger.timings.firstCheck,"
        " ...kbAftalebygger.timings.phases})"
    )
    return timings


def rechecks(page: Any, edits: int) -> tuple[list[float], list[float]]:
    """Check times (ms) of ``edits`` edits of the title, and edit-to-findings times."""
    title = page.locator("[id='f.titel']")
    checks, walls = [], []
    for number in range(edits):
        before = page.evaluate("kbAftalebygger.timings.checks.length")
        started = time.perf_counter()
        title.fill(f"Partnerskabsaftale, udgave {number}")
        page.wait_for_function(f"kbAftalebygger.timings.checks.length > {before}")
        page.wait_for_selector(DONE)
        walls.append((time.perf_counter() - started) * 1000)
        checks.append(page.evaluate("kbAftalebygger.timings.checks.at(-1)"))
    return checks, walls


def one_run(playwright: Any, url: str, counter: Counter, edits: int) -> dict[str, Any]:
    """A cold load in a new browser profile (empty disk cache), a warm reload, the edits."""
    with tempfile.TemporaryDirectory() as profile:
        context = playwright.chromium.launch_persistent_context(
            profile,
            executable_path=CHROMIUM,
            args=ARGS,
            headless=True,
            viewport={"width": 1280, "height": 900},
        )
        page = context.pages[0] if context.pages else context.new_page()
        counter.take()
        cold = load(page, url)
        run: dict[str, Any] = {"bytes_cold": counter.take(), "usable": cold["usable"]}
        run |= {"cold": cold["first"], "phases": cold, "klar_cold": cold["python"]}
        warm = load(page, url)
        run |= {"warm": warm["first"], "bytes_warm": counter.take(), "phases_warm": warm}
        run["klar_warm"] = warm["python"]
        page.get_by_label("Åbn aftale").set_input_files(str(AGREEMENT))
        page.wait_for_selector("[id='f.parter.0.navn']")
        page.wait_for_selector(DONE)
        run["recheck"], run["edit_wall"] = rechecks(page, edits)
        context.close()
    return run


def layout_shift(playwright: Any, url: str) -> float:
    """The CLS on a 390 px phone from opening the builder (named drafts stored) to »Kontrol
    klar«."""
    draft: dict[str, Any] = {"original": None, "fileName": None, "changed": True, "extraYears": []}
    drafts = {
        name: {"data": {"skema": "partnerskabsaftale/1", "titel": name}, **draft}
        for name in DRAFT_NAMES
    }
    store = json.dumps({"active": DRAFT_NAMES[0], "drafts": drafts})
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    context.add_init_script(
        f"localStorage.setItem('lks-aftalebygger', {json.dumps(store)});" + SHIFT
    )
    page = context.new_page()
    load(page, url)
    page.wait_for_function(
        f"document.querySelectorAll('#ab-kladde option').length === {len(drafts)}"
    )
    shift = float(page.evaluate("kbLayoutShift()"))
    browser.close()
    return shift


def measure(url: str, counter: Counter, runs: int, edits: int) -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = {}
    with sync_playwright() as playwright:
        for _ in range(runs):
            for key, value in one_run(playwright, url, counter, edits).items():
                found.setdefault(key, []).extend(value if isinstance(value, list) else [value])
            found.setdefault("cls", []).append(layout_shift(playwright, url))
    return found


def report(found: dict[str, list[Any]]) -> None:
    median = {
        key: statistics.median(values)
        for key, values in found.items()
        if values and not key.startswith("phases")
    }
    machine = f"{platform.platform()}, {os.cpu_count()} kerner"
    print(f"Maskine: {machine}, belastning {os.getloadavg()[0]:.1f}")
    rows = [
        ("Formularen kan bruges", "usable", TARGETS_MS["usable"]),
        ("Første kontrol, kold cache", "cold", TARGETS_MS["cold"]),
        ("Første kontrol, varm cache", "warm", TARGETS_MS["cold"]),
        ("Kontrol efter en ændring (median)", "recheck", TARGETS_MS["recheck"]),
        ("Kontrol klar, første besøg", "klar_cold", TARGETS_MS["cold"]),
        ("Kontrol klar, genbesøg", "klar_warm", TARGETS_MS["klar_warm"]),
    ]
    print(f"{'Måling':40} {'median':>10} {'mål':>9} {'forhold':>8}")
    for label, key, target in rows:
        value = median[key]
        print(f"{label:40} {value:8.0f} ms {target:6.0f} ms {value / target:8.2f}")
    print(f"{'Fra ændring til fund (median)':40} {median['edit_wall']:8.0f} ms")
    print(f"{'Overført, kold cache':40} {median['bytes_cold'] / 1e6:7.2f} MB")
    print(f"{'Overført, varm cache':40} {median['bytes_warm'] / 1e6:7.2f} MB")
    print(f"{'Layoutskift på telefon (CLS, største)':40} {max(found['cls']):10.3f}    mål 0.1")
    for key in ("phases", "phases_warm"):
        print(f"Indlæsningens faser ({key}, ms): {[_rounded(p) for p in found[key]]}")
    rest = {
        k: [round(v) for v in vs]
        for k, vs in found.items()
        if k not in ("cls",) and not k.startswith("phases")
    }
    print(f"Alle målinger: {rest}")


def _rounded(phases: dict[str, float]) -> dict[str, int]:
    return {key: round(value) for key, value in phases.items() if value is not None}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an already built site (default: build one)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--edits", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        site = args.site
        if site is None:
            site = Path(folder) / "html"
            build(site)
        counter = Counter()
        with serve(site, counter) as url:
            report(measure(url, counter, args.runs, args.edits))


if __name__ == "__main__":
    main()
