"""Budget og finansiering hænger sammen.

- En posts ``i_alt`` skal være summen af dens beløb ``pr_år``.
- ``budget_i_alt`` og ``finansiering_i_alt`` skal, hvis de står der, være summen af posterne,
  både pr. år og i alt.
- Finansieringen skal dække budgettet: samme beløb hvert år og i alt.

Eksempel (KOMPETENCEFORSYNINGmidt, i 1.000 kr.): et budget på 15.000 om året og 45.000 i alt,
finansieret af ESF 22.500, RM 9.000 og anden offentlig 13.500.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from kbtools.amounts import exact, is_amount
from kbtools.checking.context import Context
from kbtools.checking.rules.base import items, make
from kbtools.danish import format_number
from kbtools.findings import Code, Finding, Level
from kbtools.loading import DataPath, Document

LINE_SUM = Code(
    "aftale-post-sum",
    Level.FEJL,
    "En budget- eller finansieringspost har et »i alt«, der ikke er summen af dens beløb pr. år.",
    "»Projektledelse« har i alt 4.000, men beløbene pr. år giver 4.500.",
)
YEAR_SUM = Code(
    "aftale-sum-pr-aar",
    Level.FEJL,
    "Et års samlede budget eller finansiering er ikke summen af posterne det år.",
    "I 2027 står budgettet i alt til 15.000, men posterne giver 14.000.",
)
TOTAL_SUM = Code(
    "aftale-sum-i-alt",
    Level.FEJL,
    "Budgettet eller finansieringen i alt er ikke summen af posterne.",
    "Budgettet i alt står til 45.000, men posterne giver 44.000.",
)
FUNDING = Code(
    "aftale-finansiering",
    Level.FEJL,
    "Finansieringen dækker ikke budgettet (eller overstiger det) et år eller i alt.",
    "I 2027 er budgettet 15.000, men finansieringen er 14.000. …",
)

CODES = (LINE_SUM, YEAR_SUM, TOTAL_SUM, FUNDING)

_LABEL = {"budget": "budgettet", "finansiering": "finansieringen"}
_YEAR = re.compile(r"[0-9]{4}")


def _number(value: Any) -> Decimal | None:
    """The amount exactly as written (sums of floats would be off: 1.1 + 2.2)."""
    return exact(value) if is_amount(value) else None


#: Sums are exact; a stated sum may still be off by float rounding (the agreement builder's
#: JavaScript writes 1.1 + 2.2 as 3.3000000000000003), so differences below half an øre
#: are not differences.
_TOLERANCE = Decimal("0.005")


def _differs(a: Decimal, b: Decimal) -> bool:
    return abs(a - b) > _TOLERANCE


def _per_year(value: Any) -> dict[str, Decimal]:
    if not isinstance(value, dict):
        return {}
    result: dict[str, Decimal] = {}
    for year, amount in value.items():
        number = _number(amount)
        if number is not None:
            result[str(year)] = number
    return result


def _lines(
    document: Document, economy: dict[str, Any], section: str
) -> tuple[dict[str, Decimal], Decimal, list[Finding]]:
    """Sum a section's lines per year and in total; check each line's own i_alt."""
    per_year: dict[str, Decimal] = {}
    total = Decimal(0)
    findings: list[Finding] = []
    for index, line in items(economy, section):
        amounts = _per_year(line.get("pr_år"))
        line_sum = sum(amounts.values(), Decimal(0))
        for year, amount in amounts.items():
            per_year[year] = per_year.get(year, Decimal(0)) + amount
        total += line_sum
        stated = _number(line.get("i_alt"))
        if stated is not None and _differs(stated, line_sum):
            name = line.get("navn") if isinstance(line.get("navn"), str) else f"nr. {index + 1}"
            findings.append(
                make(
                    document,
                    ("økonomi", section, index, "i_alt"),
                    LINE_SUM,
                    f"»{name}« har i alt {format_number(stated)}, men beløbene pr. år giver "
                    f"{format_number(line_sum)}.",
                )
            )
    return per_year, total, findings


def _stated_totals(
    document: Document,
    economy: dict[str, Any],
    section: str,
    per_year: dict[str, Decimal],
    total: Decimal,
) -> Iterator[Finding]:
    key = f"{section}_i_alt"
    stated = economy.get(key)
    if not isinstance(stated, dict):
        return
    label = _LABEL[section]
    for year, amount in _per_year(stated.get("pr_år")).items():
        actual = per_year.get(year, Decimal(0))
        if _differs(amount, actual):
            path: DataPath = ("økonomi", key, "pr_år", year)
            yield make(
                document,
                path,
                YEAR_SUM,
                f"I {year} står {label} i alt til {format_number(amount)}, men posterne giver "
                f"{format_number(actual)}.",
            )
    stated_total = _number(stated.get("i_alt"))
    if stated_total is not None and _differs(stated_total, total):
        yield make(
            document,
            ("økonomi", key, "i_alt"),
            TOTAL_SUM,
            f"{label.capitalize()} i alt står til {format_number(stated_total)}, men posterne "
            f"giver {format_number(total)}.",
        )


def _amounts_are_readable(economy: dict[str, Any]) -> bool:
    """False when an amount's year is not written as a year, or an amount is not a number.

    The schema (or the loader, for »10.000« and »1.0e999«) reports that once; sums over the
    amounts that are left would only add findings about a total the user did not write.
    """
    tables = [line.get("pr_år") for section in _LABEL for _, line in items(economy, section)]
    totals = [economy.get(f"{section}_i_alt") for section in _LABEL]
    tables += [total.get("pr_år") for total in totals if isinstance(total, dict)]
    return all(
        _YEAR.fullmatch(str(year)) and _number(amount) is not None
        for table in tables
        if isinstance(table, dict)
        for year, amount in table.items()
    )


def check(document: Document, schema: dict[str, Any], context: Context) -> Iterator[Finding]:
    economy = document.data.get("økonomi")
    if not isinstance(economy, dict) or not _amounts_are_readable(economy):
        return
    budget_years, budget_total, findings = _lines(document, economy, "budget")
    yield from findings
    yield from _stated_totals(document, economy, "budget", budget_years, budget_total)
    funding_years, funding_total, findings = _lines(document, economy, "finansiering")
    yield from findings
    yield from _stated_totals(document, economy, "finansiering", funding_years, funding_total)
    if not items(economy, "budget") or not items(economy, "finansiering"):
        return
    for year in sorted(set(budget_years) | set(funding_years)):
        budget = budget_years.get(year, Decimal(0))
        funding = funding_years.get(year, Decimal(0))
        if _differs(budget, funding):
            yield make(
                document,
                ("økonomi", "finansiering"),
                FUNDING,
                f"I {year} er budgettet {format_number(budget)}, men finansieringen er "
                f"{format_number(funding)}. Finansieringen skal dække budgettet.",
            )
    if _differs(budget_total, funding_total):
        yield make(
            document,
            ("økonomi", "finansiering"),
            FUNDING,
            f"Budgettet er i alt {format_number(budget_total)}, men finansieringen er i alt "
            f"{format_number(funding_total)}.",
        )
