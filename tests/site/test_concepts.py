"""Concept coverage: every concept of the knowledge base appears on the built site as
a heading (h1–h4) or as a term in the glossary.

Matching is a case-insensitive substring test on NFC-normalised text (dashes and apostrophes
unified, so "2017–2019" matches "2017-2019").
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sitehtml import html_pages, normalise, read_page

CONCEPTS = [
    # Forside paths
    "Læs vejledningen",
    "Skriv en partnerskabsaftale",
    "Vurdér jeres partnerskab",
    # the maintainers' section
    "Værktøjer til vedligeholdere",
    "Kontrollér aftaler i pre-commit og CI",
    # Rammeværk
    "partnerskab",
    "partnerskabelse",
    "samtænkning",
    "samordning",
    "samarbejde",
    "NPM",
    "NPG",
    "delt risiko",
    "free riders",
    "tillid",
    "læring",
    "samspilsfælder",
    "de otte resultater",
    "bonding",
    "bridging",
    "linking",
    "koblingskompetencer",
    "brobygger",
    "kommunikator",
    "koordinator",
    "kooperatør",
    "rammebetingelser",
    "kerneelementer",
    "facilitering",
    "netværksledelse",
    "udfordringer",
    "inklusion af borgere i sårbare positioner",
    "fælles træk",
    "succesfaktorer",
    "frivillige organisationer",
    # Typologi
    "kantinen",
    "klubben",
    "kompagniet",
    "selvevaluering",
    "CARMA's anbefalinger",
    # Tringuide
    "Trin 1",
    "Trin 2",
    "Trin 3",
    "Trin 4",
    "den bærende idé",
    "udvikling af konceptet",
    "rolle- og arbejdsfordeling",
    "den endelige partnerskabsaftale",
    # Partnerskabsaftalens elementer
    "parter",
    "formål",
    "roller",
    "økonomi",
    "organisering",
    "ressourcer",
    "varighed",
    "underskrifter",
    "feltreference",
    "skabelon",
    "eksempel",
    "validering",
    # Baggrund
    "KOMPETENCEFORSYNINGmidt",
    "de tre politiksystemer",
    "styregruppe",
    "konsulentgruppe",
    "de 15 LKS",
    "forskningsdesign",
    "budget 2017–2019",
    "ordliste",
    "kilder",
]


@pytest.fixture(scope="module")
def site_texts(built_site: Path) -> list[tuple[str, str]]:
    """(normalised heading or glossary term, page it is on) for the whole site."""
    texts: list[tuple[str, str]] = []
    for page in html_pages(built_site):
        reader = read_page(page)
        name = page.relative_to(built_site).as_posix()
        texts += [(normalise(text), name) for text in reader.headings + reader.glossary_terms]
    return texts


def test_the_glossary_has_terms(built_site: Path) -> None:
    assert read_page(built_site / "ordliste.html").glossary_terms, "ordliste.html has no terms"


def test_every_concept_is_a_heading_or_glossary_term(site_texts: list[tuple[str, str]]) -> None:
    missing = [
        concept
        for concept in CONCEPTS
        if not any(normalise(concept) in text for text, _ in site_texts)
    ]
    assert not missing, (
        f"{len(missing)} of {len(CONCEPTS)} concepts are neither a heading (h1–h4) nor a "
        "glossary term on the built site:\n  " + "\n  ".join(missing)
    )
