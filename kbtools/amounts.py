"""Amounts added up exactly.

A float cannot hold 1.1 or 2.2 exactly, so adding them as floats gives 3.3000000000000003,
which a signed budget must never show and a check must never compare. Every amount in a file
was written as a short decimal (the loader refuses numbers of 10^12 and more), and Python's
``repr`` of such a float gives back exactly what was written, so adding ``Decimal(repr(x))``
is exact. The checks and the document both add up amounts here, so they always agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any


def is_amount(value: Any) -> bool:
    """True for a number (an int or a float, not a bool)."""
    return isinstance(value, int | float) and not isinstance(value, bool)


def exact(value: int | float) -> Decimal:
    """The number as written: 1.1 → Decimal('1.1'), not 1.100000000000000088817841970012523."""
    return Decimal(value) if isinstance(value, int) else Decimal(repr(value))


def total(values: Iterable[Any]) -> Decimal:
    """The exact sum of the numbers among ``values`` (anything else is left out)."""
    return sum((exact(value) for value in values if is_amount(value)), Decimal(0))


def exact_sum(values: Iterable[Any]) -> Decimal | None:
    """The exact sum of ``values``, or None when one of them is not a number (a draft's
    »10.000« or »5,5«): a sum that left it out would be wrong on paper."""
    found = list(values)
    return total(found) if all(map(is_amount, found)) else None
