"""A list or group in an opened file where the schema wants one value: the field shows its items
as text with a note on what the file had, and saving keeps the file's value until the field is
edited."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from browser import wait_until_in_page
from builderpage import DONE, open_file

pytestmark = pytest.mark.browser

MINIMAL = Path(__file__).resolve().parents[1] / "data" / "agreements" / "valid" / "minimal.yaml"


def save(page: Any, folder: Path) -> Any:
    with page.expect_download() as download:
        page.get_by_role("button", name="Gem aftalen som fil").click()
    target: Path = folder / download.value.suggested_filename
    download.value.save_as(target)
    return yaml.safe_load(target.read_text(encoding="utf-8"))


def test_a_list_where_text_belongs_is_shown_as_text_and_kept(builder: Any, tmp_path: Path) -> None:
    text = MINIMAL.read_text(encoding="utf-8")
    text = text.replace("titel: Minimal aftale (testdata)", "titel: [en, liste]")
    text = text.replace("  vision: En vision.", "  vision: {kort: Ja, lang: Nej}")
    opened = tmp_path / "liste.yaml"
    opened.write_text(text, encoding="utf-8")
    page = builder
    open_file(page, opened)
    title = page.locator("[id='f.titel']")
    vision = page.locator("[id='f.formål.vision']")
    assert title.input_value() == "en, liste"
    assert vision.input_value() == "kort: Ja; lang: Nej"
    note = page.locator("[id='f.titel-type']")
    assert note.inner_text() == (
        "Filen har en liste med 2 punkter her, men feltet skal være en tekst. Listen gemmes"
        " uændret, indtil I retter feltet. Retter I feltet, gemmes det, I skriver."
    )
    assert "f.titel-type" in (title.get_attribute("aria-describedby") or "").split()
    assert "en gruppe med 2 felter" in page.locator("[id='f.formål.vision-type']").inner_text()

    # an edit elsewhere keeps the list and the group as the file had them
    page.locator("[id='f.formål.opgave']").fill("En anden opgave.")
    wait_until_in_page(page, DONE)
    saved = save(page, tmp_path / "a")
    assert saved["titel"] == ["en", "liste"]
    assert saved["formål"]["vision"] == {"kort": "Ja", "lang": "Nej"}

    # editing the field replaces the list by the text, and the note goes
    title.fill("En titel")
    wait_until_in_page(page, DONE)
    assert page.locator("[id='f.titel-type']").count() == 0
    assert "f.titel-type" not in (title.get_attribute("aria-describedby") or "")
    assert save(page, tmp_path / "b")["titel"] == "En titel"
