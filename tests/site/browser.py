"""Serve the built site on localhost and drive Debian's chromium with Playwright.

Never downloads a browser: it uses ``/usr/bin/chromium`` (installed by bootstrap.sh) and
npm's ``axe-core`` from ``node_modules`` (installed by ``npm ci`` in bootstrap.sh). When
either is missing the tests FAIL with a Danish/English hint to run ``./bootstrap.sh``:
they must never be silently skipped in CI.
"""

from __future__ import annotations

import functools
import shutil
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

#: The tests check what the pages do, not how fast: WebAssembly runs as V8 first compiles it
#: (Liftoff), without compiling it a second time for speed in the background, which costs the
#: two cores of a test run more than it gains in a test. The benchmarks in bench/ measure
#: with Chromium's defaults. Scrolling jumps instead of gliding: the site's theme scrolls
#: smoothly (``scroll-behavior: smooth``), so every action that scrolls an element into view
#: left the page moving for about 0.4 s, and Playwright, which clicks only an element that
#: stands still, tried again and again until it stopped.
TEST_ARGS = ["--js-flags=--liftoff-only", "--disable-smooth-scrolling"]


#: npm's axe-core (installed by ``npm ci`` in bootstrap.sh), and where the test server serves it
AXE_FILE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
AXE_PATH = "/__kb-axe/axe.min.js"
#: the WCAG 2.1 A and AA rules of axe-core, and the script that runs them on a page (only the
#: violations are collected: the tests use nothing else, and axe is faster without the rest)
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_RUN = (
    "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"
)


def run_axe(page: Any) -> dict[str, Any]:
    """axe-core's result for the page as it is now: its WCAG 2.1 A and AA rules, violations in
    full. axe comes from the test server like a script of the site (a page of another origin
    cannot be scanned), so Chromium keeps it compiled from page to page; handed over as text,
    its half a megabyte would be sent, parsed and compiled anew for every scan."""
    page.add_script_tag(url=urljoin(page.url, AXE_PATH))
    result: dict[str, Any] = page.evaluate(AXE_RUN, AXE_TAGS)
    return result


#: how often a page looks for what a test waits for (:func:`wait_until_in_page`)
POLL_MS = 20


def wait_until_in_page(page: Any, css: str, timeout: float | None = None) -> None:
    """Wait until an element matching ``css`` is in ``page``, the page looking every POLL_MS
    milliseconds. ``wait_for_selector`` looks again after growing pauses of up to half a
    second: for what a page shows a moment after it loaded (Python ready, a check done) that
    is often half a second of waiting for nothing, many times over in a run. (It waits for the
    element to be visible, too; the actions that follow a wait, such as ``click`` and ``fill``,
    wait for that themselves, and asking for it here every few milliseconds makes the page lay
    itself out again and again while it is being built.) ``timeout`` is in milliseconds; by
    default the page's own."""
    page.wait_for_function(
        "css => document.querySelector(css) !== null", arg=css, polling=POLL_MS, timeout=timeout
    )


def chromium_path() -> Path | None:
    if CHROMIUM.is_file():
        return CHROMIUM
    found = shutil.which("chromium")
    return Path(found) if found else None


#: Bytes a test hands to its pages, or pages hand to the test, outside the site's own files:
#: the server answers ``GET HELD_PATH + name`` with ``HELD[name]`` and stores the body of
#: ``POST HELD_PATH + name`` there (a large body travels over local HTTP in an instant, while
#: Playwright's own channel needs seconds for it).
HELD: dict[str, bytes] = {}
HELD_PATH = "/__kb-held/"


def held_url(site_url: str, name: str = "") -> str:
    """The address of ``HELD[name]`` on the site's origin (of the held store, without a name)."""
    return site_url + HELD_PATH.lstrip("/") + name


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass  # keep the test output readable

    def do_GET(self) -> None:
        if self.path == AXE_PATH:
            self._send_axe()
            return
        if not self.path.startswith(HELD_PATH):
            super().do_GET()
            return
        name = self.path[len(HELD_PATH) :]
        body = HELD.get(name)
        if body is None:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header(
            "Content-Type", "text/html" if name.endswith(".html") else "application/octet-stream"
        )
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _send_axe(self) -> None:
        body = AXE_FILE.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "text/javascript")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=86400")  # one run never sees it change
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:
        if not self.path.startswith(HELD_PATH):
            self.send_error(405)
            return
        length = int(self.headers.get("Content-Length", "0"))
        HELD[self.path[len(HELD_PATH) :]] = self.rfile.read(length)
        self.send_response(204)
        self.end_headers()


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return  # a page closed while a file was on its way (e.g. a test ended): not news
        super().handle_error(request, client_address)


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on a free localhost port in a background thread; yield its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
