"""Hver part har en rolle, et ressourcebidrag og en underskrift.

En aftale binder kun de parter, der har påtaget sig en rolle, lovet ressourcer og skrevet
under. Mangler en part i ``roller``, ``ressourcer`` eller ``underskrifter``, er det en fejl
(placeret ved parten under ``parter``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kbtools.checking.context import Context
from kbtools.checking.rules.base import items, make, parent_values
from kbtools.findings import Code, Finding, Level
from kbtools.loading import Document

NO_ROLE = Code(
    "aftale-part-uden-rolle",
    Level.FEJL,
    "En part står under »parter«, men har ingen rolle under »roller«.",
    "Parten »Jobcenter Eksempelby« (jobcenter) har ingen rolle under »roller«.",
)
NO_RESOURCES = Code(
    "aftale-part-uden-ressourcer",
    Level.FEJL,
    "En part står under »parter«, men har intet ressourcebidrag under »ressourcer«.",
    "Parten »Jobcenter Eksempelby« (jobcenter) har intet ressourcebidrag under »ressourcer«.",
)
NO_SIGNATURE = Code(
    "aftale-part-uden-underskrift",
    Level.FEJL,
    "En part står under »parter«, men har ingen underskrift under »underskrifter«.",
    "Parten »Jobcenter Eksempelby« (jobcenter) har ingen underskrift under »underskrifter«.",
)

CODES = (NO_ROLE, NO_RESOURCES, NO_SIGNATURE)

_SECTIONS = (
    ("roller", NO_ROLE, "har ingen rolle under {parent}"),
    ("ressourcer", NO_RESOURCES, "har intet ressourcebidrag under {parent}"),
    ("underskrifter", NO_SIGNATURE, "har ingen underskrift under {parent}"),
)


def check(document: Document, schema: dict[str, Any], context: Context) -> Iterator[Finding]:
    data = document.data
    for key, code, text in _SECTIONS:
        if not isinstance(data.get(key), list):
            continue  # the schema reports a missing section once
        named_section = parent_values(schema, key)
        named = {
            item.get("part") for _, item in items(data, key) if isinstance(item.get("part"), str)
        }
        for index, party in items(data, "parter"):
            party_id = party.get("id")
            if isinstance(party_id, str) and party_id not in named:
                name = party.get("navn") if isinstance(party.get("navn"), str) else party_id
                yield make(
                    document,
                    ("parter", index),
                    code,
                    template=f"Parten »{{name}}« ({{party}}) {text}.",
                    values={"name": str(name), "party": party_id, **named_section},
                )
