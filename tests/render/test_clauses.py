"""The agreement's elements are written as sentences a person would write, in every format."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from kbtools.api import check_file
from kbtools.render.blocks import genitive, lower_first, sentence
from kbtools.render.model import PREAMBLE, Bullets, Facts, Heading, Kept, Paragraph, build
from kbtools.render.text_writers import to_html, to_markdown

ROOT = Path(__file__).resolve().parents[2]
FJORD: dict[str, Any] = check_file(ROOT / "cases" / "fjordkommune" / "aftale.yaml").data


def _texts(data: dict[str, Any]) -> list[str]:
    out = []
    for block in build(data).flat():
        if isinstance(block, Heading | Paragraph):
            out.append(block.text)
        elif isinstance(block, Bullets):
            out += block.items
    return out


def test_resources_roles_groups_and_meetings_are_sentences() -> None:
    shown = _texts(FJORD)
    assert (
        "VUC Fjordland stiller en virksomhedskonsulent til rådighed i mindst 20 timer pr. måned."
        in shown
    )
    assert "VUC Fjordlands rolle er almen opkvalificering af medarbejdere." in shown
    assert "VUC Fjordlands opgaver er ordblindeundervisning og FVU og AVU i virksomheden." in shown
    assert (
        "Styregruppen består af Birgitte Skov (jobcenterchef, Jobcenter Fjordkommune), Thomas "
        "Lykke (erhvervschef, Fjordkommune Erhvervsservice) og Anne Mølgaard (rektor, VUC "
        "Fjordland)." in shown
    )
    assert "Styregruppen fastlægger mål og følger op hvert kvartal." in shown
    assert "Konsulentgruppen mødes hver uge." in shown  # a sentence, with its full stop
    assert (
        "Konsulentgruppen består af medarbejdere fra Jobcenter Fjordkommune, Fjordkommune "
        "Erhvervsservice og VUC Fjordland." in shown
    )
    assert "Styregruppen mødes hver anden måned (ledelsesniveau)." in shown
    assert "Sambesøg (operationel indsats)." in shown


def test_the_front_block_has_parties_period_version_and_case_number() -> None:
    data = {
        **FJORD,
        "version": "2",
        "versionsdato": "2024-11-30",
        "sagsnummer": "24.10.00-A00-1-24",
    }
    doc = build(data)
    facts = next(block for block in doc.blocks if isinstance(block, Facts))
    assert facts.rows == [
        ("Parter", "Jobcenter Fjordkommune, Fjordkommune Erhvervsservice og VUC Fjordland"),
        ("Periode", "1. januar 2025 – 31. december 2029"),
        ("Version", "2 af 30. november 2024"),
        ("Sagsnummer", "24.10.00-A00-1-24"),
    ]
    preamble = next(block for block in doc.blocks if isinstance(block, Paragraph))
    assert preamble.text.startswith(PREAMBLE) and "(LKS)" in preamble.text
    assert not any(isinstance(b, Heading) and "Version" in b.text for b in doc.flat())
    markdown = to_markdown(doc)
    assert "**Version:** 2 af 30. november 2024" in markdown
    assert '<th scope="row">Sagsnummer</th><td>24.10.00-A00-1-24</td>' in to_html(doc)


def test_sections_are_numbered_and_the_signatures_are_kept_with_the_last_clause() -> None:
    doc = build(FJORD)
    headings = [b.text for b in doc.flat() if isinstance(b, Heading) and b.level == 2]
    assert headings[:2] == ["1. Parter", "2. Formål, vision og mål"]
    assert headings[-2:] == ["14. Indsatser", "15. Underskrifter"]
    kept = doc.blocks[-1]
    assert isinstance(kept, Kept) and kept.blocks[0] == Heading(2, "14. Indsatser")
    assert '<section class="samlet">' in to_html(doc)


def test_the_parties_heading_is_not_repeated_as_a_caption() -> None:
    doc = build(FJORD)
    assert "<caption>Parter</caption>" not in to_html(doc)
    lines = to_markdown(doc).splitlines()
    assert [line for line in lines if re.search(r"\bParter\b", line)] == [
        "**Parter:** Jobcenter Fjordkommune, Fjordkommune Erhvervsservice og VUC Fjordland  ",
        "## 1. Parter",
    ]


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("To virksomhedskonsulenter", "to virksomhedskonsulenter"),
        ("FVU og AVU", "FVU og AVU"),
        ("Midtby Erhvervsråd", "Midtby Erhvervsråd"),  # a party's name
        ("Skriv rolle her", "Skriv rolle her"),  # a template's placeholder
        ("eCRM", "eCRM"),
        ("", ""),
    ],
)
def test_lower_first_leaves_names_alone(text: str, shown: str) -> None:
    assert lower_first(text, frozenset({"Midtby"})) == shown


def test_genitive_and_sentence() -> None:
    assert genitive("Jobcenter Midtby") == "Jobcenter Midtbys"
    assert genitive("Aarhus") == "Aarhus'"
    assert sentence("Hver uge") == "Hver uge." and sentence("Hvorfor?") == "Hvorfor?"
