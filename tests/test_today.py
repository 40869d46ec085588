"""How things are today, kept apart from the five sources.

The five sources describe 2016–2019. Where a reader page says how a body or scheme works
today, it does so in a box titled »Sådan er det i dag« that cites a public source from
docs/kilder.bib marked ``keywords = {nutid}``; the sources page lists those apart from the five.
The tests read the MyST sources.
"""

from __future__ import annotations

import re
from pathlib import Path

DOCS = Path(__file__).resolve().parents[1] / "docs"
TODAY_TITLE = "Sådan er det i dag"
#: Pages that may cite today's sources outside a box: the sources page lists them, and the
#: accessibility statement is itself about today.
OUTSIDE_BOXES_ALLOWED = {"kilder.md", "tilgaengelighed.md"}
#: Bodies and schemes that changed after the sources were written.
CHANGED = re.compile(r"væksthus|vækstfor|VEU-cent|Kompetencerådet", re.I)


def _bib_keys(keyword: str) -> set[str]:
    bib = (DOCS / "kilder.bib").read_text(encoding="utf-8")
    entries = re.findall(r"@\w+\{([^,]+),(.*?)\n\}", bib, flags=re.S)
    return {key for key, body in entries if re.search(r"keywords\s*=\s*\{" + keyword, body)}


TODAY_KEYS = _bib_keys("nutid")
FIVE = {"carma2018", "baadsgaard2019", "bruhn2019", "vive", "rm2016"}


def _reader_pages() -> list[Path]:
    return [p for p in sorted(DOCS.rglob("*.md")) if "vedligeholdelse" not in p.parts]


def _today_boxes(text: str) -> list[str]:
    pattern = r"^:::\{admonition\} " + re.escape(TODAY_TITLE) + r"\n:class: note\n(.*?)^:::$"
    return re.findall(pattern, text, flags=re.M | re.S)


def _cited(text: str) -> set[str]:
    keys: set[str] = set()
    for group in re.findall(r"\{cite:[pt]\}`([^`]+)`", text):
        keys.update(key.strip() for key in group.split(","))
    return keys


def test_the_bibliography_keeps_the_five_sources_apart_from_todays() -> None:
    assert len(TODAY_KEYS) >= 8
    assert not TODAY_KEYS & FIVE
    kilder = (DOCS / "kilder.md").read_text(encoding="utf-8")
    assert ':filter: not keywords % "nutid"' in kilder
    assert ':filter: keywords % "nutid"' in kilder
    bib = (DOCS / "kilder.bib").read_text(encoding="utf-8")
    for key in TODAY_KEYS:
        entry = bib.split("{" + key + ",", 1)[1].split("\n}", 1)[0]
        assert "url = {https" in entry or "url = {http" in entry, key
        assert "Besøgt " in entry, key  # the date we checked the page


def test_todays_sources_are_cited_only_in_todays_boxes() -> None:
    for page in _reader_pages():
        text = page.read_text(encoding="utf-8")
        boxes = _today_boxes(text)
        for box in boxes:
            assert _cited(box) & TODAY_KEYS, (page.name, box[:80])
        outside = text
        for box in boxes:
            outside = outside.replace(box, "")
        if page.name not in OUTSIDE_BOXES_ALLOWED:
            assert not _cited(outside) & TODAY_KEYS, (page.name, _cited(outside) & TODAY_KEYS)


def test_pages_naming_a_changed_body_say_what_it_is_today() -> None:
    for page in _reader_pages():
        text = page.read_text(encoding="utf-8")
        if page.name in {"kilder.md", "om-sitet.md"} or not CHANGED.search(text):
            continue
        assert _today_boxes(text) or "landskabet-i-dag" in text, page.relative_to(DOCS)


def test_no_present_tense_for_the_vaeksthus() -> None:
    stale = (
        "LKS'et kan vælge at tage konsulenter fra Væksthuset",
        "det regionale væksthus, som rådgiver",
    )
    for page in _reader_pages():
        text = " ".join(page.read_text(encoding="utf-8").split())
        for phrase in stale:
            assert phrase not in text, (page.name, phrase)


def test_the_year_wheel_plans_next_year_before_the_municipal_budget() -> None:
    text = (DOCS / "lks-i-praksis" / "tjekliste.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| (\d\. kvartal) \| (.*?) \|", text, flags=re.M))
    assert set(rows) == {"1. kvartal", "2. kvartal", "3. kvartal", "4. kvartal"}
    assert "næste års mål" in rows["1. kvartal"]
    assert "budget" in rows["2. kvartal"]
    assert "næste års mål" not in rows["4. kvartal"]
    assert "15. oktober" in " ".join(_today_boxes(text))
