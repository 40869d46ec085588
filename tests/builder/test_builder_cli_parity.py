"""Every agreement in tests/data/agreements, opened in the builder with
»Åbn aftale«, shows exactly the findings of ``kbtools validate --format json`` on that file
(same codes, lines, columns, levels and Danish messages, in the same order). The files whose
data the form can edit are opened, and so compared, by ``test_builder_roundtrip.py`` before it
edits them; this module compares the others."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from builderpage import (
    DONE,
    TEST_AGREEMENTS,
    agreement_id,
    cli_findings,
    editable,
    fresh_builder,
    open_file,
    shown_findings,
)

pytestmark = pytest.mark.browser

AGREEMENTS = TEST_AGREEMENTS
#: the files whose data the form cannot edit (not a mapping)
UNEDITABLE = [path for path in AGREEMENTS if not editable(path)]


@pytest.fixture(scope="module")
def page(desktop_page: Any, site_url: str) -> Any:
    return fresh_builder(desktop_page, site_url)


def test_there_are_agreements_to_compare() -> None:
    assert len(AGREEMENTS) >= 20
    assert any("valid" in path.parts for path in AGREEMENTS)
    assert UNEDITABLE  # a file deeper than kbtools reads, a file that is not UTF-8


@pytest.mark.parametrize("path", UNEDITABLE, ids=agreement_id)
def test_opened_file_shows_the_cli_findings(page: Any, path: Path) -> None:
    open_file(page, path)
    assert shown_findings(page) == cli_findings(path)


def test_findings_link_to_their_field(page: Any) -> None:
    path = next(p for p in AGREEMENTS if p.name == "dobbelt-id.yaml")
    open_file(page, path)
    link = page.locator('#ab-fund [data-kode="aftale-dobbelt-part"] a').first
    target = link.get_attribute("href")
    assert target == "#f.parter.1.id"
    link.click()
    focused = page.evaluate("document.activeElement.id")
    assert focused == "f.parter.1.id"
    field = page.locator("[id='f.parter.1.id']")
    assert field.get_attribute("aria-invalid") == "true"
    described = (field.get_attribute("aria-describedby") or "").split()
    assert "f.parter.1.id-fund" in described
    message = page.locator("[id='f.parter.1.id-fund']")
    assert message.is_visible()
    assert "bruges af to" in message.inner_text()
    assert page.locator(DONE).count() == 1


def test_a_file_too_large_shows_the_cli_finding(page: Any, tmp_path: Path) -> None:
    # kbtools reads at most 1.000.000 bytes; the page refuses the same file the same way
    # (and keeps no more of it than one byte past the limit)
    minimal = next(p for p in AGREEMENTS if p.name == "minimal.yaml").read_text("utf-8")
    path = tmp_path / "stor.yaml"
    path.write_text(minimal + "".join(f"note{i}: {'x' * 60}\n" for i in range(20_000)), "utf-8")
    assert path.stat().st_size > 1_000_000
    open_file(page, path)
    assert shown_findings(page) == cli_findings(path)
    assert [f["kode"] for f in shown_findings(page)] == ["yaml-for-stor"]
    # a file this large is not kept in localStorage at all (only small files are, until edited)
    kept = page.evaluate(
        "() => { const s = JSON.parse(localStorage.getItem('lks-aftalebygger'));"
        " return (s.drafts[s.active].original || '').length; }"
    )
    assert kept == 0


def test_opening_a_file_draws_the_findings_once(page: Any) -> None:
    # the form is redrawn element by element; the findings list must not be redrawn with each
    # (with thousands of findings that froze the page for minutes)
    open_file(page, next(p for p in AGREEMENTS if p.name == "dobbelt-id.yaml"))
    page.evaluate(
        """() => {
            window.redrawn = 0;
            new MutationObserver(records => {
                window.redrawn += records.filter(r => r.removedNodes.length).length;
            })
                .observe(document.getElementById('ab-fundliste'), {childList: true});
        }"""
    )
    path = next(p for p in AGREEMENTS if p.name == "ukendt-part.yaml")
    open_file(page, path)
    assert shown_findings(page) == cli_findings(path)
    assert page.evaluate("window.redrawn") == 1
