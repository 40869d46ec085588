"""En bedømmelse dækker typologiens parametre og er dateret fornuftigt.

- Har deltageren sprunget en parameter over, gives en advarsel: det er tilladt at sige »ved
  ikke«, men gruppens forslag bygger så på færre bedømmelser.
- En begrundelse hører til et valgt niveau. Står der en begrundelse ved en parameter uden
  niveau, er niveauet nok glemt.
- Partnerskabets og deltagerens navn skal stå der; kun mellemrum tæller ikke som et navn.
- Datoen er dagen for den fælles vurdering. En dato, der ligger efter i dag, giver en
  advarsel: den er sikkert en tastefejl.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kbtools.checking.context import Context
from kbtools.checking.rules.base import make
from kbtools.danish import format_date, format_list, parse_iso_date
from kbtools.data.typology import load_typology
from kbtools.findings import Code, DataPath, Finding, Level
from kbtools.loading import Document

MISSING = Code(
    "bedoemmelse-parameter-mangler",
    Level.ADVARSEL,
    "Deltageren har ikke valgt et niveau for en eller flere parametre. Det er tilladt, hvis "
    "deltageren ikke kan vurdere parameteren; gruppens forslag bygger så på de andres bud.",
    "Bedømmelsen har intet niveau for parameteren Læring. …",
)
REASON_WITHOUT_LEVEL = Code(
    "bedoemmelse-begrundelse-uden-niveau",
    Level.FEJL,
    "Der står en begrundelse ved en parameter, som deltageren ikke har valgt et niveau for.",
    "Der er en begrundelse for »laering«, men intet niveau. Vælg et niveau under »niveauer«, "
    "eller slet begrundelsen.",
)
FUTURE = Code(
    "bedoemmelse-dato-fremtid",
    Level.ADVARSEL,
    "Bedømmelsens dato ligger efter i dag. Datoen er dagen for den fælles vurdering.",
    "Datoen (1. marts 2099) ligger efter i dag. Skriv datoen for den fælles vurdering.",
)
BLANK = Code(
    "bedoemmelse-tomt-navn",
    Level.FEJL,
    "Partnerskabets eller deltagerens navn består kun af mellemrum.",
    "»navn« består kun af mellemrum. Skriv deltagerens navn.",
)
CODES = (MISSING, REASON_WITHOUT_LEVEL, FUTURE, BLANK)
#: The names that must not be blank, and what to write instead.
NAMES = (("partnerskab", "partnerskabets navn"), ("navn", "deltagerens navn"))


def unrated(levels: Any) -> list[str]:
    """The names of the typology's parameters that ``levels`` (a mapping) has no level for."""
    rated = levels if isinstance(levels, dict) else {}
    return [p.name for p in load_typology().parameters if p.id not in rated]


def reasons_without_level(rating: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(parameter id, key) for each reason in ``rating`` whose parameter has no level."""
    levels, reasons = rating.get("niveauer"), rating.get("begrundelser")
    if not isinstance(reasons, dict):
        return
    rated = levels if isinstance(levels, dict) else {}
    for key in reasons:
        if key in load_typology().parameter_ids and key not in rated:
            yield str(key), str(key)


def reason_message(parameter: str) -> str:
    return (
        f"Der er en begrundelse for »{parameter}«, men intet niveau. Vælg et niveau under "
        "»niveauer«, eller slet begrundelsen."
    )


def check(document: Document, schema: dict[str, Any], context: Context) -> Iterator[Finding]:
    data = document.data
    for key, what in NAMES:
        value = data.get(key)
        if isinstance(value, str) and value and not value.strip():
            yield make(document, (key,), BLANK, f"»{key}« består kun af mellemrum. Skriv {what}.")
    levels = data.get("niveauer")
    missing = unrated(levels)
    if isinstance(levels, dict) and missing:
        noun, them = ("parameteren", "den") if len(missing) == 1 else ("disse parametre:", "dem")
        yield make(
            document,
            ("niveauer",),
            MISSING,
            f"Bedømmelsen har intet niveau for {noun} {format_list(missing)}. Det er i orden, "
            f"hvis du ikke kan vurdere {them}; ellers vælg et niveau.",
        )
    for parameter, key in reasons_without_level(data):
        path: DataPath = ("begrundelser", key)
        yield make(document, path, REASON_WITHOUT_LEVEL, reason_message(parameter))
    day = parse_iso_date(data.get("dato")) if isinstance(data.get("dato"), str) else None
    if day is not None and day > context.today:
        yield make(
            document,
            ("dato",),
            FUTURE,
            f"Datoen ({format_date(day)}) ligger efter i dag. Skriv datoen for den fælles "
            "vurdering.",
        )
