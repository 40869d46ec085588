"""Danish formatting of amounts, dates and counts, shared by render, diff and the docs."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from decimal import Decimal

MONTHS = (
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
)


def format_number(value: float | int | Decimal) -> str:
    """1500000 → '1.500.000'; 2.5 → '2,5' (Danish separators)."""
    number = Decimal(str(value))
    sign = "-" if number < 0 else ""
    number = abs(number)
    integral = int(number)
    fraction = number - integral
    grouped = f"{integral:,}".replace(",", ".")
    if fraction:
        decimals = format(fraction.normalize(), "f").split(".")[1]
        return f"{sign}{grouped},{decimals}"
    return f"{sign}{grouped}"


def format_amount(value: float | int | Decimal, unit: str = "kr.") -> str:
    """1500000 → '1.500.000 kr.'; with unit '1.000 kr.' → '15.000 (1.000 kr.)'."""
    if unit == "kr.":
        return f"{format_number(value)} kr."
    return f"{format_number(value)} ({unit})"


def parse_iso_date(text: str) -> _dt.date | None:
    """'2027-01-15' → date, or None when it is not a real ISO date."""
    try:
        return _dt.date.fromisoformat(text)
    except (TypeError, ValueError):
        return None


def format_date(value: _dt.date | str) -> str:
    """date(2027, 1, 15) or '2027-01-15' → '15. januar 2027'; other text is returned as is."""
    day = parse_iso_date(value) if isinstance(value, str) else value
    if day is None:
        return str(value)
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def plural(count: int, singular: str, plural_form: str) -> str:
    """plural(1, 'fejl', 'fejl') → '1 fejl'; plural(2, 'advarsel', 'advarsler') → '2 advarsler'."""
    return f"{count} {singular if count == 1 else plural_form}"


def format_list(items: Iterable[str]) -> str:
    """['a', 'b', 'c'] → 'a, b og c'; one item as is; no items → ''."""
    words = list(items)
    if len(words) < 2:
        return "".join(words)
    return ", ".join(words[:-1]) + " og " + words[-1]
