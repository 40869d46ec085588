"""Amounts add up exactly, in the checks and in the signed document alike."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from kbtools import check_bytes
from kbtools.amounts import exact, exact_sum, total
from kbtools.danish import format_number
from kbtools.render.model import Table, build

ROOT = Path(__file__).resolve().parents[1]
MINIMAL = (ROOT / "tests" / "data" / "agreements" / "valid" / "minimal.yaml").read_text("utf-8")
BUDGET = "{navn: Drift, pr_år: {2027: 100, 2028: 100}, i_alt: 200}"
FUNDING = "{navn: Kommunen, pr_år: {2027: 100, 2028: 100}}"

#: Amounts as people write them: whole numbers or up to two decimals.
_AMOUNTS = st.lists(
    st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False),
    min_size=1,
    max_size=6,
)


def _agreement(amounts: list[Decimal], stated: Decimal) -> bytes:
    lines = ", ".join(f"{{navn: Post {n}, pr_år: {{2027: {a}}}}}" for n, a in enumerate(amounts))
    budget = f"  budget_i_alt: {{i_alt: {stated}}}\n  budget: [{lines}]\n"
    text = MINIMAL.replace(f"  budget:\n    - {BUDGET}\n", budget)
    return text.replace(FUNDING, f"{{navn: Kommunen, pr_år: {{2027: {stated}}}}}").encode()


def _budget_table(raw: bytes) -> Table:
    data = check_bytes(raw, "aftale.yaml").data
    tables = [b for b in build(data).blocks if isinstance(b, Table) and "Budget" in b.caption]
    return tables[0]


def test_a_float_is_taken_as_written() -> None:
    assert exact(1.1) == Decimal("1.1")
    assert total([1.1, 2.2, "x", True, None]) == Decimal("3.3")


def test_one_point_one_and_two_point_two_make_three_point_three() -> None:
    raw = _agreement([Decimal("1.1"), Decimal("2.2")], Decimal("3.3"))
    findings = check_bytes(raw, "aftale.yaml").findings
    assert [f.code for f in findings if f.level.value != "anbefaling"] == []
    assert _budget_table(raw).rows[-1] == ["I alt", "3,3", "3,3"]


@given(_AMOUNTS)
def test_stated_sums_agree_and_the_document_shows_the_exact_total(amounts: list[Decimal]) -> None:
    exact_sum = sum(amounts, Decimal(0))
    raw = _agreement(amounts, exact_sum)
    codes = [f.code for f in check_bytes(raw, "aftale.yaml").findings]
    assert not any(
        code.startswith(("aftale-sum", "aftale-finans", "aftale-post")) for code in codes
    )
    assert _budget_table(raw).rows[-1][-1] == format_number(exact_sum)


def test_a_sum_written_with_float_rounding_is_accepted() -> None:
    """The agreement builder (JavaScript) writes 1.1 + 2.2 as 3.3000000000000003."""
    raw = _agreement([Decimal("1.1"), Decimal("2.2")], Decimal("3.3000000000000003"))
    codes = [f.code for f in check_bytes(raw, "aftale.yaml").findings]
    assert not any(code.startswith(("aftale-sum", "aftale-post")) for code in codes)


#: What a draft may hold where an amount belongs: numbers, and things that are not.
_ANY_AMOUNTS = st.lists(
    st.one_of(
        st.integers(-(10**9), 10**9),
        st.floats(-(10**9), 10**9, allow_nan=False),
        st.sampled_from(["10.000", "5,5", "", True, None]),
    ),
    max_size=6,
)


@given(_ANY_AMOUNTS)
def test_a_sum_with_an_amount_that_is_not_a_number_is_none(values: list[object]) -> None:
    found = exact_sum(values)
    numbers = [v for v in values if isinstance(v, int | float) and not isinstance(v, bool)]
    if len(numbers) == len(values):
        assert found == sum((Decimal(repr(v)) for v in numbers), Decimal(0)) == total(values)
    else:
        assert found is None
