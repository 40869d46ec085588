"""The builder's print view is the document ``kbtools render --format html``
writes (the same document model and writer, run in the browser), marked KLADDE exactly when
the CLI would only make a draft."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import docx
import pytest
from browser import wait_until_in_page
from builderpage import fresh_builder, open_file

pytestmark = pytest.mark.browser

DATA = Path(__file__).resolve().parents[1] / "data" / "agreements"


@pytest.fixture(scope="module")
def page(desktop_page: Any, site_url: str) -> Any:
    return fresh_builder(desktop_page, site_url)


def cli_html(path: Path, draft: bool) -> str:
    command = [sys.executable, "-m", "kbtools", "render", str(path), "--format", "html", "-o", "-"]
    done = subprocess.run(
        command + (["--kladde"] if draft else []),
        capture_output=True,
        text=True,
        check=False,
        encoding="utf-8",
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def show_print(page: Any) -> str:
    page.get_by_role("button", name="Vis udskrift").click()  # marks the frame as working
    wait_until_in_page(page, '#ab-udskrift[data-tilstand="færdig"]:not([hidden])')
    html: str = page.eval_on_selector("#ab-udskrift", "frame => frame.srcdoc")
    return html


@pytest.mark.parametrize(
    ("name", "draft"), [("valid/minimal.yaml", False), ("invalid/ukendt-part.yaml", True)]
)
def test_print_view_is_the_rendered_agreement(page: Any, name: str, draft: bool) -> None:
    path = DATA / name
    open_file(page, path)
    html = show_print(page)
    assert html == cli_html(path, draft)
    frame = page.frame_locator("#ab-udskrift")
    assert frame.locator("h1").inner_text() == page.locator("[id='f.titel']").input_value()
    assert (frame.locator(".kladde").count() == 1) is draft
    message = page.locator("#ab-udskrift-besked").inner_text()
    assert ("KLADDE" in message) is draft
    assert frame.locator(".underskrift").count() == 2  # one signature block per party


def test_print_view_follows_the_form(page: Any) -> None:
    open_file(page, DATA / "valid" / "minimal.yaml")
    page.locator("[id='f.titel']").fill("Ny titel fra formularen")
    wait_until_in_page(page, '#ab-fund[data-tilstand="færdig"]')
    show_print(page)
    assert page.frame_locator("#ab-udskrift").locator("h1").inner_text() == (
        "Ny titel fra formularen"
    )


def test_word_download_is_the_agreement(page: Any, tmp_path: Path) -> None:
    path = DATA / "valid" / "minimal.yaml"
    open_file(page, path)
    with page.expect_download() as download:
        page.get_by_role("button", name="Hent som Word").click()
    assert download.value.suggested_filename == "minimal.docx"
    target = tmp_path / "minimal.docx"
    download.value.save_as(target)
    document = docx.Document(str(target))
    assert document.paragraphs[0].text == "Minimal aftale (testdata)"
    assert [row.cells[0].text for row in document.tables[0].rows] == ["Part", "Part A", "Part B"]
    assert "mærket KLADDE" not in page.locator("#ab-udskrift-besked").inner_text()
    # Pyodide ran the CLI's Word writer: the same bytes as kbtools render
    cli = tmp_path / "cli.docx"
    command = [sys.executable, "-m", "kbtools", "render", str(path), "--format", "docx"]
    subprocess.run([*command, "-o", str(cli)], check=True, capture_output=True)
    assert target.read_bytes() == cli.read_bytes()
