"""The builder shows numbers and totals byte for byte as kbtools writes them.

The builder's JavaScript (ab-numbers.mjs, through ab-values.mjs) is held to
:func:`kbtools.danish.format_number` and :func:`kbtools.amounts.total` on generated values:
negative numbers, decimals (exact: never »3,3000000000000003«), large numbers and zero, run in
Node. A JavaScript number cannot say whether a file held a whole number or a decimal, so whole
numbers are generated below 10^15 (Python writes larger ones exactly, all 16 or more digits;
kbtools reads no amount of 10^12 or more).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from nodelines import NodeLines

from kbtools.amounts import total
from kbtools.danish import format_number

ROOT = Path(__file__).resolve().parents[2]
BATCH = ROOT / "tests" / "js" / "numbers-batch.mjs"

WHOLE = st.integers(min_value=-(10**15) + 1, max_value=10**15 - 1)
#: amounts as people type them: whole kroner, øre, and the odd longer decimal
AMOUNT = st.one_of(
    WHOLE,
    st.decimals(min_value=-(10**12), max_value=10**12, places=2).map(float),
    st.decimals(min_value=-(10**6), max_value=10**6, places=6).map(float),
)
NUMBER = st.one_of(AMOUNT, st.floats(allow_nan=False, allow_infinity=False))


@pytest.fixture(scope="module")
def builder_js() -> Iterator[NodeLines]:
    """The builder's number code, in one Node process for the module."""
    with NodeLines(BATCH) as node:
        yield node


def test_known_numbers(builder_js: NodeLines) -> None:
    values: list[float | int] = [0, -0.0, 3.3000000000000003, 1.1 + 2.2, -1234.5, 1500000]
    values += [0.125, 1e21, 1e-7, -123456789012.34, 2.5e-300, 1.7976931348623157e308]
    assert builder_js.answers(list(values)) == [format_number(v) for v in values]
    assert builder_js.answers([1.1 + 2.2]) == ["3,3"]


def test_known_totals(builder_js: NodeLines) -> None:
    lists: list[list[float | int]] = [[], [1.1, 2.2], [0.1, 0.2, 0.3], [1e11, 0.001, -1e11]]
    lists += [[450000.5, 120000.25], [-1.5, 1.5], [123456.789, 0.0001]]
    shown = builder_js.answers(list(lists))
    assert shown == [format_number(total(values)) for values in lists]
    assert shown[1] == "3,3" and shown[3] == "0,001"


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(NUMBER, min_size=50, max_size=50))
def test_the_builder_shows_any_number_as_python_writes_it(
    builder_js: NodeLines, values: list[float | int]
) -> None:
    assert builder_js.answers(list(values)) == [format_number(v) for v in values]


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(AMOUNT, max_size=8), min_size=20, max_size=20))
def test_the_builder_adds_up_amounts_as_python_does(
    builder_js: NodeLines, lists: list[list[float | int]]
) -> None:
    shown = builder_js.answers(list(lists))
    assert shown == [format_number(total(values)) for values in lists]
    assert all(isinstance(total(values), Decimal) for values in lists)
