"""En opfølgning og aftalens mål.

En opfølgning kontrolleres mod den partnerskabsaftale i samme mappe, der gælder for året:
den aftale, hvis varighed omfatter opfølgningens år. Gør flere det, gælder den nyeste (efter
``versionsdato`` og ``version``).

- Findes der ingen aftale, giver det en advarsel: så er mål og budget ikke kontrolleret.
- Ligger året uden for aftalens varighed (og uden for varigheden af alle aftaler i mappen),
  er det en fejl.
- Hvert mål i aftalen skal have en status i opfølgningen. Målene nævnes med deres tekst fra
  aftalen; et mål uden status er en fejl, der nævner målet.
- Et mål, aftalen ikke har, er en fejl. Ligner teksten et af aftalens mål, som opfølgningen
  ikke allerede har en status for, foreslås det.
- Et mål med to statusser er en fejl.
- Det anbefales at skrive indikatorens værdi ved hvert mål, og hvad parterne har lært og vil
  ændre.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterator
from typing import Any

from kbtools.checking.context import AgreementChoice, Context, agreement_period
from kbtools.checking.rules.base import items, make
from kbtools.danish import format_date, format_list, quote
from kbtools.findings import Code, DataPath, Finding, Level
from kbtools.loading import Document
from kbtools.schemas.titles import title_at

NO_AGREEMENT = Code(
    "opfoelgning-ingen-aftale",
    Level.ADVARSEL,
    "Der er ingen partnerskabsaftale ved siden af opfølgningen, så dens mål og forbrug er "
    "ikke kontrolleret mod aftalen. Læg opfølgningen i samme mappe som aftalen.",
    "Der er ingen partnerskabsaftale …, så målene og forbruget er ikke kontrolleret mod aftalen. …",
)
YEAR_OUTSIDE = Code(
    "opfoelgning-aar-uden-for-aftale",
    Level.FEJL,
    "Opfølgningens år ligger uden for aftalens varighed.",
    "Opfølgningen er for 2031, men aftalen (…) løber fra 1. januar 2025 til 31. december 2029. …",
)
GOAL_MISSING = Code(
    "opfoelgning-maal-mangler",
    Level.FEJL,
    "Et af aftalens mål har ingen status i opfølgningen. Hvert mål skal have en status.",
    "Målet »80 virksomheder har fået et fælles besøg om året.« fra aftalen har ingen status. …",
)
GOAL_UNKNOWN = Code(
    "opfoelgning-ukendt-maal",
    Level.FEJL,
    "Opfølgningen har en status for et mål, som aftalen ikke har. Skriv målet præcis, som det "
    "står i aftalen.",
    "Målet »80 virksomheder har fået et besøg.« står ikke i aftalen. Mente du »…«?",
)
GOAL_TWICE = Code(
    "opfoelgning-maal-dobbelt",
    Level.FEJL,
    "Det samme mål har to statusser i opfølgningen. Hvert mål skal have én status.",
    "Målet »…« har allerede en status (nr. 1). Slet den ene, så målet har én status.",
)
RECOMMENDED = Code(
    "opfoelgning-anbefalet",
    Level.ANBEFALING,
    "Et felt, som opfølgningen anbefaler (men ikke kræver), mangler: indikatorens værdi ved et "
    "mål, hvad parterne har lært, eller hvad de vil ændre.",
    "Overvej at tilføje »læring« (Det har vi lært). Det er ikke et krav, men vidensbasen "
    "anbefaler det.",
    template="Overvej at tilføje {key}. Det er ikke et krav, men vidensbasen anbefaler det.",
)

CODES = (NO_AGREEMENT, YEAR_OUTSIDE, GOAL_MISSING, GOAL_UNKNOWN, GOAL_TWICE, RECOMMENDED)


def check(document: Document, schema: dict[str, Any], context: Context) -> Iterator[Finding]:
    yield from _recommended(document, schema)
    choice = context.agreement
    if choice.agreement is None:
        yield _no_agreement(document, choice)
        return
    yield from _goals(document, goal_texts(choice.agreement.data))


def goal_texts(agreement: Any) -> list[str]:
    """The texts of the agreement's goals (``formål.mål[].mål``), in the agreement's order."""
    purpose = agreement.get("formål") if isinstance(agreement, dict) else None
    return [goal["mål"] for _, goal in items(purpose, "mål") if isinstance(goal.get("mål"), str)]


def agreement_name(document: Document) -> str:
    """How a message names an agreement: its file and version (»aftale.yaml, version 2«)."""
    version = document.data.get("version") if isinstance(document.data, dict) else None
    return f"{document.file}, version {version}" if version not in (None, "") else document.file


def _no_agreement(document: Document, choice: AgreementChoice) -> Finding:
    year = document.data.get("år")
    if not choice.candidates or not isinstance(year, int) or isinstance(year, bool):
        return make(
            document,
            (),
            NO_AGREEMENT,
            "Der er ingen partnerskabsaftale i samme mappe som opfølgningen, så målene og "
            "forbruget er ikke kontrolleret mod aftalen. Læg opfølgningen i samme mappe som "
            "den aftale, den følger op på.",
        )
    periods = [_period_words(c) for c in choice.candidates]
    return make(
        document,
        ("år",),
        YEAR_OUTSIDE,
        f"Opfølgningen er for {year}, men {format_list(periods)}. Ret året, eller læg "
        "opfølgningen ved den aftale, der gælder for året.",
    )


def _period_words(agreement: Document) -> str:
    span = agreement_period(agreement.data)
    name = agreement_name(agreement)
    if span is None:
        return f"aftalen ({name}) har ingen gyldig varighed"
    return f"aftalen ({name}) løber fra {format_date(span[0])} til {format_date(span[1])}"


def fold(text: str) -> str:
    """Goals compare without case, extra spaces or Unicode spelling differences."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _goals(document: Document, goals: list[str]) -> Iterator[Finding]:
    known = {fold(goal): goal for goal in goals}
    covered: dict[str, int] = {}
    unknown: list[tuple[int, str]] = []
    for index, item in items(document.data, "mål"):
        text = item.get("mål")
        if not isinstance(text, str) or not text.strip():
            continue  # the schema says what is wrong with it
        key = fold(text)
        if key not in known:
            unknown.append((index, text))
        elif key in covered:
            yield make(
                document,
                ("mål", index, "mål"),
                GOAL_TWICE,
                f"Målet {quote(known[key])} har allerede en status (nr. {covered[key] + 1}). "
                "Slet den ene, så målet har én status.",
            )
        else:
            covered[key] = index
    open_goals = [goal for goal in goals if fold(goal) not in covered]
    suggested: set[str] = set()
    for index, text in unknown:
        hint = closest(text, open_goals)
        if hint is not None:
            suggested.add(hint)  # one mistake, one finding: the suggestion names the goal
        yield _unknown(document, index, text, hint)
    if isinstance(document.data.get("mål"), list):
        for goal in open_goals:
            if goal in suggested:
                continue
            yield make(
                document,
                ("mål",),
                GOAL_MISSING,
                f"Målet {quote(goal)} fra aftalen har ingen status. Tilføj det med en status: "
                "nået, på vej, ikke nået eller opgivet.",
            )


def _unknown(document: Document, index: int, text: str, hint: str | None) -> Finding:
    advice = f" Mente du {quote(hint)}?" if hint else " Skriv målet præcis, som det står i aftalen."
    return make(
        document,
        ("mål", index, "mål"),
        GOAL_UNKNOWN,
        f"Målet {quote(text)} står ikke i aftalen.{advice}",
    )


#: How alike a text must be to a name to be suggested (difflib's ratio, case folded).
SIMILAR = 0.6


def closest(text: str, candidates: list[str]) -> str | None:
    """The candidate most like ``text`` (at least :data:`SIMILAR` alike), or None. Goals and
    budget lines are few and may be long, so every one is compared."""
    best, score = None, SIMILAR
    for candidate in candidates:
        ratio = difflib.SequenceMatcher(None, fold(text), fold(candidate)).ratio()
        if ratio >= score:
            best, score = candidate, ratio
    return best


def _recommended(document: Document, schema: dict[str, Any]) -> Iterator[Finding]:
    """What the schema recommends (``x-anbefalet``, and the value of each goal's indicator)."""
    root = document.position_of(())
    for key, spec in schema.get("properties", {}).items():
        if spec.get("x-anbefalet") and key not in document.data:
            yield _recommend(document, (key,), root.line, root.column, schema)
    for index, item in items(document.data, "mål"):
        if "værdi" not in item:
            where = document.position_of(("mål", index))
            yield _recommend(document, ("mål", index, "værdi"), where.line, where.column, schema)


def _recommend(
    document: Document, path: DataPath, line: int, column: int, schema: dict[str, Any]
) -> Finding:
    key = str(path[-1])
    return RECOMMENDED.finding(
        document.file, line, column, path=path, title=title_at(schema, path), values={"key": key}
    )
