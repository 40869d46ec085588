"""Henvisninger til parter.

Alle steder, hvor aftalen nævner en part (``roller``, ``ressourcer``, ``underskrifter`` og
medlemmerne af ``organisering.styregruppe`` og ``organisering.konsulentgruppe``), skal ``part``
være id'et på en part under ``parter``. Hver part skal have sit eget id.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kbtools.checking.context import Context
from kbtools.checking.rules.base import items, make, parent_values, party_names
from kbtools.checking.suggest import suggest
from kbtools.findings import Code, Finding, Level
from kbtools.loading import DataPath, Document

UNKNOWN_PARTY = Code(
    "aftale-ukendt-part",
    Level.FEJL,
    "En rolle, et ressourcebidrag, en underskrift eller et gruppemedlem henviser til en part, "
    "der ikke står under »parter«.",
    "Parten »jobcentret« findes ikke under »parter«. Mente du »jobcenter«?",
)
DUPLICATE_PARTY = Code(
    "aftale-dobbelt-part",
    Level.FEJL,
    "To parter har samme id.",
    "Id'et »jobcenter« bruges af to parter. Giv hver part sit eget id.",
)

CODES = (UNKNOWN_PARTY, DUPLICATE_PARTY)


def references(data: object) -> Iterator[tuple[DataPath, str]]:
    """Every (path of a ``part`` value, the id it names) in the agreement."""
    for section in ("roller", "ressourcer", "underskrifter"):
        for index, item in items(data, section):
            if isinstance(item.get("part"), str):
                yield (section, index, "part"), item["part"]
    organisation = data.get("organisering") if isinstance(data, dict) else None
    for group in ("styregruppe", "konsulentgruppe"):
        group_data = organisation.get(group) if isinstance(organisation, dict) else None
        for index, member in items(group_data, "medlemmer"):
            if isinstance(member.get("part"), str):
                path: DataPath = ("organisering", group, "medlemmer", index, "part")
                yield path, member["part"]


def check(document: Document, schema: dict[str, Any], context: Context) -> Iterator[Finding]:
    data = document.data
    seen: set[str] = set()
    for index, party in items(data, "parter"):
        party_id = party.get("id")
        if isinstance(party_id, str):
            if party_id in seen:
                yield make(
                    document,
                    ("parter", index, "id"),
                    DUPLICATE_PARTY,
                    f"Id'et »{party_id}« bruges af to parter. Giv hver part sit eget id.",
                )
            seen.add(party_id)
    known = party_names(data)
    if not known:
        return
    ids = list(known)
    for path, party_id in references(data):
        if party_id not in known:
            hint = suggest(party_id, ids)
            template = "Parten »{party}« findes ikke under {parent}."
            template += " Mente du »{suggestion}«?" if hint else " Kendte parter: {known}."
            values = {"party": party_id, **parent_values(schema, "parter")}
            values |= {"suggestion": hint} if hint else {"known": _listed(ids)}
            yield make(document, path, UNKNOWN_PARTY, template=template, values=values)


#: At most this many party ids are listed in a finding (an agreement may have thousands).
MAX_LISTED = 10


def _listed(ids: list[str]) -> str:
    shown = ", ".join(f"»{party_id}«" for party_id in ids[:MAX_LISTED])
    more = len(ids) - MAX_LISTED
    return f"{shown} og {more} andre" if more > 0 else shown
