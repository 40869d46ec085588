"""Anbefalede elementer.

Værdisæt, ændringer, kommissorium, faste møder, læring, kommunikation, konfliktløsning og
borgerinddragelse er ikke krævet, men anbefales af Socialstyrelsen, CARMA og VIVE. Mangler
et af dem, giver det en anbefaling. Listen læses fra skemaet (``x-anbefalet``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kbtools.checking.context import Context
from kbtools.findings import Code, Finding, Level
from kbtools.loading import Document

RECOMMENDED_MISSING = Code(
    "aftale-anbefalet-element",
    Level.ANBEFALING,
    "Et element, som skemaet anbefaler (men ikke kræver), mangler i aftalen.",
    "Overvej at tilføje »værdisæt« (Værdisæt). Det er ikke et krav, men vidensbasen anbefaler det.",
    template="Overvej at tilføje {key}. Det er ikke et krav, men vidensbasen anbefaler det.",
)

CODES = (RECOMMENDED_MISSING,)


def recommended_elements(schema: dict[str, Any]) -> list[tuple[str, str]]:
    """(key, title) of the schema's recommended top-level elements."""
    properties = schema.get("properties", {})
    return [
        (key, str(spec.get("title", key)))
        for key, spec in properties.items()
        if spec.get("x-anbefalet")
    ]


def check(document: Document, schema: dict[str, Any], context: Context) -> Iterator[Finding]:
    root = document.position_of(())
    for key, title in recommended_elements(schema):
        if key not in document.data:
            yield RECOMMENDED_MISSING.finding(
                document.file,
                root.line,
                root.column,
                path=(key,),
                title=title,
                values={"key": key},
            )
