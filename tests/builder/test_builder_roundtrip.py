"""»Gem aftalen som fil« after an edit writes the agreement the form holds: every test and case
agreement whose data the form can edit, opened, shows the CLI's findings for it; edited (the
title retyped as it was) and saved, the saved file holds the same data as the original, the
page shows the CLI's findings for the saved file, and saving the saved file again (opened,
edited the same way) gives the same bytes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from browser import wait_until_in_page
from builderpage import (
    CASE_AGREEMENTS,
    DONE,
    TEST_AGREEMENTS,
    agreement_id,
    cli_findings,
    editable,
    fresh_builder,
    open_file,
    shown_findings,
)

from kbtools.api import check_file

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
FILES = TEST_AGREEMENTS + CASE_AGREEMENTS
#: Files whose data the form can edit, with a title it can retype.
EDITABLE = [path for path in FILES if editable(path)]


@pytest.fixture(scope="module")
def page(desktop_page: Any, site_url: str) -> Any:
    return fresh_builder(desktop_page, site_url)


def edit_and_save(page: Any, path: Path, folder: Path) -> Path:
    open_file(page, path)
    assert shown_findings(page) == cli_findings(path)
    title = page.locator("[id='f.titel']")
    title.fill("midlertidig")
    title.fill(str(check_file(path).data.get("titel") or "Titel"))
    wait_until_in_page(page, DONE)
    with page.expect_download() as download:
        page.get_by_role("button", name="Gem aftalen som fil").click()
    folder.mkdir(parents=True, exist_ok=True)
    target: Path = folder / path.name
    download.value.save_as(target)
    return target


@pytest.mark.parametrize("path", EDITABLE, ids=agreement_id)
def test_edited_agreement_saves_its_data(page: Any, path: Path, tmp_path: Path) -> None:
    saved = edit_and_save(page, path, tmp_path / "1")
    original = check_file(path).data
    if "titel" not in original:
        original["titel"] = "Titel"
    assert check_file(saved).data == original
    assert shown_findings(page) == cli_findings(saved)
    again = edit_and_save(page, saved, tmp_path / "2")
    assert again.read_bytes() == saved.read_bytes()


TRICKY_TEXTS = [
    "yes",
    "null",
    "123",
    "10.000",
    "1,5",
    "- ikke en liste",
    "#ikke en kommentar",
    "  mellemrum omkring  ",
    "2027-01-01",
    "tabulator\there",
    "hårdt\u00a0mellemrum",
    "nul\u200bbredde",
    "fest 🎉",
    "'enkelt' og \"dobbelt\"",
    "skrå\\streg",
    "slutter med kolon:",
    "a: b # c",
    "*stjerne &og !udråb",
    "Linje 1\nLinje 2\n",
    "Afsnit 1\n\nAfsnit 2",
    "  indrykket\nlinje",
    "to linjeskift til sidst\n\n",
]


def test_tricky_texts_survive_saving(page: Any, tmp_path: Path) -> None:
    data = check_file(ROOT / "tests" / "data" / "agreements" / "valid" / "minimal.yaml").data
    data["værdisæt"] = TRICKY_TEXTS
    data["formål"]["vision"] = "Linje 1\nLinje 2\n"
    data["ændringer"] = "Afsnit 1\n\nAfsnit 2"
    data["konfliktløsning"] = "a: b # c"
    source = tmp_path / "svaer.yaml"
    source.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    assert check_file(source).data == data  # JSON is YAML: the file holds exactly these texts
    saved = edit_and_save(page, source, tmp_path / "gemt")
    assert check_file(saved).data == data
    text = saved.read_text(encoding="utf-8")
    assert "vision: |\n" in text and "ændringer: |-\n" in text  # readable blocks, not escapes
    assert shown_findings(page) == cli_findings(saved)
