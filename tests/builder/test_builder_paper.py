"""Ctrl+P on the builder page itself: the paper shows the agreement's print view when it is
shown, and otherwise a short note on how to print the agreement — never the form, the
findings, the site's navigation or buttons."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pypdf
import pytest
from browser import wait_until_in_page
from builderpage import open_file

pytestmark = pytest.mark.browser

MINIMAL = Path(__file__).resolve().parents[1] / "data" / "agreements" / "valid" / "minimal.yaml"
NOTE = "Sådan udskriver I aftalen"


def paper(page: Any) -> list[str]:
    """The text of each printed page, as Ctrl+P would print the builder page."""
    page.emulate_media(media="print")
    reader = pypdf.PdfReader(io.BytesIO(page.pdf(format="A4")))
    return [" ".join(p.extract_text().split()) for p in reader.pages]


def test_printing_the_page_gives_a_note_on_how_to_print(builder: Any) -> None:
    page = builder
    pages = paper(page)
    text = " ".join(pages)
    assert len(pages) == 1
    assert NOTE in text and "»Vis udskrift«" in text and "»Udskriv eller gem som PDF«" in text
    for screen_only in (
        "Gem aftalen som fil",
        "Kontrol af aftalen",
        "Åbn aftale",
        "Titel",
        "Indhold",
    ):
        assert screen_only not in text


def test_printing_the_page_gives_the_print_view_when_it_is_shown(builder: Any) -> None:
    page = builder
    open_file(page, MINIMAL)
    page.get_by_role("button", name="Vis udskrift").click()
    wait_until_in_page(page, '#ab-udskrift[data-tilstand="færdig"]:not([hidden])')
    pages = paper(page)
    text = " ".join(pages)
    assert len(pages) > 1  # the whole agreement, over several pages, not a clipped frame
    assert "Minimal aftale (testdata)" in text
    assert "Borgerinddragelse" in text and "Bo Formand" in text  # the last page
    assert "Part A" in text and "Part B" in text
    assert NOTE not in text
    for screen_only in (
        "Gem aftalen som fil",
        "Kontrol af aftalen",
        "Vis udskrift",
        "Udskrift til",
    ):
        assert screen_only not in text
