"""Hver part har en rolle, et ressourcebidrag og en underskrift.

En aftale binder kun de parter, der har påtaget sig en rolle, lovet ressourcer og skrevet
under. Mangler en part i ``roller``, ``ressourcer`` eller ``underskrifter``, er det en fejl
(placeret ved parten under ``parter``).
"""

from __future__ import annotations

from collections.abc import Iterator

from kbtools.checking.rules.base import items, make
from kbtools.findings import Finding, Level
from kbtools.loading import Document

CODES = ("aftale-part-uden-rolle", "aftale-part-uden-ressourcer", "aftale-part-uden-underskrift")

_SECTIONS = (
    ("roller", "aftale-part-uden-rolle", "har ingen rolle under »roller«"),
    ("ressourcer", "aftale-part-uden-ressourcer", "har intet ressourcebidrag under »ressourcer«"),
    (
        "underskrifter",
        "aftale-part-uden-underskrift",
        "har ingen underskrift under »underskrifter«",
    ),
)


def check(document: Document) -> Iterator[Finding]:
    data = document.data
    for section, code, text in _SECTIONS:
        if not isinstance(data.get(section), list):
            continue  # the schema reports a missing section once
        named = {
            item.get("part")
            for _, item in items(data, section)
            if isinstance(item.get("part"), str)
        }
        for index, party in items(data, "parter"):
            party_id = party.get("id")
            if isinstance(party_id, str) and party_id not in named:
                name = party.get("navn") if isinstance(party.get("navn"), str) else party_id
                yield make(
                    document,
                    ("parter", index),
                    Level.FEJL,
                    code,
                    f"Parten »{name}« ({party_id}) {text}.",
                )
