"""En opfølgnings forbrug og aftalens budget.

Forbruget sammenlignes med budgettet i den aftale, opfølgningen følger op på.

- Forbruget skal stå i samme enhed som aftalens budget; ellers er det en fejl (og beløbene
  sammenlignes ikke).
- En post, aftalens budget ikke har, er en fejl. Ligner navnet en post, opfølgningen ikke
  allerede har et forbrug på, foreslås den.
- Har aftalens budget intet beløb for året, giver det en advarsel.
- Et forbrug på en post, der er mere end 10 % over postens budget for året, giver en
  advarsel med begge beløb og procenten.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from kbtools.amounts import exact, is_amount
from kbtools.checking.context import Context
from kbtools.checking.rules.base import items, make
from kbtools.checking.rules.followup_goals import agreement_name, closest, fold
from kbtools.danish import format_amount, format_number, quote
from kbtools.findings import Code, Finding, Level
from kbtools.loading import Document

#: Spending more than this much over a line's budget for the year gives a warning.
OVER_SHARE = Decimal("0.10")

UNIT = Code(
    "opfoelgning-enhed",
    Level.FEJL,
    "Forbruget står i en anden enhed end aftalens budget, så beløbene kan ikke sammenlignes. "
    "Brug aftalens enhed.",
    "Forbruget står i »kr.«, men aftalens budget står i »1.000 kr.«. …",
)
UNKNOWN_LINE = Code(
    "opfoelgning-ukendt-post",
    Level.FEJL,
    "Opfølgningen har et forbrug på en post, som aftalens budget ikke har. Skriv postens navn "
    "præcis, som det står i aftalen.",
    "Posten »Virksomhedsservice« står ikke i aftalens budget. Mente du »Fælles "
    "virksomhedsservice«?",
)
NO_BUDGET = Code(
    "opfoelgning-aar-uden-budget",
    Level.ADVARSEL,
    "Aftalens budget har intet beløb for opfølgningens år, så forbruget kan ikke sammenlignes "
    "med et budget.",
    "Aftalens budget (…) har intet beløb for 2027, så forbruget er ikke sammenlignet med et "
    "budget. …",
)
OVERSPENT = Code(
    "opfoelgning-overforbrug",
    Level.ADVARSEL,
    "Forbruget på en post er mere end 10 % over postens budget for året. Forklar det i "
    "opfølgningen, og tag stilling til, om budgettet skal ændres.",
    "På »Fælles virksomhedsservice« er der brugt 950 (1.000 kr.), men budgettet for 2026 er "
    "800 (1.000 kr.), altså 18,8 % over. …",
)

CODES = (UNIT, UNKNOWN_LINE, NO_BUDGET, OVERSPENT)


def check(document: Document, schema: dict[str, Any], context: Context) -> Iterator[Finding]:
    agreement = context.agreement.agreement
    spending = document.data.get("økonomi")
    if agreement is None or not isinstance(spending, dict):
        return
    economy = agreement.data.get("økonomi")
    unit = economy.get("enhed") if isinstance(economy, dict) else None
    own_unit = spending.get("enhed")
    if isinstance(unit, str) and isinstance(own_unit, str) and own_unit != unit:
        yield make(
            document,
            ("økonomi", "enhed"),
            UNIT,
            f"Forbruget står i {quote(own_unit)}, men aftalens budget står i {quote(unit)}. "
            "Skriv forbruget i aftalens enhed, så det kan sammenlignes med budgettet.",
        )
        return
    lines = budget_lines(agreement.data)
    yield from _unknown_lines(document, lines)
    year = document.data.get("år")
    if not isinstance(year, int) or isinstance(year, bool):
        return
    budget = {name: amounts[str(year)] for name, amounts in lines.items() if str(year) in amounts}
    if lines and not budget:
        yield make(
            document,
            ("år",),
            NO_BUDGET,
            f"Aftalens budget ({agreement_name(agreement)}) har intet beløb for {year}, så "
            "forbruget er ikke sammenlignet med et budget. Står året rigtigt?",
        )
        return
    yield from _overspent(document, lines, year, unit if isinstance(unit, str) else "kr.")


def budget_lines(agreement: Any) -> dict[str, dict[str, Decimal]]:
    """The agreement's budget lines: name → year (as text) → amount (exact)."""
    economy = agreement.get("økonomi") if isinstance(agreement, dict) else None
    lines: dict[str, dict[str, Decimal]] = {}
    for _, line in items(economy, "budget"):
        name, amounts = line.get("navn"), line.get("pr_år")
        if isinstance(name, str) and isinstance(amounts, dict):
            lines[name] = {
                str(year): exact(value) for year, value in amounts.items() if is_amount(value)
            }
    return lines


def _spent(document: Document) -> list[tuple[int, str, Any]]:
    """(index, post, amount) of the follow-up's spending lines with a text post."""
    found = []
    for index, item in items(document.data.get("økonomi"), "forbrug"):
        post = item.get("post")
        if isinstance(post, str) and post.strip():
            found.append((index, post, item.get("beløb")))
    return found


def _unknown_lines(document: Document, lines: dict[str, Any]) -> Iterator[Finding]:
    known = {fold(name) for name in lines}
    used = {fold(post) for _, post, _ in _spent(document)}
    unused = [name for name in lines if fold(name) not in used]
    for index, post, _ in _spent(document):
        if fold(post) in known:
            continue
        hint = closest(post, unused)
        advice = f" Mente du {quote(hint)}?" if hint else _known_words(list(lines))
        yield make(
            document,
            ("økonomi", "forbrug", index, "post"),
            UNKNOWN_LINE,
            f"Posten {quote(post)} står ikke i aftalens budget.{advice}",
        )


def _known_words(names: list[str]) -> str:
    if not names:
        return ""
    from kbtools.danish import format_list

    return f" Budgettets poster er {format_list([quote(name) for name in names])}."


def _overspent(
    document: Document, lines: dict[str, dict[str, Decimal]], year: int, unit: str
) -> Iterator[Finding]:
    names = {fold(name): name for name in lines}
    totals: dict[str, tuple[int, Decimal]] = {}
    for index, post, amount in _spent(document):
        if fold(post) in names and is_amount(amount):
            before = totals.get(fold(post), (index, Decimal(0)))[1]
            totals[fold(post)] = (index, before + exact(amount))
    for key, (index, spent) in totals.items():
        name = names[key]
        budget = lines[name].get(str(year), Decimal(0))
        if spent <= budget * (1 + OVER_SHARE):
            continue
        over = (
            f"altså {format_number(round((spent - budget) / budget * 100, 1))} % over"
            if budget > 0
            else "altså over et budget på 0"
        )
        yield make(
            document,
            ("økonomi", "forbrug", index, "beløb"),
            OVERSPENT,
            f"På {quote(name)} er der brugt {format_amount(spent, unit)}, men budgettet for "
            f"{year} er {format_amount(budget, unit)}, {over}. Forklar overforbruget i "
            "kommentaren til styregruppen, og tag stilling til, om budgettet skal ændres.",
        )
