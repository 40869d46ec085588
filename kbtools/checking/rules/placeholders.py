"""Skabelonens pladsholdere er udfyldt.

En ny aftale fra ``kbtools new aftale`` er fyldt med pladsholdere: tekster som »Skriv navn
her«, eksempelnavne med »Eksempelby« (fx »Jobcenter Eksempelby« og »navn@eksempelby.dk«) og
beløb på 0 i budgettet og finansieringen. Så længe de står der, er aftalen ikke færdig:

- Hver tekst, der stadig er en pladsholder, giver en advarsel på sin linje.
- Hver budget- eller finansieringspost, hvor alle beløb pr. år er 0, giver en advarsel.

Advarslerne får ``kbtools validate --strict`` til at fejle, og ``kbtools render`` laver kun
aftalen med ``--kladde`` (og mærker den KLADDE), så længe der er noget at udfylde. Id'er og
henvisninger til parter (``id`` og ``part``) tælles ikke med; dem læser underskriverne ikke.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from kbtools.checking.context import Context
from kbtools.checking.rules.base import items, make
from kbtools.findings import Code, DataPath, Finding, Level
from kbtools.loading import Document

PLACEHOLDER = Code(
    "aftale-pladsholder",
    Level.ADVARSEL,
    "En tekst fra skabelonen (»Skriv … her« eller et navn med »Eksempelby«) er ikke udfyldt.",
    "»Skriv navn her« (parter › 1 › kontakt › navn) er en pladsholder fra skabelonen. …",
)
ZERO_AMOUNTS = Code(
    "aftale-beloeb-nul",
    Level.ADVARSEL,
    "En budget- eller finansieringspost har kun beløb på 0, som i skabelonen.",
    "Budgetposten »Projektledelse« har kun beløb på 0, som i skabelonen. Skriv de rigtige beløb "
    "pr. år.",
)

CODES = (PLACEHOLDER, ZERO_AMOUNTS)

#: »Skriv … her« as the template writes it (any wording between, any case, a final period).
_WRITE_HERE = re.compile(r"\s*skriv\b.*\bher\s*[.!]?\s*\Z", re.IGNORECASE | re.DOTALL)
#: The template's example town, in names, titles and e-mail addresses.
_EXAMPLE_TOWN = re.compile(r"eksempelby", re.IGNORECASE)
#: Keys whose values are identifiers, not text anyone reads.
_IDENTIFIERS = frozenset({"id", "part", "skema"})
_SECTIONS = {"budget": "Budgetposten", "finansiering": "Finansieringsposten"}


def is_placeholder(value: str) -> bool:
    """True for a text the template wrote and nobody has replaced yet."""
    text = unicodedata.normalize("NFC", value)
    return bool(_WRITE_HERE.match(text) or _EXAMPLE_TOWN.search(text))


def describe(path: DataPath) -> str:
    """``("parter", 0, "navn")`` → ``parter › 1 › navn`` (list items counted from 1)."""
    return " › ".join(str(part + 1) if isinstance(part, int) else part for part in path)


def check(document: Document, schema: dict[str, Any], context: Context) -> Iterator[Finding]:
    yield from _texts(document)
    yield from _zero_amounts(document)


def _texts(document: Document) -> Iterator[Finding]:
    found: list[tuple[DataPath, str]] = []
    stack: list[tuple[DataPath, Any]] = [((), document.data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, dict):
            stack.extend(
                ((*path, key), child)
                for key, child in value.items()
                if isinstance(key, str) and key not in _IDENTIFIERS
            )
        elif isinstance(value, list):
            stack.extend(((*path, index), child) for index, child in enumerate(value))
        elif isinstance(value, str) and is_placeholder(value):
            found.append((path, value))
    for path, value in sorted(found, key=lambda item: _order(document, item[0])):
        yield make(
            document,
            path,
            PLACEHOLDER,
            f"»{value.strip()}« ({describe(path)}) er en pladsholder fra skabelonen. Skriv "
            "aftalens egen tekst i stedet.",
        )


def _order(document: Document, path: DataPath) -> tuple[int, int]:
    position = document.position_of(path)
    return position.line, position.column


def _zero_amounts(document: Document) -> Iterator[Finding]:
    economy = document.data.get("økonomi")
    for section, label in _SECTIONS.items():
        for index, line in items(economy, section):
            amounts = line.get("pr_år")
            if not isinstance(amounts, dict) or not amounts:
                continue
            if all(_is_zero(amount) for amount in amounts.values()) and _is_zero(
                line.get("i_alt", 0)
            ):
                name = line.get("navn")
                named = f"»{name}«" if isinstance(name, str) else f"nr. {index + 1}"
                yield make(
                    document,
                    ("økonomi", section, index, "pr_år"),
                    ZERO_AMOUNTS,
                    f"{label} {named} har kun beløb på 0, som i skabelonen. Skriv de rigtige "
                    "beløb pr. år.",
                )


def _is_zero(value: Any) -> bool:
    return not isinstance(value, bool) and isinstance(value, int | float) and value == 0
