"""Anbefalede elementer.

Værdisæt, ændringer, kommissorium, faste møder, læring, kommunikation, konfliktløsning og
borgerinddragelse er ikke krævet, men anbefales af Socialstyrelsen, CARMA og VIVE. Mangler
et af dem, giver det en anbefaling. Listen læses fra skemaet (``x-anbefalet``).
"""

from __future__ import annotations

from collections.abc import Iterator

from kbtools.checking.rules.base import SCHEMA
from kbtools.checking.schema import help_url
from kbtools.findings import Finding, Level
from kbtools.loading import Document
from kbtools.schemas import load_schema

CODES = ("aftale-anbefalet-element",)


def recommended_elements() -> list[tuple[str, str]]:
    """(key, title) of the schema's recommended top-level elements."""
    properties = load_schema(SCHEMA).get("properties", {})
    return [
        (key, str(spec.get("title", key)))
        for key, spec in properties.items()
        if spec.get("x-anbefalet")
    ]


def check(document: Document) -> Iterator[Finding]:
    root = document.position_of(())
    for key, title in recommended_elements():
        if key not in document.data:
            yield Finding(
                document.file,
                root.line,
                root.column,
                Level.ANBEFALING,
                "aftale-anbefalet-element",
                f"Overvej at tilføje »{key}« ({title}). Det er ikke et krav, men gode "
                "partnerskaber aftaler det.",
                help_url(SCHEMA, (key,)),
            )
