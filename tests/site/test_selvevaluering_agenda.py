"""The facilitator's agenda: the parameters by how far apart the ratings are, strong splits
marked, the rule for comparing systems said, each participant's reason beside their rating,
the group's decision per parameter saved into the combined assessment; a partnership written
otherwise counts as the same with a note; the collection survives a reload; the meeting sheet
prints on one page."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path
from typing import Any

import pytest
from browser import run_axe, wait_until_in_page
from playwright.sync_api import expect
from returning import fresh_visit
from test_selvevaluering_samling import type_in

from kbtools import check_file
from kbtools.browser.entry import call
from kbtools.loading import load_bytes, load_path

pytestmark = pytest.mark.browser

PAGE = "selvevaluering/samling.html"
RATINGS = Path(__file__).resolve().parents[2] / "cases" / "fjordkommune" / "bedoemmelser"
FILES = sorted((RATINGS / "2025-03-10").glob("*.yaml"))


def _ready(page: Any, site_url: str) -> None:
    fresh_visit(page, site_url, PAGE)
    wait_until_in_page(page, "#samling[data-klar='ja']", timeout=120_000)


def _python_agenda() -> list[dict[str, Any]]:
    payload = {
        "files": [
            {"name": f.name, "base64": base64.b64encode(f.read_bytes()).decode()} for f in FILES
        ]
    }
    rows: list[dict[str, Any]] = json.loads(call("combine", json.dumps(payload)))["overview"][
        "parameters"
    ]
    return rows


def test_the_agenda_records_the_groups_decisions_and_survives_a_reload(
    desktop_page: Any, site_url: str, tmp_path: Path, axe_script: Path
) -> None:
    page = desktop_page
    _ready(page, site_url)
    page.set_input_files("#svs-aabn", [str(f) for f in FILES[:-1]])
    expect(page.locator("#svs-liste li")).to_have_count(7)
    # the last participant is typed in, with the partnership written otherwise
    last, _ = load_path(FILES[-1])
    assert last is not None
    type_in(page, last.data, last.data["partnerskab"].upper().replace(" ", "-"), None)
    expect(page.locator("#svs-liste li")).to_have_count(8)
    expect(page.locator("#svs-gem")).to_be_enabled(timeout=60_000)
    expect(page.locator("#svs-resultat")).to_contain_text("Partnerskabet er skrevet")

    agenda = _python_agenda()
    sections = page.locator("#svs-dagsorden section.svs-punkt")
    expect(sections).to_have_count(8)
    ids = sections.evaluate_all("ns => ns.map(n => n.id.replace('svs-punkt-', ''))")
    assert ids == [row["id"] for row in agenda]
    strong = [row["id"] for row in agenda if row["fullSpan"]]
    for parameter in strong:
        expect(page.locator(f"#svs-punkt-{parameter} .svs-staerk")).to_have_text(
            "Stærk uenighed: fra kantinen til kompagniet"
        )
    expect(page.locator("#svs-dagsorden")).to_contain_text("mindst to deltagere fra systemet")
    first = agenda[0]
    expect(page.locator(f"#svs-punkt-{first['id']} .svs-begrundelser li")).to_have_count(
        sum(first["counts"])
    )

    # the group's decision on the first parameter, by keyboard
    page.select_option(f"#svs-b-niveau-{first['id']}", "klub")
    reason = page.locator(f"#svs-b-begrundelse-{first['id']}")
    reason.focus()
    page.keyboard.type("Vi mødes fast, men uden fælles mål endnu.")

    page.reload()
    wait_until_in_page(page, "#samling[data-klar='ja']", timeout=120_000)
    expect(page.locator("#svs-liste li")).to_have_count(8)
    expect(page.locator(f"#svs-b-begrundelse-{first['id']}")).to_have_value(
        "Vi mødes fast, men uden fælles mål endnu.", timeout=60_000
    )
    expect(page.locator(f"#svs-b-niveau-{first['id']}")).to_have_value("klub")

    with page.expect_download() as download:
        page.click("#svs-gem")
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert check_file(saved).findings == ()
    document, _ = load_bytes(saved.read_bytes(), "v.yaml")
    assert document is not None
    item = next(p for p in document.data["parametre"] if p["parameter"] == first["id"])
    assert item["niveau"] == "klub"
    assert item["begrundelse"] == "Vi mødes fast, men uden fælles mål endnu."

    axe = run_axe(page)
    serious = [v["id"] for v in axe["violations"] if v["impact"] in {"serious", "critical"}]
    assert serious == []

    # the meeting sheet: the agenda with the decision, on one printed page
    page.click("#svs-udskriv")
    frame = page.frame_locator("#svs-moedeark")
    expect(frame.locator("h1")).to_contain_text("Mødeark")
    expect(frame.locator("body")).to_contain_text("Beslutning: Klubben. Vi mødes fast")
    html = page.evaluate(
        "document.getElementById('svs-moedeark').contentDocument.documentElement.outerHTML"
    )
    sheet = page.context.new_page()
    try:
        sheet.set_content(html)
        pdf = sheet.pdf(format="A4", prefer_css_page_size=True)
    finally:
        sheet.close()
        page.bring_to_front()  # the shared page has the focus again for the next test
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1


def test_the_agenda_on_a_phone(phone_page: Any, site_url: str, axe_script: Path) -> None:
    page = phone_page
    _ready(page, site_url)
    page.set_input_files("#svs-aabn", [str(f) for f in FILES])
    expect(page.locator("#svs-dagsorden section.svs-punkt")).to_have_count(8, timeout=60_000)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    first = page.locator("#svs-dagsorden select").first
    box = first.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
    axe = run_axe(page)
    serious = [v["id"] for v in axe["violations"] if v["impact"] in {"serious", "critical"}]
    assert serious == []
