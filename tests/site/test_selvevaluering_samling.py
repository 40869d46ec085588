"""The facilitator view: opens rating files or takes ratings typed in, combines
them with kbtools' own Python code in the browser and saves the combined assessment, which
is what ``kbtools vurdering saml`` writes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from browser import run_axe, wait_until_in_page
from returning import fresh_visit

from kbtools import check_file
from kbtools.loading import load_bytes, load_path
from kbtools.typology.combine import combine

pytestmark = pytest.mark.browser

SERIOUS = {"serious", "critical"}
PAGE = "selvevaluering/samling.html"
RATINGS = Path(__file__).resolve().parents[2] / "cases" / "fjordkommune" / "bedoemmelser"


def _ready(page: Any, site_url: str) -> None:
    fresh_visit(page, site_url, PAGE)
    wait_until_in_page(page, "#samling[data-klar='ja']", timeout=120_000)


def type_in(page: Any, rating: dict[str, Any], partnership: str, role: str | None) -> None:
    """Type ``rating`` into the form and add it, as a facilitator does with an answer given on
    paper (the partnership as written in ``partnership``, a role only when given)."""
    page.fill("#svs-partnerskab", partnership)
    page.fill("#svs-dato", rating["dato"])
    page.fill("#svs-navn", rating["navn"])
    page.select_option("#svs-system", rating["system"])
    if role is not None:
        page.select_option("#svs-rolle", role)
    for parameter, level in rating["niveauer"].items():
        page.select_option(f"#svs-n-{parameter}", level)
    page.click("#svs-form button[type=submit]")


def test_combines_opened_and_typed_ratings_like_the_cli(
    desktop_page: Any, site_url: str, tmp_path: Path, axe_script: Path
) -> None:
    files = sorted((RATINGS / "2025-09-15").glob("*.yaml"))
    page = desktop_page
    _ready(page, site_url)
    page.set_input_files("#svs-aabn", [str(f) for f in files[:-1]])
    wait_until_in_page(page, "#svs-resultat table")
    # the last participant answered on paper: typed in during the meeting
    last, _ = load_path(files[-1])
    assert last is not None
    type_in(page, last.data, last.data["partnerskab"], last.data["rolle"])
    page.wait_for_function("document.querySelectorAll('#svs-liste li').length === 8")
    wait_until_in_page(page, "#svs-gem:not([disabled])")
    items = page.locator("#svs-resultat ul.kbtools-uenige li").all_text_contents()
    assert [item.split(":")[0] for item in items] == [
        "Mandat og ledelsesmæssig opbakning",
        "Læring",
        "Udbytte",
    ]
    with page.expect_download() as download:
        page.click("#svs-gem")
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name == "vurdering-2025-09-15.yaml"
    assert check_file(saved).findings == ()
    document, _ = load_bytes(saved.read_bytes(), "v.yaml")
    cli = combine([check_file(f) for f in files])
    assert document is not None and cli.data is not None
    mine = dict(document.data)
    assert [r["navn"] for r in mine.pop("bedømmelser")] == [
        r["navn"] for r in cli.data.pop("bedømmelser")
    ]
    assert mine == cli.data
    axe = run_axe(page)
    assert [v["id"] for v in axe["violations"] if v["impact"] in SERIOUS] == []


def test_refuses_a_duplicate_participant_and_says_where(desktop_page: Any, site_url: str) -> None:
    files = sorted((RATINGS / "2025-03-10").glob("*.yaml"))
    page = desktop_page
    _ready(page, site_url)
    page.set_input_files("#svs-aabn", [str(files[0]), str(files[1])])
    wait_until_in_page(page, "#svs-resultat table")
    page.set_input_files("#svs-aabn", [str(files[0])])
    wait_until_in_page(page, "#svs-resultat ul.svs-fund")
    text = page.text_content("#svs-resultat") or ""
    # the second file of the same name is numbered, so the message tells them apart
    second = files[0].name.replace(".yaml", " (2).yaml")
    assert f"{second}, linje" in text and f"har også en bedømmelse i {files[0].name}" in text
    assert "kolonne" not in text
    assert page.is_disabled("#svs-gem")
    page.click("#svs-liste li:last-child button")
    wait_until_in_page(page, "#svs-resultat table")
    assert page.locator("#svs-resultat tbody tr").count() == 8
    assert page.is_enabled("#svs-gem")


def test_a_file_not_in_utf8_is_refused_as_by_the_cli(
    desktop_page: Any, site_url: str, tmp_path: Path
) -> None:
    # the page sends the bytes, not the browser's decoding of them (which would turn the
    # Latin-1 »ø« into U+FFFD and combine a rating the CLI refuses)
    source = sorted((RATINGS / "2025-03-10").glob("*.yaml"))
    text = source[1].read_text(encoding="utf-8").replace('navn: "', 'navn: "Søren Ø ')
    latin1 = tmp_path / "latin1.yaml"
    latin1.write_bytes(text.encode("latin-1"))
    cli = combine([check_file(source[0]), check_file(latin1)])
    assert cli.data is None and [f.code for f in cli.findings] == ["yaml-kodning"]
    page = desktop_page
    _ready(page, site_url)
    page.set_input_files("#svs-aabn", [str(source[0]), str(latin1)])
    wait_until_in_page(page, "#svs-resultat ul.svs-fund")
    shown = page.text_content("#svs-resultat") or ""
    assert f"latin1.yaml, linje {cli.findings[0].line} (fejl)" in shown
    assert cli.findings[0].message in shown
    assert page.is_disabled("#svs-gem")


def test_a_typed_name_with_a_line_separator_is_kept_as_typed(
    desktop_page: Any, site_url: str, tmp_path: Path
) -> None:
    # a name pasted with U+2028 or DEL must not break the rating file the page writes
    first = sorted((RATINGS / "2025-03-10").glob("*.yaml"))[0]
    known, _ = load_path(first)
    assert known is not None
    name = "Bo\u2028Ærø\u007f"
    page = desktop_page
    _ready(page, site_url)
    page.set_input_files("#svs-aabn", [str(first)])
    wait_until_in_page(page, "#svs-resultat table")
    page.fill("#svs-partnerskab", known.data["partnerskab"])
    page.fill("#svs-dato", known.data["dato"])
    page.fill("#svs-navn", name)
    page.select_option("#svs-system", "virksomhed")
    for parameter in known.data["niveauer"]:
        page.select_option(f"#svs-n-{parameter}", "klub")
    page.click("#svs-form button[type=submit]")
    page.wait_for_function("document.querySelectorAll('#svs-liste li').length === 2")
    wait_until_in_page(page, "#svs-gem:not([disabled])")
    with page.expect_download() as download:
        page.click("#svs-gem")
    saved = tmp_path / "vurdering.yaml"
    download.value.save_as(saved)
    assert check_file(saved).findings == ()
    document, _ = load_bytes(saved.read_bytes(), "v.yaml")
    assert document is not None
    assert [r["navn"] for r in document.data["bedømmelser"]] == [known.data["navn"], name]


def test_one_rating_is_counted_in_the_singular(desktop_page: Any, site_url: str) -> None:
    first = sorted((RATINGS / "2025-03-10").glob("*.yaml"))[0]
    page = desktop_page
    _ready(page, site_url)
    page.set_input_files("#svs-aabn", [str(first)])
    wait_until_in_page(page, "#svs-resultat table")
    assert "1 bedømmelse er samlet." in (page.text_content("#samling") or "")
    assert "1 bedømmelser" not in (page.text_content("#samling") or "")


def test_without_javascript_the_page_says_what_to_do(browser: Any, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + PAGE)
        assert not page.is_visible("#svs-aabn") and not page.is_visible("#svs-form")
        assert "saml svarene på papir" in (page.text_content("noscript") or "")
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violations(
    desktop_page: Any, site_url: str, axe_script: Path, scheme: str
) -> None:
    """The facilitator view in both colour schemes (the questionnaire, a top-level page, is
    scanned with the others in test_browser.py)."""
    page = fresh_visit(desktop_page, site_url, PAGE)
    page.emulate_media(color_scheme=scheme)
    axe = run_axe(page)
    assert axe["passes"]
    assert [v["id"] for v in axe["violations"] if v["impact"] in SERIOUS] == []
