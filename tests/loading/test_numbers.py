"""Numbers are finite and below ``MAX_NUMBER``: anything else is told once, where it stands,
and kept as the text written, so no rule, total or page ever sees an infinity."""

from __future__ import annotations

import math
import re
from pathlib import Path

from hypothesis import assume, given
from hypothesis import strategies as st

from kbtools import check_bytes
from kbtools.loading import load_bytes
from kbtools.loading.build import MAX_NUMBER

ROOT = Path(__file__).resolve().parents[2]
MINIMAL = (ROOT / "tests" / "data" / "agreements" / "valid" / "minimal.yaml").read_text("utf-8")

_THOUSANDS = re.compile(r"[-+]?[0-9]{1,3}(?:\.[0-9]{3})+")
_DIGITS = st.text("0123456789", min_size=1, max_size=6000).map(lambda d: d.lstrip("0") or "0")
_LITERALS = st.one_of(
    st.tuples(st.sampled_from(["", "-", "+"]), _DIGITS).map("".join),
    st.builds(
        lambda sign, whole, part, exponent: f"{sign}{whole}.{part}{exponent}",
        st.sampled_from(["", "-"]),
        _DIGITS,
        st.text("0123456789", min_size=1, max_size=50),
        st.one_of(st.just(""), st.integers(-400, 400).map(lambda e: f"e{e}")),
    ),
)


@given(_LITERALS)
def test_a_number_is_finite_and_bounded_or_told_and_kept_as_written(literal: str) -> None:
    assume(not _THOUSANDS.fullmatch(literal))  # »10.000«: ambiguous, told as such
    document, findings = load_bytes(f"a: {literal}\n".encode(), "x.yaml")
    assert document is not None
    value = document.data["a"]
    if isinstance(value, str):
        assert value == literal
        assert [(f.code, f.line, f.column) for f in findings] == [("yaml-for-stort-tal", 1, 4)]
        assert len(findings[0].message) < 300  # 6,000 digits are not repeated back
    else:
        assert math.isfinite(value) and abs(value) < MAX_NUMBER
        assert findings == []


def test_the_largest_number_allowed_is_read() -> None:
    document, findings = load_bytes(f"a: {MAX_NUMBER - 1}\nb: {MAX_NUMBER}\n".encode(), "x")
    assert document is not None
    assert document.data == {"a": MAX_NUMBER - 1, "b": str(MAX_NUMBER)}
    assert [f.line for f in findings] == [2]


def test_an_amount_too_large_is_one_finding_and_hides_nothing_else() -> None:
    """No internal error, no sums over the amounts left, and the other findings remain."""
    for amount in ["1.0e999", "9" * 400, "9" * 5000]:
        text = MINIMAL.replace("2027: 100, 2028: 100}, i_alt: 200", f"2027: {amount}, 2028: 100}}")
        text = text.replace("ansvar: A har ansvaret.", "ansvar: ''")
        result = check_bytes(text.encode(), "aftale.yaml")
        assert [f.code for f in result.findings] == ["yaml-for-stort-tal", "skema-tom-tekst"]
