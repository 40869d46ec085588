"""En retning peger på et naboniveau.

Et partnerskab bevæger sig ét trin ad gangen i typologien. Står der en retning ved en
parameter, skal den derfor være niveauet lige over eller lige under det vurderede niveau.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kbtools.checking.context import Context
from kbtools.checking.rules.base import make
from kbtools.data.typology import load_typology
from kbtools.findings import Code, Finding, Level
from kbtools.loading import Document

NOT_NEIGHBOUR = Code(
    "vurdering-retning",
    Level.FEJL,
    "Retningen ved en parameter er ikke niveauet lige over eller lige under det vurderede niveau.",
    "Retningen skal pege på et naboniveau til »kantine«, altså »Klubben«, men er »kompagni«.",
)

CODES = (NOT_NEIGHBOUR,)


def check(document: Document, schema: dict[str, Any], context: Context) -> Iterator[Finding]:
    typology = load_typology()
    entries = document.data.get("parametre")
    if not isinstance(entries, list):
        return
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            continue
        level, direction = entry.get("niveau"), entry.get("retning")
        if level not in typology.level_ids or direction not in typology.level_ids:
            continue  # no direction, or the schema already reports the value
        if abs(typology.rank(str(direction)) - typology.rank(str(level))) != 1:
            neighbours = [
                typology.level(other).name
                for other in typology.level_ids
                if abs(typology.rank(other) - typology.rank(str(level))) == 1
            ]
            yield make(
                document,
                ("parametre", index, "retning"),
                NOT_NEIGHBOUR,
                f"Retningen skal pege på et naboniveau til »{level}«, altså "
                + " eller ".join(f"»{n}«" for n in neighbours)
                + f", men er »{direction}«.",
            )
