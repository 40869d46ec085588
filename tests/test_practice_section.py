"""The practice section (docs/lks-i-praksis/) against the sources it transcribes.

The sources are the five texts described in /work/shared/seeds/README.md. Lists and figures
that the section takes from them are transcribed below with the place they stand, so a
reviewer can check them against the text. The tests read the MyST sources, not the build.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SECTION = ROOT / "docs" / "lks-i-praksis"

# 004_1bb75499336ad770.txt, "3.2. Aktiviteter": the activities the partnerships are to work
# with, 13 bullets, in this order ("Udrulning af vækststrategier …" to "Etablering af netværk
# mellem virksomheder …"). Then: "Ideen er, at de lokale partnerskaber har samtlige
# ovennævnte redskaber til rådighed". One word the page must use for each bullet, in order.
TOOLBOX_004 = (
    "Vækststrategi",  # Udrulning af vækststrategier … kompetenceudviklingsstrategi
    "HR-chef",  # Styrkelse af smv'ers HR arbejde, f.eks. HR chef til leje ordning
    "Lederuddannelse",  # Lederuddannelse med særligt fokus på … kompetenceforsyning
    "Uddannelsesplaner",  # Udarbejdelse af uddannelsesplaner for … medarbejdere
    "Realkompetencevurdering",  # RealKompetenceVurdering … Yggdrasil projektet
    "Målrettede forløb",  # Målrettede kompetenceudviklingsforløb …
    "Omskoling",  # Evt. omskoling af medarbejdere til ny teknologi …
    "afløsere",  # Uddannelse af medarbejdere til substitution ved arbejdskraftmangel
    "Efteruddannelse",  # Efteruddannelse af virksomhedernes medarbejdere …
    "jobrotation",  # Kvalificering af ledige til at indgå i jobåbninger (jobrotation) …
    "Højtuddannede",  # Tilknytning af højtuddannede …
    "Udenlandsk",  # Allokering af den højtuddannede udenlandske arbejdskraft …
    "Netværk",  # Etablering af netværk mellem virksomheder …
)

# 004, "4. Bilag / Lokale partnerskaber": four bullets on the purpose of the local
# partnerships ("Et mere effektivt kompetencematch …", "Kvalificering af virksomhedernes
# vækstkompetencer …", "En målrettet og differentieret indsats …", "Én indgang for
# virksomhederne …").
PURPOSES_004 = ("match", "vækst", "målrettet og differentieret", "Én indgang")

# 000_70583fc3f3d40961.txt, the project's activity targets: "kontakte og screene ca. 600
# vækstvirksomheder", "minimum 150 vækstvirksomheder", "ca. 500 medarbejdere og 50 ledere".
# The background page and the practice section both give them.
TARGET_PATTERNS_000 = (
    r"ca\. 600 vækstvirksomheder",
    r"150\s+vækstvirksomheder",
    r"ca\. 500 (medarbejdere|ansatte) og 50 ledere",
)

OWN_ADVICE_TITLE = "Vores råd – ikke fra kilderne"


def _section_text(page: str, heading: str) -> str:
    """The MyST text under ``## heading`` up to the next level-2 heading."""
    text = (SECTION / page).read_text("utf-8")
    match = re.search(r"^## " + re.escape(heading) + r"\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert match, f"{page} has no section »{heading}«"
    return match.group(1)


def _numbered_items(text: str) -> list[str]:
    """The items of the numbered lists in ``text``, continuation lines joined."""
    items: list[str] = []
    for line in text.splitlines():
        if re.match(r"^\d+\. ", line):
            items.append(line)
        elif items and line.startswith("   ") and line.strip():
            items[-1] += " " + line.strip()
    return items


def test_the_toolbox_has_the_13_activities_of_004_in_order() -> None:
    items = _numbered_items(_section_text("tilbud.md", "De 13 redskaber"))
    assert len(items) == len(TOOLBOX_004) == 13
    for number, (item, word) in enumerate(zip(items, TOOLBOX_004, strict=True), start=1):
        assert item.startswith(f"{number}. "), item
        assert word in item, (number, word, item)


def test_the_four_purposes_of_the_local_partnerships_are_all_there() -> None:
    items = _numbered_items(_section_text("tilbud.md", "Hvad skal et LKS opnå?"))
    assert len(items) == len(PURPOSES_004)
    for item, word in zip(items, PURPOSES_004, strict=True):
        assert word in item, (word, item)


def test_target_figures_agree_between_background_and_practice_pages() -> None:
    pages = [ROOT / "docs" / "baggrund" / "index.md", SECTION / "virksomhedens-vej.md"]
    for path in pages:
        text = " ".join(path.read_text("utf-8").split())
        for pattern in TARGET_PATTERNS_000:
            assert re.search(pattern, text), (path.name, pattern)
        # Any figure next to "vækstvirksomheder" or "ledere" must be one of 000's.
        for figure in re.findall(r"(\d+)\s+vækstvirksomheder", text):
            assert figure in {"600", "150"}, (path.name, figure)


def _admonitions(text: str) -> list[tuple[str, str, str]]:
    """(title, class, body) of every ``:::{admonition}`` block."""
    pattern = r"^:::\{admonition\} (.*?)\n:class: (\w+)\n(.*?)^:::$"
    return re.findall(pattern, text, re.M | re.S)


def test_own_advice_is_marked_and_carries_no_citation() -> None:
    boxes = 0
    for path in sorted(SECTION.glob("*.md")):
        for title, css_class, body in _admonitions(path.read_text("utf-8")):
            if css_class != "tip":
                continue
            boxes += 1
            assert title.startswith(OWN_ADVICE_TITLE), (path.name, title)
            assert "{cite" not in body, (path.name, title)
    assert boxes >= 5, "the section gives its own advice in marked boxes"


def test_every_page_of_the_section_is_in_the_toctree_and_cites_the_sources() -> None:
    index = (SECTION / "index.md").read_text("utf-8")
    toctree = re.search(r"```\{toctree\}\n(.*?)```", index, re.S)
    assert toctree
    listed = {line.strip() for line in toctree.group(1).splitlines()}
    pages = {path.stem for path in SECTION.glob("*.md")} - {"index"}
    assert pages <= listed, pages - listed
    for page in pages:
        assert "{cite:p}`" in (SECTION / f"{page}.md").read_text("utf-8"), page


# What a practitioner asks about, each with what the sources say (cited) and, where
# they are silent, the site's own advice in a marked box. (page, target label, keys it must cite)
PRACTICE_TOPICS = (
    ("virksomhedens-vej.md", "praksis-neutral", {"baadsgaard2019", "carma2018", "vive", "rm2016"}),
    ("organisering.md", "praksis-tovholder", {"rm2016", "vive", "baadsgaard2019"}),
    ("organisering.md", "praksis-to-ben", {"carma2018"}),
    ("erfaringer.md", "praksis-maal-og-tal", {"rm2016"}),
    ("erfaringer.md", "praksis-deling", {"carma2018"}),
)


def _target_section(page: str, label: str) -> str:
    """The MyST text from ``(label)=`` to the next target or level-2 heading."""
    text = (SECTION / page).read_text("utf-8")
    match = re.search(
        r"^\(" + re.escape(label) + r"\)=\n(.*?)(?=^\([\w-]+\)=$|^## |\Z)", text, re.M | re.S
    )
    assert match, f"{page} has no target ({label})="
    return match.group(1)


def test_practice_topics_cite_the_sources_and_mark_the_sites_own_advice() -> None:
    for page, label, keys in PRACTICE_TOPICS:
        section = _target_section(page, label)
        for key in keys:
            assert f"`{key}" in section or f",{key}" in section, (label, key)
        titles = [title for title, css, _ in _admonitions(section) if css == "tip"]
        assert titles and all(t.startswith(OWN_ADVICE_TITLE) for t in titles), (label, titles)


def test_activity_measures_come_paired_with_development_measures() -> None:
    section = _target_section("erfaringer.md", "praksis-maal-og-tal")
    assert "aktivitetsmål frem for" in section  # 004, bilag: the follow-up research's criticism
    rows = [line for line in section.splitlines() if line.startswith("| ") and "---" not in line]
    assert len(rows) >= 4  # header and at least three pairs
    for row in rows[1:]:
        activity, outcome = (cell.strip() for cell in row.strip("|").split("|"))
        assert activity and outcome.endswith("?"), row
