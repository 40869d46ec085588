"""Driving the agreement builder (docs/aftalebygger/) in Playwright, and the CLI it must match.

The builder's testing contract: every finding shown carries ``data-kode``,
``data-linje`` and ``data-kolonne``; the element holding them (``#ab-fund``) gets
``data-tilstand="færdig"`` when the latest check is complete; the status says »Kontrol klar«
once Python has loaded.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from browser import POLL_MS, wait_until_in_page
from cli import run
from firstvisit import READY
from returning import fresh_visit

from kbtools.api import check_file

PAGE = "aftalebygger/index.html"
#: every test agreement (valid and invalid), and the cases' agreements
TEST_AGREEMENTS = sorted(
    (Path(__file__).resolve().parents[1] / "data" / "agreements").rglob("*.yaml")
)
CASE_AGREEMENTS = sorted(Path(__file__).resolve().parents[2].glob("cases/*/aftale.yaml"))
DONE = '#ab-fund[data-tilstand="færdig"]'
#: Loading Pyodide on two shared cores can take a while; the benchmark measures it properly.
LOAD_TIMEOUT_MS = 90_000


def fresh_builder(page: Any, site_url: str, path: str = PAGE) -> Any:
    """Open the builder (or the follow-up form at ``path``) in ``page`` as a new visitor finds
    it (:func:`returning.fresh_visit`: no drafts), with Python ready."""
    fresh_visit(page, site_url, path)
    wait_until_ready(page)
    return page


def wait_until_ready(page: Any) -> None:
    page.wait_for_function(READY, polling=POLL_MS, timeout=LOAD_TIMEOUT_MS)
    wait_until_in_page(page, DONE, timeout=LOAD_TIMEOUT_MS)


def open_file(page: Any, path: Path) -> None:
    """Open ``path`` with »Åbn aftale« and wait until its check is shown."""
    page.get_by_label("Åbn aftale").set_input_files(str(path))
    wait_until_in_page(page, DONE, timeout=LOAD_TIMEOUT_MS)


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
    """``kbtools validate --format json`` on ``path`` (run in the test process, see
    ``tests/support/cli.py``), without the file name and help link."""
    code, out, err = run("validate", "--format", "json", str(path))
    assert code in (0, 1, 2), err  # 2: a file kbtools refuses to read
    keep = ("kode", "linje", "kolonne", "niveau", "besked")
    return [{key: found[key] for key in keep} for found in json.loads(out)["fund"]]


def agreement_id(path: Path) -> str:
    """A test agreement's name in a test's id: its folder and file name."""
    return f"{path.parent.name}/{path.name}"


def editable(path: Path) -> bool:
    """Whether the form can edit the data of the agreement file at ``path``: a mapping."""
    return isinstance(check_file(path).data, dict)
