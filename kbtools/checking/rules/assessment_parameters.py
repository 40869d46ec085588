"""Hver af typologiens otte parametre vurderes præcis én gang.

En typologivurdering skal dække alle parametre i typologien, og hver parameter må kun stå én
gang. Er en parameter stavet forkert, foreslår skemakontrollen den, der ligner mest.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kbtools.checking.context import Context
from kbtools.checking.rules.base import make
from kbtools.danish import format_list
from kbtools.data.typology import load_typology
from kbtools.findings import Code, Finding, Level
from kbtools.loading import Document

MISSING = Code(
    "vurdering-parameter-mangler",
    Level.FEJL,
    "En eller flere af typologiens parametre er ikke vurderet.",
    "Vurderingen mangler parameteren Mål.",
)
DUPLICATE = Code(
    "vurdering-parameter-dobbelt",
    Level.FEJL,
    "Den samme parameter er vurderet mere end én gang.",
    "Parameteren »mandat« er vurderet to gange (også i punkt nr. 1). Vurder hver parameter "
    "én gang.",
)
CODES = (MISSING, DUPLICATE)


def check(document: Document, schema: dict[str, Any], context: Context) -> Iterator[Finding]:
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
            continue  # the schema names the allowed values and the closest one
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
            f"Vurderingen mangler {'parameteren' if len(missing) == 1 else 'disse parametre:'} "
            f"{format_list(missing)}.",
        )
