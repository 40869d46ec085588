"""Datoer og varighed.

- Slutdatoen skal ligge efter startdatoen.
- Underskrifter skal være dateret (skemaet kræver ``dato``; ugyldige datoer som 2027-02-30
  fanges af skemaet).
- En varighed under fem år giver en anbefaling. CARMA (grundlagspapiret) henviser til
  internationale erfaringer, der bruger mindst fem år som succeskriterium for partnerskabers
  ressourcemæssige samarbejde. Fem år er altså et mål for samarbejdets varighed, ikke en
  garanti for resultater, og det er sitets egen regel at anbefale det.
- Et mål med en frist efter aftalens slutdato giver en advarsel.
- Et beløb i budgettet eller finansieringen for et år, aftalen ikke løber i, giver en
  advarsel (oftest en tastefejl i årstallet, fx 2072 for 2027).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from kbtools.checking.context import Context
from kbtools.checking.rules.base import items, make
from kbtools.danish import format_date, parse_iso_date
from kbtools.findings import Code, DataPath, Finding, Level
from kbtools.loading import Document

END_BEFORE_START = Code(
    "aftale-slut-foer-start",
    Level.FEJL,
    "Aftalens slutdato ligger på eller før startdatoen.",
    "Slutdatoen (1. januar 2026) ligger ikke efter startdatoen (1. januar 2027).",
)
SHORT = Code(
    "aftale-kort-varighed",
    Level.ANBEFALING,
    "Aftalen løber under fem år. Det er tilladt, men en længere tidshorisont anbefales.",
    "Aftalen løber fra 1. januar 2027 til 31. december 2028, altså under 5 år. …",
)
DEADLINE_AFTER_END = Code(
    "aftale-frist-efter-slut",
    Level.ADVARSEL,
    "Et mål har en frist, der ligger efter aftalens slutdato.",
    "Målets frist (1. juni 2032) ligger efter aftalens slutdato (31. december 2031).",
)

YEAR_OUTSIDE = Code(
    "aftale-aar-uden-for-varighed",
    Level.ADVARSEL,
    "Budgettet eller finansieringen har et beløb for et år, aftalen ikke løber i.",
    "Budgettet har et beløb for 2026, men aftalen løber fra 1. januar 2027 til 1. januar 2032. …",
)

CODES = (END_BEFORE_START, SHORT, DEADLINE_AFTER_END, YEAR_OUTSIDE)
_SECTIONS = {"budget": "Budgettet", "finansiering": "Finansieringen"}
_YEAR = re.compile(r"[0-9]{4}")

MIN_YEARS = 5


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def check(document: Document, schema: dict[str, Any], context: Context) -> Iterator[Finding]:
    duration = document.data.get("varighed")
    if not isinstance(duration, dict):
        return
    start_text, end_text = duration.get("start"), duration.get("slut")
    start = parse_iso_date(start_text) if isinstance(start_text, str) else None
    end = parse_iso_date(end_text) if isinstance(end_text, str) else None
    if start is None or end is None:
        return
    if end <= start:
        yield make(
            document,
            ("varighed", "slut"),
            END_BEFORE_START,
            f"Slutdatoen ({format_date(end)}) ligger ikke efter startdatoen "
            f"({format_date(start)}).",
        )
        return
    if end < _add_years(start, MIN_YEARS) - dt.timedelta(days=1):
        yield make(
            document,
            ("varighed", "slut"),
            SHORT,
            f"Aftalen løber fra {format_date(start)} til {format_date(end)}, altså under "
            f"{MIN_YEARS} år. Ifølge CARMA peger internationale erfaringer på mindst fem år som "
            "succeskriterium, når partnere samarbejder om ressourcer. Overvej en længere "
            "tidshorisont.",
        )
    yield from _years_outside(document, start, end)
    purpose = document.data.get("formål")
    for index, goal in items(purpose, "mål"):
        deadline_text = goal.get("frist")
        deadline = parse_iso_date(deadline_text) if isinstance(deadline_text, str) else None
        if deadline is not None and deadline > end:
            yield make(
                document,
                ("formål", "mål", index, "frist"),
                DEADLINE_AFTER_END,
                f"Målets frist ({format_date(deadline)}) ligger efter aftalens slutdato "
                f"({format_date(end)}).",
            )


def _years_outside(document: Document, start: dt.date, end: dt.date) -> Iterator[Finding]:
    """One finding per year with amounts outside the agreement's years, where it first
    occurs."""
    economy = document.data.get("økonomi")
    told: set[str] = set()
    for section, label in _SECTIONS.items():
        for index, line in items(economy, section):
            amounts = line.get("pr_år")
            if not isinstance(amounts, dict):
                continue
            for year in amounts:
                text = str(year)
                inside = _YEAR.fullmatch(text) and start.year <= int(text) <= end.year
                # a year not written as four digits is the schema's finding, not this one's
                if inside or not _YEAR.fullmatch(text) or text in told:
                    continue
                told.add(text)
                path: DataPath = ("økonomi", section, index, "pr_år", text)
                where = document.key_position_of(path)  # at the year, not the amount
                yield YEAR_OUTSIDE.finding(
                    document.file,
                    where.line,
                    where.column,
                    f"{label} har et beløb for {text}, men aftalen løber fra "
                    f"{format_date(start)} til {format_date(end)}. Ret årstallet, eller ret "
                    "varigheden, hvis aftalen skal løbe i det år.",
                    path=path,
                )
