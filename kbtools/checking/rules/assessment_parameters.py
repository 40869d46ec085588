"""Hver af typologiens otte parametre vurderes præcis én gang.

En typologivurdering skal dække alle parametre i typologien, og hver parameter må kun stå én
gang. Er en parameter stavet forkert, foreslås den, der ligner mest.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kbtools.checking.rules.base import make
from kbtools.checking.suggest import suggest
from kbtools.findings import Code, Finding, Level
from kbtools.loading import Document
from kbtools.typology.model import load_typology

MISSING = Code(
    "vurdering-parameter-mangler",
    Level.FEJL,
    "En eller flere af typologiens parametre er ikke vurderet.",
    "Vurderingen mangler disse parametre: Mandat; Ressourcer.",
)
DUPLICATE = Code(
    "vurdering-parameter-dobbelt",
    Level.FEJL,
    "Den samme parameter er vurderet mere end én gang.",
    "Parameteren »mandat« er vurderet to gange (også i punkt nr. 1). Vurder hver parameter "
    "én gang.",
)
MISSPELT = Code(
    "vurdering-parameter-forslag",
    Level.FEJL,
    "En parameter findes ikke i typologien, men ligner en, der gør.",
    "Parameteren »mandater« findes ikke i typologien. Mente du »mandat«?",
)

CODES = (MISSING, DUPLICATE, MISSPELT)


def check(document: Document, schema: dict[str, Any]) -> Iterator[Finding]:
    typology = load_typology()
    entries = document.data.get("parametre")
    if not isinstance(entries, list):
        return
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict) or not isinstance(entry.get("parameter"), str):
            continue
        parameter = entry["parameter"]
        path = ("parametre", index, "parameter")
        if parameter not in typology.parameter_ids:
            hint = suggest(parameter, list(typology.parameter_ids))
            if hint:
                yield make(
                    document,
                    path,
                    MISSPELT,
                    f"Parameteren »{parameter}« findes ikke i typologien. Mente du »{hint}«?",
                )
            continue
        if parameter in seen:
            yield make(
                document,
                path,
                DUPLICATE,
                f"Parameteren »{parameter}« er vurderet to gange (også i punkt nr. "
                f"{seen[parameter] + 1}). Vurder hver parameter én gang.",
            )
        else:
            seen[parameter] = index
    missing = [p.name for p in typology.parameters if p.id not in seen]
    if missing:
        yield make(
            document,
            ("parametre",),
            MISSING,
            "Vurderingen mangler disse parametre: " + "; ".join(missing) + ".",
        )
