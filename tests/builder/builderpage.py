"""Driving the agreement builder (docs/aftalebygger/) in Playwright, and the CLI it must match.

The builder's testing contract: every finding shown carries ``data-kode``,
``data-linje`` and ``data-kolonne``; the element holding them (``#ab-fund``) gets
``data-tilstand="færdig"`` when the latest check is complete; the status says »Kontrol klar«
once Python has loaded.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from returning import returning_visitor

PAGE = "aftalebygger/index.html"
DONE = '#ab-fund[data-tilstand="færdig"]'
#: Loading Pyodide on two shared cores can take a while; the benchmark measures it properly.
LOAD_TIMEOUT_MS = 90_000


@contextmanager
def builder_in_new_context(browser: Any, site_url: str) -> Iterator[Any]:
    """The builder (see :func:`open_builder`) in a fresh Danish desktop browser context,
    closed afterwards; for module-scoped pages."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")
    try:
        yield open_builder(context, site_url)
    finally:
        context.close()


def open_builder(context: Any, site_url: str) -> Any:
    """A new page on the builder, with Python loaded and the first check done; the context is
    a returning visitor's (see ``tests/support/returning.py``)."""
    page = returning_visitor(context, site_url)
    page.goto(site_url + PAGE, wait_until="load")
    wait_until_ready(page)
    return page


def wait_until_ready(page: Any) -> None:
    page.wait_for_selector("#ab-status:text-is('Kontrol klar')", timeout=LOAD_TIMEOUT_MS)
    page.wait_for_selector(DONE, timeout=LOAD_TIMEOUT_MS)


def open_file(page: Any, path: Path) -> None:
    """Open ``path`` with »Åbn aftale« and wait until its check is shown."""
    page.get_by_label("Åbn aftale").set_input_files(str(path))
    page.wait_for_selector(DONE, timeout=LOAD_TIMEOUT_MS)


def shown_findings(page: Any) -> list[dict[str, Any]]:
    """The findings the page shows, as the CLI's JSON names them, in kbtools' order.

    The page words each finding for the form and lists errors first; every finding keeps
    kbtools' own message and place in its order in data attributes (``data-besked``,
    ``data-orden``)."""
    result: list[dict[str, Any]] = page.eval_on_selector_all(
        "#ab-fund [data-kode]",
        """items => items.map(item => ({
            kode: item.dataset.kode,
            linje: Number(item.dataset.linje),
            kolonne: Number(item.dataset.kolonne),
            niveau: item.dataset.niveau,
            besked: item.dataset.besked,
            orden: Number(item.dataset.orden),
        }))""",
    )
    result.sort(key=lambda found: found.pop("orden"))
    return result


def cli_findings(path: Path) -> list[dict[str, Any]]:
    """``kbtools validate --format json`` on ``path``, without the file name and help link."""
    done = subprocess.run(
        [sys.executable, "-m", "kbtools", "validate", "--format", "json", str(path)],
        capture_output=True,
        text=True,
        check=False,
        encoding="utf-8",
    )
    assert done.returncode in (0, 1, 2), done.stderr  # 2: a file kbtools refuses to read
    keep = ("kode", "linje", "kolonne", "niveau", "besked")
    return [{key: found[key] for key in keep} for found in json.loads(done.stdout)["fund"]]
