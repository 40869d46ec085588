"""The headings that the typology and background sections must have, and the
forside's three paths. Read from the Markdown sources (cheap, no build)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[2] / "docs"


def _headings(section: str) -> list[str]:
    found: list[str] = []
    for page in sorted((DOCS / section).glob("*.md")):
        in_fence = False
        for line in page.read_text(encoding="utf-8").splitlines():
            if line.startswith("```"):
                in_fence = not in_fence  # skip code blocks, where "#" is a comment
            elif not in_fence and re.match(r"#{1,6} ", line):
                found.append(line.lstrip("#").strip())
    return found


@pytest.mark.parametrize(
    ("section", "required"),
    [
        (
            "typologi",
            ["Kantinen", "Klubben", "Kompagniet", "Selvevaluering", "CARMA's anbefalinger"],
        ),
        (
            "baggrund",
            [
                "KOMPETENCEFORSYNINGmidt",
                "De tre politiksystemer",
                "Styregruppe og konsulentgruppe",
                "De 15 LKS",
                "Forskningsdesignet",
                "Budget 2017–2019",
            ],
        ),
        (
            "tringuide",
            [
                "Trin 1: Den bærende idé",
                "Trin 2: Udvikling af konceptet",
                "Trin 3: Rolle- og arbejdsfordeling",
                "Trin 4: Den endelige partnerskabsaftale",
            ],
        ),
    ],
)
def test_section_has_the_required_headings(section: str, required: list[str]) -> None:
    headings = _headings(section)
    missing = [text for text in required if not any(text in heading for heading in headings)]
    assert missing == []


@pytest.mark.parametrize("step", [1, 2, 3, 4])
def test_each_tringuide_step_is_a_checklist_with_its_agreement_elements(step: int) -> None:
    text = (DOCS / "tringuide" / f"trin-{step}.md").read_text(encoding="utf-8")
    assert len(re.findall(r"^- \[ \] ", text, flags=re.M)) >= 4
    assert f"```{{aftale-elementer}}\n:trin: {step}\n```" in text


def test_forside_offers_the_three_paths() -> None:
    text = (DOCS / "index.md").read_text(encoding="utf-8")
    for title, target in [
        ("Læs vejledningen", "rammevaerk/index"),
        ("Skriv en partnerskabsaftale", "aftalebygger/index"),
        ("Vurdér jeres partnerskab", "selvevaluering/index"),
    ]:
        # the card title is a level-3 heading, so it is a heading for screen readers too
        card = re.search(
            rf":::{{grid-item-card}}\n:link: {re.escape(target)}\n(?:.*\n)*?"
            rf"```{{rubric}} {re.escape(title)}\n:heading-level: 3\n```",
            text,
        )
        assert card, title


def test_forside_keeps_maintainers_out_of_the_readers_paths() -> None:
    text = (DOCS / "index.md").read_text(encoding="utf-8")
    cards = text.split("::::{grid}", 1)[1].split("\n::::\n", 1)[0]
    assert "vedligeholdelse/" not in cards
    assert "kbtools" not in cards
    # the maintainers' section is linked once, below the readers' overview
    assert text.index("{doc}`vedligeholdelse/index`") > text.index("## Hvad finder I her?")
    # and has its own captioned toctree, so the sidebar shows the two paths apart
    assert re.search(r"```{toctree}\n(?::\w+:.*\n)*:caption: For vedligeholdere\n", text)
