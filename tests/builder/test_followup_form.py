"""The follow-up form beside the builder (docs/aftalebygger/opfoelgning), in a real browser:
begun from the agreement (its goals and budget lines in the form), checked against it as
``kbtools validate`` checks a follow-up beside its agreement, kept in drafts apart from the
agreements', saved as the file the CLI accepts, and printed as the status note, with the
typology assessments and earlier agreement versions added for it; axe finds nothing
serious."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from browser import wait_until_in_page
from builderpage import (
    DONE,
    LOAD_TIMEOUT_MS,
    cli_findings,
    fresh_builder,
    shown_findings,
    wait_until_ready,
)
from cli import run
from firstvisit import FirstVisit
from playwright.sync_api import expect
from returning import returning_visitor
from test_builder_form import field, scan

from kbtools.loading import load_path

pytestmark = pytest.mark.browser

PAGE = "aftalebygger/opfoelgning.html"
NONE_ADDED = "Der er ikke tilføjet nogen filer til notatet."
CASE = Path(__file__).resolve().parents[2] / "cases" / "fjordkommune"


def begun_from_the_agreement(page: Any, site_url: str) -> Any:
    """The follow-up form as a new visitor finds it, begun from Fjordkommune's agreement."""
    fresh_builder(page, site_url, PAGE)
    page.get_by_label("Begynd fra aftalen").set_input_files(str(CASE / "aftale.yaml"))
    wait_until_in_page(page, "[id='f.mål.0.mål']", timeout=LOAD_TIMEOUT_MS)
    return page


def test_a_follow_up_begun_from_the_agreement_is_checked_saved_and_printed(
    desktop_page: Any, site_url: str, tmp_path: Path, axe_script: Path
) -> None:
    page = begun_from_the_agreement(desktop_page, site_url)
    wait_until_in_page(page, DONE, timeout=LOAD_TIMEOUT_MS)
    example, _ = load_path(CASE / "opfoelgning-2025.yaml")
    assert example is not None
    goals = example.data["mål"]
    for i, goal in enumerate(goals):
        assert field(page, "mål", i, "mål").input_value() == goal["mål"]
    summary = page.locator("#ab-opsummering").inner_text()
    assert "af opfølgningens dele mangler. Opfølgningen har" in summary
    assert scan(page, axe_script) == []  # with the findings shown

    field(page, "dato").fill("01.12.2025")
    for i, goal in enumerate(goals):
        field(page, "mål", i, "status").select_option(goal["status"])
    for i, line in enumerate(example.data["økonomi"]["forbrug"]):
        field(page, "økonomi", "forbrug", i, "beløb").fill(str(line["beløb"]))
    wait_until_in_page(page, DONE, timeout=LOAD_TIMEOUT_MS)
    errors = page.locator("#ab-fundliste > li[data-niveau='fejl']")
    assert errors.count() == 0, errors.all_inner_texts()

    with page.expect_download() as download:
        page.get_by_role("button", name="Gem opfølgningen som fil").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name == "opfoelgning-2025.yaml"
    (tmp_path / "aftale.yaml").write_bytes((CASE / "aftale.yaml").read_bytes())
    code, out, _ = run("validate", "--dato", "2025-12-01", str(saved))
    assert code == 0, out

    page.get_by_role("button", name="Vis statusnotatet").click()
    wait_until_in_page(page, "#ab-udskrift[data-tilstand='færdig']", timeout=LOAD_TIMEOUT_MS)
    note = page.frame_locator("#ab-udskrift").locator("body").inner_text()
    assert goals[0]["mål"] in note
    stored = page.evaluate("Object.keys(localStorage)")
    assert "lks-opfoelgning" in stored and "lks-aftalebygger" not in stored


def test_on_a_phone_in_the_dark_scheme(phone_page: Any, site_url: str, axe_script: Path) -> None:
    page = begun_from_the_agreement(phone_page, site_url)
    page.emulate_media(color_scheme="dark")
    wait_until_in_page(page, "[id='f.økonomi.forbrug.1.beløb']", timeout=LOAD_TIMEOUT_MS)
    wait_until_in_page(page, DONE, timeout=LOAD_TIMEOUT_MS)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    for target in (
        page.get_by_role("button", name="Gem opfølgningen som fil"),
        field(page, "mål", 1, "status"),
        field(page, "økonomi", "forbrug", 1, "beløb"),
        page.get_by_role("button", name="Vis statusnotatet"),
    ):
        box = target.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert scan(page, axe_script) == []


def _earlier_version(folder: Path) -> Path:
    """Fjordkommune's agreement as its version 1, with other yearly budgets for one post."""
    text = (CASE / "aftale.yaml").read_text("utf-8")
    older = text.replace('version: "2"', 'version: "1"').replace(
        "versionsdato: 2024-12-01", "versionsdato: 2024-06-01"
    )
    older = older.replace("pr_år: {2025: 200, 2026: 200}", "pr_år: {2025: 150, 2026: 250}")
    assert older.count('version: "1"') == 1 and "2025: 150" in older
    path = folder / "aftale-v1.yaml"
    path.write_text(older, encoding="utf-8")
    return path


def test_files_added_for_the_note_are_named_kept_and_can_be_taken_out(
    desktop_page: Any, site_url: str, axe_script: Path, tmp_path: Path
) -> None:
    page = begun_from_the_agreement(desktop_page, site_url)
    chosen = page.locator("#ab-notatfiler-valgt")
    expect(chosen).to_have_text(NONE_ADDED)
    note = page.frame_locator("#ab-udskrift").locator("body")
    page.get_by_role("button", name="Vis statusnotatet").click()
    expect(note).to_contain_text("Der er ingen typologivurdering med i notatet.")
    expect(note).not_to_contain_text("Ændringer i aftalen")

    # a follow-up is neither, the agreement begun from is there already: both are named and
    # left out; the note shown is made again
    add = page.get_by_label("Tilføj filer til notatet")
    given = ("vurdering-2025-03.yaml", "opfoelgning-2025.yaml", "aftale.yaml")
    add.set_input_files([str(CASE / name) for name in given])
    expect(chosen.locator("li")).to_have_text(
        [
            "»vurdering-2025-03.yaml« (typologivurdering fra 10. marts 2025)",
            "»opfoelgning-2025.yaml« er hverken en typologivurdering eller en version af aftalen.",
            "»aftale.yaml« er den aftale, opfølgningen er begyndt fra.",
        ]
    )
    expect(note).to_contain_text("Seneste vurdering: 10. marts 2025")
    add.set_input_files([str(CASE / "vurdering-2025-09.yaml"), str(_earlier_version(tmp_path))])
    expect(chosen.locator("li")).to_have_text(
        [
            "»vurdering-2025-03.yaml« (typologivurdering fra 10. marts 2025)",
            "»vurdering-2025-09.yaml« (typologivurdering fra 15. september 2025)",
            "»aftale-v1.yaml« (aftale, version 1 af 1. juni 2024)",
        ]
    )
    expect(note).to_contain_text("Fra 10. marts 2025 til 15. september 2025 har 5 parametre")
    expect(note).to_contain_text(
        "Fra version 1 af 1. juni 2024 til version 2 af 1. december 2024 er aftalen ændret sådan:"
    )
    assert scan(page, axe_script) == []  # with the files named and the note shown

    # another draft has its own files, and the note shown was this draft's
    page.get_by_role("button", name="Ny kladde").click()
    expect(chosen).to_have_text(NONE_ADDED)
    expect(page.locator("#ab-udskrift")).to_be_hidden()

    page.reload()  # kept with their drafts
    wait_until_ready(page)
    page.locator("#ab-kladde").select_option("Opfølgning 2025")
    expect(chosen).to_contain_text("»aftale-v1.yaml« (aftale, version 1 af 1. juni 2024)")
    # the other draft is checked now: its findings, shown above, move the button; a user sees
    # it move, a test waits for the check
    wait_until_in_page(page, DONE, timeout=LOAD_TIMEOUT_MS)
    page.get_by_role("button", name="Fjern alle filer fra notatet").click()
    expect(chosen).to_have_text(NONE_ADDED)
    expect(page.get_by_role("button", name="Fjern alle filer fra notatet")).to_be_hidden()
    expect(page.get_by_label("Tilføj filer til notatet")).to_be_focused()


def test_a_file_not_taken_says_what_is_wrong_with_it(
    desktop_page: Any, site_url: str, tmp_path: Path
) -> None:
    broken = tmp_path / "vurdering-fejl.yaml"
    text = (CASE / "vurdering-2025-09.yaml").read_text("utf-8")
    broken.write_text(text.replace("dato: 2025-09-15", "dato: 2025-13-45"), encoding="utf-8")
    page = fresh_builder(desktop_page, site_url, PAGE)
    page.get_by_label("Tilføj filer til notatet").set_input_files(str(broken))
    expect(page.locator("#ab-notatfiler-valgt li")).to_have_text(
        "»vurdering-fejl.yaml« kan ikke bruges. Linje 6, kolonne 7: »dato« (Dato) skal være en "
        "rigtig dato skrevet som ÅÅÅÅ-MM-DD, men er teksten »2025-13-45«."
    )


def test_an_opened_follow_up_is_checked_against_the_agreement_added_for_it(
    desktop_page: Any, site_url: str
) -> None:
    followup = CASE / "opfoelgning-2025.yaml"
    page = fresh_builder(desktop_page, site_url, PAGE)
    page.get_by_label("Åbn opfølgning").set_input_files(str(followup))
    wait_until_in_page(page, DONE, timeout=LOAD_TIMEOUT_MS)
    codes = [found["kode"] for found in shown_findings(page)]
    assert "opfoelgning-ingen-aftale" in codes
    page.get_by_label("Tilføj filer til notatet").set_input_files(str(CASE / "aftale.yaml"))
    expect(page.locator("#ab-notatfiler-valgt")).to_contain_text("»aftale.yaml« (aftale,")
    expect(page.locator("#ab-fund [data-kode='opfoelgning-ingen-aftale']")).to_have_count(0)
    wait_until_in_page(page, DONE, timeout=LOAD_TIMEOUT_MS)
    assert shown_findings(page) == cli_findings(followup)  # as beside the agreement on disk


def test_files_chosen_and_the_note_asked_for_while_python_loads_follow_once_it_is_ready(
    browser: Any, site_url: str, first_visit: FirstVisit
) -> None:
    context = browser.new_context(locale="da-DK")
    held: list[Any] = []  # Python's WebAssembly, held back until the files are chosen
    try:
        page = returning_visitor(context, site_url, first_visit)
        context.route("**/*.wasm", lambda route: held.append(route))
        page.goto(site_url + PAGE)
        chosen = page.locator("#ab-notatfiler-valgt")
        page.get_by_label("Tilføj filer til notatet").set_input_files(
            str(CASE / "vurdering-2025-09.yaml")
        )
        expect(chosen).to_contain_text(
            "»vurdering-2025-09.yaml« læses, så snart kontrollen er indlæst."
        )
        page.get_by_role("button", name="Vis statusnotatet").click()
        expect(page.locator("#ab-udskrift-besked")).to_have_text(
            "Statusnotatet laves, så snart kontrollen er indlæst."
        )
        deadline = time.monotonic() + LOAD_TIMEOUT_MS / 1000
        while not held:
            assert time.monotonic() < deadline, "Python was never asked for"
            page.wait_for_timeout(50)
        for route in held:
            route.continue_()
        expect(chosen.locator("li")).to_have_text(
            "»vurdering-2025-09.yaml« (typologivurdering fra 15. september 2025)"
        )
        expect(chosen).not_to_contain_text("læses, så snart")
        note = page.frame_locator("#ab-udskrift").locator("body")
        expect(note).to_contain_text("Seneste vurdering: 15. september 2025")
    finally:
        context.close()
