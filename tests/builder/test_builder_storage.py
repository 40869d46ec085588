"""Drafts in localStorage: opening large files does not fill the browser's space
for drafts, and when the space is used up the page says which drafts take it and offers to
delete the others, keeping the current draft."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from browser import wait_until_in_page
from builderpage import DONE, cli_findings, open_file

from kbtools.loading import MAX_FILE_BYTES

pytestmark = pytest.mark.browser

MINIMAL = Path(__file__).resolve().parents[1] / "data" / "agreements" / "valid" / "minimal.yaml"


def padded(folder: Path, name: str, size: int) -> Path:
    """The minimal agreement with comment lines up to about ``size`` bytes (still valid)."""
    text = MINIMAL.read_text(encoding="utf-8")
    line = "# " + "x" * 98 + "\n"
    target = folder / name
    target.write_text(text + line * ((size - len(text)) // len(line)), encoding="utf-8")
    assert [f for f in cli_findings(target) if f["niveau"] == "fejl"] == []
    return target


def stored_names(page: Any) -> list[str]:
    names: list[str] = page.evaluate(
        "() => Object.keys(JSON.parse(localStorage.getItem('lks-aftalebygger')).drafts)"
    )
    return names


def test_large_opened_files_do_not_fill_the_browser(builder: Any, tmp_path: Path) -> None:
    page = builder
    # over kbtools' limit: refused at once (no slow parse in the test), and each kept only up
    # to the limit, so six are about 8 MB as base64: more than the browser's 5 MB for a site
    big = tmp_path / "stor.yaml"
    big.write_text(MINIMAL.read_text(encoding="utf-8") + "# " + "x" * 1_200_000 + "\n")
    assert big.stat().st_size > MAX_FILE_BYTES
    for _ in range(6):
        open_file(page, big)
    page.locator("[id='f.titel']").fill("Ændret titel")
    wait_until_in_page(page, DONE)
    assert page.locator("#ab-plads").count() == 0
    assert "ikke gemmes" not in page.locator("#ab-besked").inner_text()
    assert len(stored_names(page)) == 6  # the six files (the first, empty draft gave way)
    page.reload()
    wait_until_in_page(page, DONE, timeout=60_000)
    assert page.locator("[id='f.titel']").input_value() == "Ændret titel"
    assert page.locator("#ab-kladde option").count() == 6


def test_a_full_browser_names_the_drafts_and_offers_to_delete_the_others(
    builder: Any, tmp_path: Path
) -> None:
    page = builder
    medium = padded(tmp_path, "mellem.yaml", 100_000)  # small enough to be kept as it is
    open_file(page, medium)
    open_file(page, medium)
    page.get_by_role("button", name="Ny kladde", exact=True).click()
    # fill the rest of the site's space, leaving less than an edit needs
    page.evaluate(
        """() => {
            for (let n = 6_000_000; n > 0; n -= 2_000) {
                try { localStorage.setItem('fyld', 'x'.repeat(n)); return; } catch (e) {}
            }
        }"""
    )
    page.locator("[id='f.titel']").fill("T" * 10_000)
    box = page.locator("#ab-plads")
    box.wait_for()
    text = box.inner_text()
    assert "plads til kladder er brugt op" in text
    assert "»mellem.yaml«" in text and "»mellem.yaml (2)«" in text
    assert "Kladde 1" not in text  # the first, empty draft gave way to the first file
    page.once("dialog", lambda dialog: dialog.accept())
    box.get_by_role("button", name="Slet de andre kladder").click()
    box.wait_for(state="detached")
    assert stored_names(page) == ["Kladde 3"]
    assert page.locator("[id='f.titel']").input_value() == "T" * 10_000
