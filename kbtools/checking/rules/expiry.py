"""Når aftalen udløber.

- En aftale, der slutter inden for 90 dage, giver en advarsel: tag stilling i god tid.
- En aftale, der er slut, giver en advarsel.

Begge siger, hvad partnerskabet kan gøre: forhandle en ny aftale, forlænge den efter aftalens
egen regel for forlængelse (``varighed.forlængelse``, der citeres, når den står der) eller
lade den slutte. De henviser til siden om at genforhandle aftalen. Datoen, der regnes fra, er
i dag, eller den dato, der er givet (``kbtools validate --dato ÅÅÅÅ-MM-DD``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from kbtools.checking.context import Context, agreement_period
from kbtools.checking.rules.base import make
from kbtools.danish import format_date, plural
from kbtools.findings import Code, Finding, Level, docs_url
from kbtools.loading import Document

#: The page that says how an agreement is renegotiated, extended or ended.
CHANGES_PAGE = "partnerskabsaftalen/aendringer.html"
#: How long before the end date the warning starts.
WARN_DAYS = 90

ENDS_SOON = Code(
    "aftale-udloeber-snart",
    Level.ADVARSEL,
    f"Aftalen slutter inden for {WARN_DAYS} dage. Tag stilling nu: forhandl en ny aftale, "
    "forlæng den efter aftalens egen regel for forlængelse, eller lad den slutte.",
    "Aftalen slutter om 45 dage (31. december 2029). Tag stilling nu: forhandl en ny aftale, "
    "forlæng den (aftalen siger: »…«), eller aftal, at den slutter. …",
)
ENDED = Code(
    "aftale-udloebet",
    Level.ADVARSEL,
    "Aftalens slutdato er passeret. Forhandl en ny aftale, forlæng den, eller skriv ned, at "
    "samarbejdet er afsluttet.",
    "Aftalen sluttede 31. december 2021 og gælder ikke længere. Forhandl en ny aftale, …",
)

CODES = (ENDS_SOON, ENDED)


def _extension(data: Any) -> str:
    """How the agreement says it is extended, as a clause for the message."""
    duration = data.get("varighed") if isinstance(data, dict) else None
    text = duration.get("forlængelse") if isinstance(duration, dict) else None
    if isinstance(text, str) and text.strip():
        return f"forlæng den (aftalen siger: »{text.strip()}«)"
    return "forlæng den (aftalen siger ikke hvordan, så aftal det skriftligt)"


def check(document: Document, schema: dict[str, Any], context: Context) -> Iterator[Finding]:
    span = agreement_period(document.data)
    if span is None or span[1] <= span[0]:
        return  # no end date, or one before the start: the dates rule says what is wrong
    end = span[1]
    days = (end - context.today).days
    see = "Se »Når aftalen skal genforhandles« på LKS-vidensbasen."
    if days < 0:
        message = (
            f"Aftalen sluttede {format_date(end)} og gælder ikke længere. Forhandl en ny "
            f"aftale, {_extension(document.data)}, eller skriv ned, at samarbejdet er "
            f"afsluttet. {see}"
        )
        yield _at_end(document, ENDED, message, end, days)
    elif days <= WARN_DAYS:
        when = "i dag" if days == 0 else f"om {plural(days, 'dag', 'dage')}"
        message = (
            f"Aftalen slutter {when} ({format_date(end)}). Tag stilling nu: forhandl en ny "
            f"aftale, {_extension(document.data)}, eller aftal, at den slutter. {see}"
        )
        yield _at_end(document, ENDS_SOON, message, end, days)


def _at_end(document: Document, code: Code, message: str, end: dt.date, days: int) -> Finding:
    """The finding at the end date, linking to the page on renegotiating (not the element's)."""
    return make(
        document,
        ("varighed", "slut"),
        code,
        message,
        values={"end": end.isoformat(), "days": days},
        help_url=docs_url(CHANGES_PAGE),
    )
