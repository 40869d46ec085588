"""A decimal comma inside { … } is told as such, once, with advice that works when followed."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from kbtools import check_bytes
from kbtools.loading import load_bytes

ROOT = Path(__file__).resolve().parents[2]
MINIMAL = (ROOT / "tests" / "data" / "agreements" / "valid" / "minimal.yaml").read_text("utf-8")
_SUGGESTED = re.compile(r"(?:uden komma|decimaltegn): ([0-9.]+)\.")


def _follow(text: str, written: str, message: str) -> list[str]:
    """Each version of ``text`` that follows one of the advice's suggestions."""
    return [text.replace(written, value, 1) for value in _SUGGESTED.findall(message)]


@given(
    whole=st.integers(0, 99_999_999).map(str),
    fraction=st.text("0123456789", min_size=1, max_size=4),
)
def test_the_comma_is_told_once_and_each_suggestion_reads_as_the_number(
    whole: str, fraction: str
) -> None:
    written = f"{whole},{fraction}"
    text = f"a: {{x: {written}, y: 1}}\n"
    document, findings = load_bytes(text.encode(), "x.yaml")
    assert document is not None
    assert document.data["a"] == {"x": written, "y": 1}  # nothing cut, no extra key
    assert [(f.code, f.line, f.column) for f in findings] == [("yaml-decimalkomma", 1, 8)]
    followed = _follow(text, written, findings[0].message)
    assert followed
    readings = set()
    for fixed in followed:
        fixed_document, fixed_findings = load_bytes(fixed.encode(), "x.yaml")
        assert fixed_findings == []
        assert fixed_document is not None
        readings.add(Decimal(repr(fixed_document.data["a"]["x"])))
    assert Decimal(f"{whole}.{fraction}") in readings


def test_an_hour_with_a_decimal_comma_in_an_agreement_is_one_finding() -> None:
    text = MINIMAL.replace("timer: 5, pr: uge", "timer: 7,5, pr: uge")
    findings = check_bytes(text.encode(), "aftale.yaml").findings
    assert [f.code for f in findings] == ["yaml-decimalkomma"]
    assert "7.5" in findings[0].message


def test_a_budget_amount_with_a_decimal_comma_is_one_finding() -> None:
    text = MINIMAL.replace("2027: 100, 2028: 100}, i_alt: 200", "2027: 450000,50, 2028: 100}")
    findings = check_bytes(text.encode(), "aftale.yaml").findings
    assert [f.code for f in findings] == ["yaml-decimalkomma"]
    assert "450000.50" in findings[0].message


def test_a_comma_with_a_space_or_a_key_with_a_value_is_not_a_decimal_comma() -> None:
    for text in ["a: {x: 7, 5: 1}\n", "a: {x: 7,5: 1}\n", "a: [7,5]\n", "a: {x: b,5}\n"]:
        _, findings = load_bytes(text.encode(), "x.yaml")
        assert "yaml-decimalkomma" not in [f.code for f in findings], text
