"""Figures and phrases that come from the sources and stand in more than one place.

The sources are the five texts described in /work/shared/seeds/README.md. Each transcription
below names the source file and the place in it, so a reviewer can check it against the text.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

import kbtools

ROOT = Path(__file__).resolve().parents[1]

# 004_1bb75499336ad770.txt (Region Midtjylland / Vækstforum, KOMPETENCEFORSYNINGmidt ver. 2.0,
# baggrundspapir), afsnit 3.3 Økonomi, "Tabel.  Budget og finansiering", 1.000 kr. This is the
# budget PROPOSED to Vækstforum for the whole regional project (ca. 15 LKS), not one LKS's
# budget. In the extracted text the amounts follow the row names column by column; read
# year by year they give these rows.
BUDGET_004 = {
    "Styrkelse af virksomhedernes kompetenceforsyning": (2500, 2500, 2500, 7500),
    "Tiltrækning og fastholdelse af talenter": (1000, 1000, 1000, 3000),
    "Efter- og videreuddannelse": (10000, 10000, 10000, 30000),
    "Udvikling af partnerskabet": (1500, 1500, 1500, 4500),
}
BUDGET_TOTAL_004 = (15000, 15000, 15000, 45000)  # "Budget i alt 15.000 15.000 15.000 45.000"
FINANCING_004 = {
    "ESF": (7500, 7500, 7500, 22500),  # "ESF 7.500 7.500 7.500 22.500"
    "RM": (3000, 3000, 3000, 9000),  # "RM 3.000 3.000 3.000 9.000"
    "Anden offentlig": (4500, 4500, 4500, 13500),  # "Anden offentlig 4.500 4.500 4.500 13.500"
}
YEARS = (2017, 2018, 2019)


def _rows(entries: list[dict[str, object]]) -> dict[str, tuple[int, ...]]:
    rows = {}
    for entry in entries:
        per_year = entry["pr_år"]
        assert isinstance(per_year, dict)
        total = entry["i_alt"]
        assert isinstance(total, int)
        rows[str(entry["navn"])] = (*(int(per_year[y]) for y in YEARS), total)
    return rows


def test_the_source_table_adds_up() -> None:
    for column in range(4):
        assert sum(row[column] for row in BUDGET_004.values()) == BUDGET_TOTAL_004[column]
        assert sum(row[column] for row in FINANCING_004.values()) == BUDGET_TOTAL_004[column]


def test_midtby_budget_matches_004_line_by_line() -> None:
    data = yaml.safe_load((ROOT / "cases" / "midtby" / "aftale.yaml").read_text("utf-8"))
    economy = data["økonomi"]
    assert economy["enhed"] == "1.000 kr."
    assert _rows(economy["budget"]) == BUDGET_004
    assert _rows(economy["finansiering"]) == FINANCING_004
    total = economy["budget_i_alt"]
    assert (*(total["pr_år"][y] for y in YEARS), total["i_alt"]) == BUDGET_TOTAL_004


def _number(text: str) -> int:
    return int(text.replace(".", ""))


def test_baggrund_budget_tables_match_004() -> None:
    page = (ROOT / "docs" / "baggrund" / "index.md").read_text("utf-8")
    found = {}
    for line in page.splitlines():
        cells = [c.strip().strip("*") for c in line.strip().strip("|").split("|")]
        if len(cells) == 5 and all(re.fullmatch(r"[\d.]+", c) for c in cells[1:]):
            found[cells[0]] = tuple(_number(c) for c in cells[1:])
    for name, row in BUDGET_004.items():
        assert found[name] == row, name
    assert found["Budget i alt"] == BUDGET_TOTAL_004
    assert found["EU's Socialfond (ESF)"] == FINANCING_004["ESF"]
    assert found["Region Midtjylland (RM)"] == FINANCING_004["RM"]
    assert found["Anden offentlig finansiering"] == FINANCING_004["Anden offentlig"]


def test_pages_call_the_budget_a_proposal_for_the_regional_project() -> None:
    example = (ROOT / "docs" / "partnerskabsaftalen" / "eksempel.md").read_text("utf-8")
    assert "foreslåede budget" in example
    assert "ikke et enkelt LKS' budget" in example
    background = (ROOT / "docs" / "baggrund" / "index.md").read_text("utf-8")
    assert "hvad projektet kostede" not in background


def test_five_year_message_says_what_000_says() -> None:
    # 000_70583fc3f3d40961.txt: "Internationale erfaringer peger på mindst fem år som
    # succeskriterium for partnerskabers ressourcemæssige samarbejde."
    result = kbtools.check_file(ROOT / "tests/data/agreements/invalid/kort-varighed.yaml")
    messages = [f.message for f in result.findings if f.code == "aftale-kort-varighed"]
    assert len(messages) == 1
    assert "succeskriterium" in messages[0]
    assert "varige resultater" not in messages[0]
    for path in [
        *sorted((ROOT / "docs").rglob("*.md")),
        ROOT / "kbtools" / "checking" / "rules" / "dates.py",
        ROOT / "kbtools" / "schemas" / "partnerskabsaftale-1.schema.json",
    ]:
        text = path.read_text("utf-8")
        assert "varige resultater" not in text, path
        assert "peger på mindst fem år som mål" not in text, path


def _bib_entry(key: str) -> str:
    bib = (ROOT / "docs" / "kilder.bib").read_text("utf-8")
    match = re.search(r"@\w+\{" + key + r",(.*?)\n\}", bib, re.S)
    assert match, key
    return match.group(1)


def _field(entry: str, name: str) -> str:
    match = re.search(r"\b" + name + r"\s*=\s*\{(.*)\},?\s*$", entry, re.M)
    assert match, name
    return match.group(1).replace("{", "").replace("}", "")


def test_carma_paper_is_cited_by_its_authors_and_title() -> None:
    # The extracted text of 000 has no title page; the published paper is Jørgensen,
    # Baadsgaard, Klindt & Lassen (2018), "Fra partnerskaber til partnerskabelse".
    # Its first section heading, "Fra studie af partnerskabsdannelse …", is not the title.
    entry = _bib_entry("carma2018")
    assert _field(entry, "title") == "Fra partnerskaber til partnerskabelse"
    assert "Grundlagspapir" in _field(entry, "type")
    authors = _field(entry, "author")
    assert authors.startswith("Jørgensen, Henning and Baadsgaard, Kelvin")
    assert "Klindt" in authors and "Lassen" in authors
    assert "CARMA" in _field(entry, "institution")


def test_vive_slides_have_no_invented_year() -> None:
    # 003_735f8c773fa806b7.txt (VIVE, oplæg) carries no date or year anywhere.
    entry = _bib_entry("vive")
    assert "2020" not in entry


def test_004_is_a_paper_put_to_vaekstforum() -> None:
    # 004: "KOMPETENCEFORSYNINGmidt ver. 2.0, som forelægges Vækstforum til godkendelse med
    # dette papir" – Vækstforum receives the paper; it is not its author.
    entry = _bib_entry("rm2016")
    assert "Vækstforum" not in _field(entry, "author")


KOBLINGSFUNKTIONER = ("brobygger", "kommunikator", "koordinator", "kooperatør")


def test_koblingsfunktioner_are_no_party_roles() -> None:
    # 001_55b8f01fd68d6f9c.txt, after Figur 2: "Det er ikke noget, som kan uddelegeres til
    # enkeltpersoner" – the four functions are a shared perspective, not roles of one party.
    agreements = [
        *sorted((ROOT / "cases").glob("*/aftale.yaml")),
        ROOT / "docs" / "partnerskabsaftalen" / "_filer" / "eksempel-aftale.yaml",
    ]
    for path in agreements:
        data = yaml.safe_load(path.read_text("utf-8"))
        for role in data.get("roller", []):
            text = str(role.get("rolle", "")).lower()
            assert not any(word in text for word in KOBLINGSFUNKTIONER), (path, text)
    for path in sorted((ROOT / "docs").rglob("*.md")):
        text = " ".join(path.read_text("utf-8").split())
        for word in KOBLINGSFUNKTIONER:
            assert not re.search(r"(jobcentret|erhvervsskolen|erhvervshuset) er " + word, text)


def test_socialstyrelsen_list_is_not_called_required_by_the_source() -> None:
    # 002_017d2f3451ef4eac.txt: "Følgende nøgleelementer kan eksempelvis indgå i en
    # partnerskabsaftale" ... "(Implement, 2017)". Requiring them is the site's own rule.
    page = " ".join((ROOT / "docs/partnerskabsaftalen/elementer.md").read_text("utf-8").split())
    old_claim = "Socialstyrelsens liste over nøgleelementer i en formel partnerskabsaftale {cite"
    assert old_claim not in page
    assert "vidensbasens egen regel" in page
    assert "Implement (2017)" in page
