"""Henvisninger til parter.

Alle steder, hvor aftalen nævner en part (``roller``, ``ressourcer``, ``underskrifter`` og
medlemmerne af ``organisering.styregruppe`` og ``organisering.konsulentgruppe``), skal ``part``
være id'et på en part under ``parter``. Hver part skal have sit eget id.

En henvisning, der ikke passer, rettes kun, når den kan være det samme id skrevet på en anden
måde (store og små bogstaver, mellemrum, bindestreger, »ae« for »æ« …), eller når den er
navnet på en part. Et id, der blot ligner et andet, kan være en anden organisation, så dér
siger fundet kun, at parten ikke findes, og hvordan det rettes.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kbtools.checking.context import Context
from kbtools.checking.rules.base import items, make, parent_values, party_names
from kbtools.checking.suggest import same_spelling
from kbtools.findings import Code, Finding, Level
from kbtools.loading import DataPath, Document

UNKNOWN_PARTY = Code(
    "aftale-ukendt-part",
    Level.FEJL,
    "En rolle, et ressourcebidrag, en underskrift eller et gruppemedlem henviser til en part, "
    "der ikke står under »parter«.",
    "Parten »Jobcenter« findes ikke under »parter«. Mente du »jobcenter«?",
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
    meant = _meant(known)
    ids = list(known)
    for path, party_id in references(data):
        if party_id not in known:
            values = {"party": party_id, **parent_values(schema, "parter")}
            template = "Parten »{party}« findes ikke under {parent}."
            hint = meant.get(same_spelling(party_id))
            if hint is None:
                template += " Tilføj parten under {parent}, eller skriv id'et på en af de kendte"
                template += " parter: {known}."
                values["known"] = _listed(ids)
            elif same_spelling(party_id) != same_spelling(hint):  # the party's name
                template += " »{party}« er navnet på parten; skriv dens id, »{suggestion}«."
                values["suggestion"] = hint
            else:
                template += " Mente du »{suggestion}«?"
                values["suggestion"] = hint
            yield make(document, path, UNKNOWN_PARTY, template=template, values=values)


def _meant(known: dict[str, str]) -> dict[str, str]:
    """Spelling (see :func:`same_spelling`) → the one party id it can only mean: the id itself
    written differently, or else the party's name. A spelling two parties share means
    neither."""
    by_id: dict[str, list[str]] = {}
    by_name: dict[str, list[str]] = {}
    for party_id, name in known.items():
        by_id.setdefault(same_spelling(party_id), []).append(party_id)
        by_name.setdefault(same_spelling(name), []).append(party_id)
    meant = {key: ids[0] for key, ids in by_name.items() if len(set(ids)) == 1}
    meant = {key: value for key, value in meant.items() if key not in by_id}
    return meant | {key: ids[0] for key, ids in by_id.items() if len(ids) == 1}


#: At most this many party ids are listed in a finding (an agreement may have thousands).
MAX_LISTED = 10


def _listed(ids: list[str]) -> str:
    shown = ", ".join(f"»{party_id}«" for party_id in ids[:MAX_LISTED])
    more = len(ids) - MAX_LISTED
    return f"{shown} og {more} andre" if more > 0 else shown
