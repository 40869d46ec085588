"""An agreement drafted from scratch through the form, saved with »Gem aftalen som fil«,
validates with the CLI and opens again unchanged; a reload keeps the draft;
nothing is requested from outside the local server; axe finds nothing serious at 1280 and
390 px; the page fits a phone."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from browser import run_axe, wait_until_in_page
from builderpage import DONE, PAGE, cli_findings, open_file, shown_findings

from kbtools.api import check_file

pytestmark = pytest.mark.browser

SERIOUS = {"serious", "critical"}
PARTIES = [
    ("Jobcenter Nordby", "beskæftigelse", "Anne Holm"),
    ("Nordby Erhvervsskole", "uddannelse", "Bo Lund"),
    ("Erhvervshus Nord", "erhvervsfremme", "Carla Dam"),
]


def field(page: Any, *path: str | int) -> Any:
    """The form's input for the data at ``path`` (ids are »f.« + the path joined by dots)."""
    return page.locator(f"[id='f.{'.'.join(str(p) for p in path)}']")


def click(page: Any, name: str, section: str = "") -> None:
    """Click the button called ``name`` (in the element section ``section``, if given)."""
    # a check that lands while the pointer moves changes the findings above and moves the
    # button; a user sees it move, a test waits until the latest check is shown
    wait_until_in_page(page, DONE)
    scope = page.locator(f"[id='del-{section}']") if section else page
    scope.get_by_role("button", name=name, exact=True).first.click()


def fill_agreement(page: Any) -> None:
    """Draft a whole agreement through the form, as a consultant would."""
    field(page, "titel").fill("Partnerskabsaftale for LKS Nordby")
    for i, (name, system, contact) in enumerate(PARTIES):
        click(page, "Tilføj part")
        field(page, "parter", i, "navn").fill(name)
        field(page, "parter", i, "system").select_option(system)
        field(page, "parter", i, "kontakt", "navn").fill(contact)
    assert field(page, "parter", 0, "id").input_value() == "jobcenter-nordby"
    field(page, "formål", "beskrivelse").fill("Flere ledige i job i de lokale virksomheder.")
    field(page, "formål", "vision").fill("Én indgang for virksomhederne i Nordby.")
    click(page, "Tilføj mål")
    field(page, "formål", "mål", 0, "mål").fill("40 virksomhedsbesøg om året.")
    field(page, "formål", "opgave").fill("Rekruttering og kompetenceudvikling.")
    click(page, "Tilføj for hver part, der mangler", "roller")
    for i in range(len(PARTIES)):
        field(page, "roller", i, "rolle").fill(f"Rolle {i + 1}")
        field(page, "roller", i, "opgaver").fill("Besøg virksomheder\nDel viden")
    field(page, "økonomi", "enhed").select_option("kr.")
    for table, post in (("budget", "budgetpost"), ("finansiering", "finansieringskilde")):
        click(page, f"Tilføj {post}")
        field(page, "økonomi", table, 0, "navn").fill("Drift" if table == "budget" else "Nordby")
    click(page, "Tilføj år", "økonomi")
    year = page.locator("[id^='f.økonomi.budget.0.pr_år.']").first.get_attribute("id")
    assert year is not None
    year = year.rsplit(".", 1)[1]
    field(page, "økonomi", "budget", 0, "pr_år", year).fill("50000")
    field(page, "økonomi", "finansiering", 0, "pr_år", year).fill("50000")
    field(page, "organisering", "ansvar").fill("Styregruppen har ansvaret.")
    field(page, "organisering", "indflydelse").fill("Alle parter sidder i styregruppen.")
    field(page, "organisering", "ledelse").fill("Delt projektledelse.")
    click(page, "Tilføj for hver part, der mangler", "ressourcer")
    for i in range(len(PARTIES)):
        field(page, "ressourcer", i, "bidrag").fill("En konsulent")
        field(page, "ressourcer", i, "minimumstid", "timer").fill("10")
        field(page, "ressourcer", i, "minimumstid", "pr").select_option("måned")
    field(page, "varighed", "start").fill("2027-01-01")
    field(page, "varighed", "slut").fill("2031-12-31")
    click(page, "Tilføj for hver part, der mangler", "underskrifter")
    for i, (_, _, contact) in enumerate(PARTIES):
        field(page, "underskrifter", i, "navn").fill(contact)
        field(page, "underskrifter", i, "titel").fill("Leder")
        field(page, "underskrifter", i, "dato").fill("2026-12-01")


def save(page: Any, folder: Path) -> Path:
    with page.expect_download() as download:
        page.get_by_role("button", name="Gem aftalen som fil").click()
    target: Path = folder / download.value.suggested_filename
    download.value.save_as(target)
    return target


def test_draft_from_scratch_saves_a_valid_agreement(builder: Any, tmp_path: Path) -> None:
    page = builder
    click(page, "Ny kladde")
    fill_agreement(page)
    wait_until_in_page(page, DONE)
    saved = save(page, tmp_path)
    assert saved.name == "partnerskabsaftale-for-lks-nordby.yaml"
    done = subprocess.run(
        [sys.executable, "-m", "kbtools", "validate", str(saved)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert [f for f in cli_findings(saved) if f["niveau"] == "fejl"] == []
    # the findings shown for the draft are those of the file it saves
    assert shown_findings(page) == cli_findings(saved)

    # it opens again unchanged: same form, and saving it again gives the same bytes
    open_file(page, saved)
    assert field(page, "parter", 2, "navn").input_value() == "Erhvervshus Nord"
    again = save(page, tmp_path / "igen")
    assert again.read_bytes() == saved.read_bytes()
    field(page, "titel").fill("Partnerskabsaftale for LKS Nordby")  # an edit that changes nothing
    wait_until_in_page(page, DONE)
    assert save(page, tmp_path / "redigeret").read_bytes() == saved.read_bytes()


def test_saving_works_before_python_has_loaded(context: Any, site_url: str, tmp_path: Path) -> None:
    context.route("**/*.wasm", lambda route: None)  # Pyodide never arrives
    page = context.new_page()
    page.goto(site_url + PAGE)
    assert "indlæses" in page.locator("#ab-status").inner_text()
    field(page, "titel").fill("Aftale uden Python")
    saved = save(page, tmp_path)
    assert 'titel: "Aftale uden Python"\n' in saved.read_text(encoding="utf-8")
    assert page.locator("#ab-status").inner_text() != "Kontrol klar"


def test_reload_keeps_the_draft(builder: Any) -> None:
    page = builder
    click(page, "Ny kladde")
    field(page, "titel").fill("Kladde der overlever")
    click(page, "Tilføj part")
    field(page, "parter", 0, "navn").fill("Jobcenter Sydby")
    page.reload()
    assert field(page, "titel").input_value() == "Kladde der overlever"
    assert field(page, "parter", 0, "navn").input_value() == "Jobcenter Sydby"
    names = page.locator("#ab-kladde option").all_inner_texts()
    assert len(names) >= 2  # the first draft and the new one are both kept
    wait_until_in_page(page, DONE)


def scan(page: Any, axe_script: Path) -> list[str]:
    result = run_axe(page)
    return [
        f"{v['id']} [{v['impact']}]: {[n['target'] for n in v['nodes']][:5]}"
        for v in result["violations"]
        if v["impact"] in SERIOUS
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_findings(builder: Any, axe_script: Path, scheme: str) -> None:
    page = builder
    page.emulate_media(color_scheme=scheme)
    open_file(
        page, Path(__file__).resolve().parents[1] / "data/agreements/invalid/ukendt-part.yaml"
    )
    assert page.locator("[aria-invalid='true']").count() > 0  # error states are scanned too
    assert scan(page, axe_script) == []
    assert page.context.cookies() == []  # »Om sitet«: the site sets no cookies


def test_usable_at_390_px(phone_builder: Any, axe_script: Path) -> None:
    page = phone_builder
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    for name in ("Gem aftalen som fil", "Ny kladde", "Tilføj part"):
        button = page.get_by_role("button", name=name, exact=True)
        box = button.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390, name
    click(page, "Tilføj part")
    box = field(page, "parter", 0, "navn").bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert scan(page, axe_script) == []


def test_renamed_party_is_renamed_where_it_is_referred_to(builder: Any) -> None:
    page = builder
    click(page, "Ny kladde")
    for i, name in enumerate(("Jobcenter Vestby", "VUC Vestby")):
        click(page, "Tilføj part")
        field(page, "parter", i, "navn").fill(name)
    click(page, "Tilføj for hver part, der mangler", "underskrifter")
    choice = field(page, "underskrifter", 0, "part")
    assert choice.input_value() == "jobcenter-vestby"
    options = choice.locator("option").all_inner_texts()
    assert options == [
        "Vælg part",
        "Jobcenter Vestby (jobcenter-vestby)",
        "VUC Vestby (vuc-vestby)",
    ]
    field(page, "parter", 0, "navn").fill("Jobcenter Østby")
    assert field(page, "parter", 0, "id").input_value() == "jobcenter-østby"
    assert field(page, "underskrifter", 0, "part").input_value() == "jobcenter-østby"
    assert field(page, "underskrifter", 1, "part").input_value() == "vuc-vestby"
    wait_until_in_page(page, DONE)
    nav = page.locator("[data-nav='underskrifter']").inner_text()
    assert "fejl" in nav  # names, titles and dates of the signatures are still missing


def test_budget_totals_and_years(builder: Any) -> None:
    page = builder
    click(page, "Ny kladde")
    for number in range(2):
        click(page, "Tilføj budgetpost", "økonomi")
        wait_until_in_page(page, f"[id='f.økonomi.budget.{number}.navn']")
    # the first post brings a year to write in; »Tilføj år« adds the next
    wait_until_in_page(page, "[id^='f.økonomi.budget.1.pr_år.']")
    click(page, "Tilføj år", "økonomi")
    page.wait_for_function(
        "document.querySelectorAll(\"[id^='f.økonomi.budget.1.pr_år.']\").length === 2"
    )
    ids = page.locator("[id^='f.økonomi.budget.0.pr_år.']").evaluate_all("ns => ns.map(n => n.id)")
    first, second = (name.rsplit(".", 1)[1] for name in ids)
    assert int(second) == int(first) + 1
    field(page, "økonomi", "budget", 0, "pr_år", first).fill("1000")
    field(page, "økonomi", "budget", 1, "pr_år", first).fill("250,5")
    field(page, "økonomi", "budget", 1, "pr_år", second).fill("2000")
    table = page.locator("[id='f.økonomi.budget']")
    assert table.locator(f"tfoot [data-aar='{first}']").inner_text() == "1.250,5"
    assert table.locator("tfoot [data-aar='alle']").inner_text() == "3.250,5"
    assert table.locator("[data-sum='1']").inner_text() == "2.250,5"
    page.once("dialog", lambda dialog: dialog.accept())
    click(page, "Fjern sidste år", "økonomi")
    assert page.locator(f"[id='f.økonomi.budget.1.pr_år.{second}']").count() == 0
    assert table.locator("tfoot [data-aar='alle']").inner_text() == "1.250,5"


def test_keyboard_only(builder: Any) -> None:
    page = builder
    page.get_by_role("button", name="Ny kladde").focus()
    page.keyboard.press("Enter")
    wait_until_in_page(page, DONE)
    add = page.locator("[id='del-parter']").get_by_role("button", name="Tilføj part", exact=True)
    add.focus()
    page.keyboard.press("Enter")
    wait_until_in_page(page, DONE)  # the check of the new party is shown before the next key
    # the new party starts at its name; its short name (id), made from the name, follows it
    assert page.evaluate("document.activeElement.id") == "f.parter.0.navn"
    # ... after the way from the name's finding to the list of findings
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('p').id") == "f.parter.0.navn-fund"
    assert page.evaluate("document.activeElement.textContent") == "Til fundene"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "f.parter.0.id"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.type("Jobcenter Tastby")
    wait_until_in_page(page, DONE)
    link = page.locator("#ab-fund [data-kode] a[href^='#f.']").first
    target = (link.get_attribute("href") or "#")[1:]
    link.focus()
    page.keyboard.press("Enter")
    focused = page.evaluate("document.activeElement.id")
    assert focused == target or focused.startswith(target + ".")
    remove = page.get_by_role("button", name="Fjern part 1")
    remove.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.textContent") == "Tilføj part"


def test_several_named_drafts(builder: Any) -> None:
    page = builder
    drafts = page.get_by_label("Kladde", exact=True)
    name = page.get_by_label("Kladdens navn")
    field(page, "titel").fill("Aftale A")
    name.fill("Vestby")
    name.press("Enter")
    name.blur()
    click(page, "Ny kladde")
    field(page, "titel").fill("Aftale B")
    assert drafts.locator("option").all_inner_texts() == ["Vestby", "Kladde 2"]
    drafts.select_option("Vestby")
    assert field(page, "titel").input_value() == "Aftale A"
    page.once("dialog", lambda dialog: dialog.accept())
    click(page, "Slet kladde")
    assert drafts.locator("option").all_inner_texts() == ["Kladde 2"]
    assert field(page, "titel").input_value() == "Aftale B"
    page.reload()
    assert page.get_by_label("Kladde", exact=True).locator("option").all_inner_texts() == [
        "Kladde 2"
    ]
    wait_until_in_page(page, DONE)


def test_sums_in_the_file_follow_the_amounts(builder: Any, tmp_path: Path) -> None:
    page = builder
    open_file(page, Path(__file__).resolve().parents[1] / "data/agreements/valid/minimal.yaml")
    field(page, "økonomi", "budget", 0, "pr_år", "2027").fill("150")
    field(page, "økonomi", "finansiering", 0, "pr_år", "2027").fill("150")
    wait_until_in_page(page, DONE)
    saved = save(page, tmp_path)
    data = check_file(saved).data
    assert data["økonomi"]["budget"][0]["i_alt"] == 250
    assert [f for f in cli_findings(saved) if f["niveau"] == "fejl"] == []
    # a file's own sum group (budget_i_alt) is brought up to date by an edit of an amount
    open_file(page, Path(__file__).resolve().parents[1] / "data/agreements/invalid/sum-i-alt.yaml")
    assert {"aftale-sum-i-alt", "aftale-sum-pr-aar"} <= {f["kode"] for f in shown_findings(page)}
    field(page, "økonomi", "budget", 0, "pr_år", "2028").fill("120")
    wait_until_in_page(page, DONE)
    saved = save(page, tmp_path / "sum")
    totals = check_file(saved).data["økonomi"]["budget_i_alt"]
    assert totals == {"pr_år": {"2027": 100, "2028": 120}, "i_alt": 220}
    assert not {"aftale-sum-i-alt", "aftale-sum-pr-aar"} & {f["kode"] for f in shown_findings(page)}


def test_a_new_party_starts_at_its_name(builder: Any) -> None:
    # a consultant who adds a party and types its name must not type it into the id
    page = builder
    page.get_by_role("button", name="Ny kladde", exact=True).click()
    wait_until_in_page(page, DONE)
    page.get_by_role("button", name="Tilføj part", exact=True).first.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "f.parter.0.navn"
    page.keyboard.type("Jobcenter Søby")
    assert field(page, "parter", 0, "id").input_value() == "jobcenter-søby"


def test_an_assessment_opened_says_it_is_not_an_agreement(builder: Any) -> None:
    page = builder
    path = Path(__file__).resolve().parents[2] / "cases" / "midtby" / "vurdering-2019-03.yaml"
    open_file(page, path)
    assert shown_findings(page) == cli_findings(path)
    message = page.locator("#ab-besked").inner_text()
    assert "ikke en partnerskabsaftale" in message
    assert "Formularen har ingen felter" not in message


_EDIT_WHILE_CHECKING = """() => new Promise(resolve => {
  const found = document.getElementById("ab-fund");
  const title = document.getElementById("f.titel");
  const type = text => {
    title.value = text;
    title.dispatchEvent(new Event("input", {bubbles: true}));
  };
  const seen = [];
  let edited = false;
  new MutationObserver(() => {
    const state = found.dataset.tilstand;
    seen.push(state);
    if (state === "arbejder" && !edited) { edited = true; type("Anden titel"); }
    else if (edited && state === "færdig") resolve(seen);
  }).observe(found, {attributes: true, attributeFilter: ["data-tilstand"]});
  type("Første titel");
})"""


def test_an_edit_during_a_check_is_checked_before_the_findings_are_done(builder: Any) -> None:
    """The findings are »færdig« only when the latest text is checked: an edit made while an
    earlier check runs is waiting, and the earlier check's end does not say »færdig«."""
    seen = builder.evaluate(_EDIT_WHILE_CHECKING)
    assert seen[-1] == "færdig"
    assert seen.count("arbejder") >= 2, seen  # the edit was checked before »færdig«
