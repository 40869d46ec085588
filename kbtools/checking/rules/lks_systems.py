"""Et LKS samler alle tre systemer.

Et lokalt koordinerende samarbejde (``lks: true``, som er standard) skal have parter fra
beskæftigelse, uddannelse og erhvervsfremme. Mangler et af systemerne, giver det en advarsel.
Et LKS bør også beskrive en styregruppe og en konsulentgruppe under ``organisering``
(anbefaling).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kbtools.checking.context import Context
from kbtools.checking.rules.base import items, make, parent_values
from kbtools.danish import format_list
from kbtools.findings import Code, Finding, Level
from kbtools.loading import Document

SYSTEMS_MISSING = Code(
    "aftale-lks-systemer",
    Level.ADVARSEL,
    "Et LKS mangler parter fra et eller flere af de tre systemer (beskæftigelse, uddannelse og "
    "erhvervsfremme).",
    "Et LKS bør have parter fra alle tre systemer: beskæftigelse, uddannelse og "
    "erhvervsfremme. Der mangler: …",
)
GROUPS_MISSING = Code(
    "aftale-lks-grupper",
    Level.ANBEFALING,
    "Organiseringen beskriver ikke en styregruppe eller en konsulentgruppe.",
    "Et LKS har typisk en styregruppe. Beskriv den under »organisering«.",
)

CODES = (SYSTEMS_MISSING, GROUPS_MISSING)

SYSTEMS = ("beskæftigelse", "uddannelse", "erhvervsfremme")


def check(document: Document, schema: dict[str, Any], context: Context) -> Iterator[Finding]:
    data = document.data
    if data.get("lks", True) is not True:
        return
    parties = items(data, "parter")
    if parties:
        present = {
            party.get("system") for _, party in parties if isinstance(party.get("system"), str)
        }
        missing = [system for system in SYSTEMS if system not in present]
        if missing:
            yield make(
                document,
                ("parter",),
                SYSTEMS_MISSING,
                "Et LKS bør have parter fra alle tre systemer: beskæftigelse, uddannelse og "
                f"erhvervsfremme. Der mangler: {format_list(missing)}.",
            )
    organisation = data.get("organisering")
    if isinstance(organisation, dict):
        for group in ("styregruppe", "konsulentgruppe"):
            if group not in organisation:
                yield make(
                    document,
                    ("organisering",),
                    GROUPS_MISSING,
                    template="Et LKS har typisk en {group}. Beskriv den under {parent}.",
                    values={"group": group, **parent_values(schema, "organisering")},
                )
