"""The self-assessment questionnaire: plain HTML from typologi.yaml that works
without JavaScript and prints as a scoring sheet; with JavaScript it saves a rating file that
kbtools accepts and remembers the answers. Also the case page's »Hvor er I uenige?«."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from browser import run_axe
from returning import fresh_visit

from kbtools import check_file
from kbtools.data.typology import load_typology

pytestmark = pytest.mark.browser

SERIOUS = {"serious", "critical"}
PAGE = "selvevaluering/index.html"


class _Sections(HTMLParser):
    """The text of each <section> by its heading, and each list item's text."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[dict[str, Any]] = []
        self.sections: dict[str, dict[str, Any]] = {}
        self.in_heading = False
        self.in_item = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "section":
            self.stack.append({"heading": "", "items": []})
        elif tag in ("h2", "h3") and self.stack:
            self.in_heading = True
        elif tag == "li" and self.stack:
            self.in_item = True
            self.stack[-1]["items"].append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "section" and self.stack:
            section = self.stack.pop()
            self.sections[section["heading"].replace("¶", "").strip()] = section
        elif tag in ("h2", "h3"):
            self.in_heading = False
        elif tag == "li":
            self.in_item = False

    def handle_data(self, data: str) -> None:
        if self.in_heading and self.stack:
            self.stack[-1]["heading"] += data
        elif self.in_item and self.stack:
            self.stack[-1]["items"][-1] += data


def _sections(html: str) -> dict[str, dict[str, Any]]:
    parser = _Sections()
    parser.feed(html)
    return parser.sections


def test_disagreement_section_lists_exactly_the_parameters_to_discuss(built_site: Path) -> None:
    sections = _sections((built_site / "cases" / "fjordkommune.html").read_text("utf-8"))
    items = [" ".join(item.split()) for item in sections["Hvor er I uenige?"]["items"]]
    names = [item.split(":")[0] for item in items]
    assert names == ["Mandat og ledelsesmæssig opbakning", "Læring", "Udbytte"]
    assert "Uddannelse: Klubben" in items[0]
    assert "spænder fra kantinen til kompagniet" in items[1]
    assert "Deltagernes bedømmelser" in sections
    assert "Ændringer siden forrige vurdering" in sections
    for other in ("midtby", "hedeby"):
        html = (built_site / "cases" / f"{other}.html").read_text("utf-8")
        assert "Hvor er I uenige?" not in html  # one rating per assessment: nothing to compare
        assert "Ændringer siden forrige vurdering" in html


def test_questionnaire_is_plain_html_from_the_typology(built_site: Path) -> None:
    html = (built_site / PAGE).read_text("utf-8")
    typology = load_typology()
    legends = re.findall(r'<fieldset class="sv-parameter"[^>]*><legend>(.*?)</legend>', html)
    assert [re.sub(r"<[^>]+>", "", legend) for legend in legends] == [
        f"{number}. {p.name}" for number, p in enumerate(typology.parameters, start=1)
    ]
    for parameter in typology.parameters:
        for level in typology.levels:
            ident = f"sv-{parameter.id}-{level.id}"
            assert f'<input type="radio" id="{ident}" name="{parameter.id}"' in html
            assert f'<label for="{ident}"><strong>{level.name}</strong>' in html
    assert '<input type="text" id="sv-navn"' in html and '<input type="date" id="sv-dato"' in html
    assert html.count('<div class="sv-knapper" hidden>') == 1  # buttons need JavaScript


def _lix(text: str) -> float:
    words = re.findall(r"[A-Za-zÆØÅæøåé]+", text)
    sentences = max(1, len(re.findall(r"[.:!?](\s|$)", text)))
    long = sum(1 for word in words if len(word) > 6)
    return len(words) / sentences + 100 * long / len(words)


@pytest.mark.parametrize("name", ["index.md", "samling.md"])
def test_reader_text_is_plain_danish(name: str) -> None:
    source = Path(__file__).resolve().parents[2] / "docs" / "selvevaluering" / name
    text = source.read_text("utf-8")
    prose = re.sub(r"```.*?```", " ", text, flags=re.S)
    prose = re.sub(r"^[#:(].*$", " ", prose, flags=re.M)  # headings, fences, targets
    prose = re.sub(r"\{cite:p\}`[^`]*`", "", prose)
    prose = re.sub(r"\{[a-z:-]+\}`([^`<]*?)\s*(<[^>]*>)?`", r"\1", prose)  # a link's text
    assert _lix(prose) <= 38, _lix(prose)
    assert "`" not in prose and "typologibedømmelse" not in prose
    keys = r"^\s*(skema|partnerskab|dato|navn|system|rolle|niveauer|begrundelser|drøftes):"
    assert re.search(keys, prose, flags=re.M) is None


def _fill(page: Any) -> None:
    page.fill("#sv-partnerskab", "LKS Prøveby")
    page.fill("#sv-dato", "2025-03-10")
    page.fill("#sv-navn", 'Åse "Ø" Ærø: #1')
    page.check("#sv-system-uddannelse")
    page.check("#sv-rolle-medarbejder")
    for parameter in load_typology().parameter_ids:
        if parameter != "laering":
            page.check(f"#sv-{parameter}-klub")
    page.fill(
        "#sv-mandat-begrundelse", "Ledelsen bakker op: »ja« – men kun i projektet.\nSe referat."
    )


def test_save_gives_a_file_kbtools_accepts_and_answers_are_remembered(
    desktop_page: Any, site_url: str, tmp_path: Path, axe_script: Path
) -> None:
    page = fresh_visit(desktop_page, site_url, PAGE)
    assert page.is_visible("#sv-gem")
    page.click("#sv-gem")
    assert "partnerskabets navn" in page.text_content("#sv-besked")
    # the problem also stands next to the field (the status line is out of sight)
    assert page.get_attribute("#sv-partnerskab", "aria-describedby") == "sv-fejl"
    assert page.is_visible("#sv-fejl")
    assert page.evaluate("document.activeElement.id") == "sv-partnerskab"
    _fill(page)
    page.fill("#sv-laering-begrundelse", "Ved ikke")
    page.click("#sv-gem")
    assert "ikke valgt et niveau" in page.text_content("#sv-besked")
    page.fill("#sv-laering-begrundelse", "")
    with page.expect_download() as download:
        page.click("#sv-gem")
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name == "bedoemmelse-aase-oe-aeroe-1-2025-03-10.yaml"
    result = check_file(saved)
    assert result.kind is not None and result.kind.label == "typologibedømmelse"
    assert [f.code for f in result.findings] == ["bedoemmelse-parameter-mangler"]
    assert result.data["navn"] == 'Åse "Ø" Ærø: #1'
    assert result.data["begrundelser"]["mandat"].endswith("projektet.\nSe referat.")
    assert "7 af 8 parametre" in page.text_content("#sv-besked")
    page.reload()
    assert page.input_value("#sv-navn") == 'Åse "Ø" Ærø: #1'
    assert page.is_checked("#sv-forhold-klub") and not page.is_checked("#sv-laering-klub")
    axe = run_axe(page)
    assert [v["id"] for v in axe["violations"] if v["impact"] in SERIOUS] == []
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.click("#sv-ryd")
    assert "ikke tømt" in page.text_content("#sv-besked")
    assert page.input_value("#sv-navn") == 'Åse "Ø" Ærø: #1'
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("#sv-ryd")
    page.reload()
    assert page.input_value("#sv-navn") == ""


def test_pasted_line_separators_and_controls_give_a_valid_file_with_the_same_text(
    desktop_page: Any, site_url: str, tmp_path: Path
) -> None:
    # JSON.stringify leaves U+2028, NEL and DEL raw; YAML refuses them or reads a line break
    name = "Åse\u2028Ærø\u0085\u007f"
    reason = "a\u2029b\ufeffc"
    page = fresh_visit(desktop_page, site_url, PAGE)
    _fill(page)
    page.fill("#sv-navn", name)
    page.fill("#sv-maal-begrundelse", reason)
    with page.expect_download() as download:
        page.click("#sv-gem")
    saved = tmp_path / "bedoemmelse.yaml"
    download.value.save_as(saved)
    result = check_file(saved)
    assert [f.code for f in result.findings] == ["bedoemmelse-parameter-mangler"]
    assert result.data["navn"] == name
    assert result.data["begrundelser"]["maal"] == reason


def test_a_very_long_name_gives_a_file_name_a_disk_can_hold(
    desktop_page: Any, site_url: str, tmp_path: Path
) -> None:
    name = "Ø" * 200 + " Ærø"
    page = fresh_visit(desktop_page, site_url, PAGE)
    _fill(page)
    page.fill("#sv-navn", name)
    with page.expect_download() as download:
        page.click("#sv-gem")
    suggested = download.value.suggested_filename
    assert suggested.startswith("bedoemmelse-oeoe") and suggested.endswith("-2025-03-10.yaml")
    assert len(suggested.encode()) <= 100
    saved = tmp_path / suggested
    download.value.save_as(saved)
    assert check_file(saved).data["navn"] == name


def test_works_without_javascript_and_prints_as_a_scoring_sheet(
    browser: Any, site_url: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + PAGE)
        assert not page.is_visible("#sv-gem")
        page.check("#sv-maal-kompagni")
        page.fill("#sv-navn", "Bo")
        assert page.is_checked("#sv-maal-kompagni")
        page.emulate_media(media="print")
        assert not page.is_visible(".sidebar-drawer")
        assert not page.is_visible(".sv-kun-skaerm")
        assert page.locator("h2", has_text="Hvor bliver dine svar af?").count() == 1
        box = page.locator("#sv-mandat-kantine").bounding_box()
        assert box is not None and box["width"] >= 15  # a box to tick with a pen
        assert page.is_visible("#sv-p-udbytte legend")
        pdf = page.pdf(format="A4")
        assert pdf.startswith(b"%PDF")
    finally:
        context.close()
