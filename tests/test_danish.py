"""kbtools.danish: every value → Danish text conversion, and that odd values never raise."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kbtools.amounts import total
from kbtools.danish import (
    describe_value,
    format_amount,
    format_date,
    format_duration,
    format_field,
    format_list,
    format_number,
    format_value,
    parse_iso_date,
    plural,
    quote,
    yes_no,
)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0, "0"),
        (1500000, "1.500.000"),
        (-1500, "-1.500"),
        (2.5, "2,5"),
        (1234.125, "1.234,125"),
        (Decimal("10.50"), "10,5"),
        (1.1 + 2.2, "3,3"),  # 3.3000000000000003 as a binary float
        (-0.0, "0"),
        (1e20, "100.000.000.000.000.000.000"),
        (1e-7, "0,0000001"),
        (Decimal("NaN"), "ikke et tal"),
        (float("inf"), "uendeligt"),
        (float("-inf"), "minus uendeligt"),
        (float("nan"), "ikke et tal"),
    ],
)
def test_numbers_use_danish_separators(value: Any, text: str) -> None:
    assert format_number(value) == text


def test_a_number_that_is_no_number_is_returned_as_text() -> None:
    assert format_number("femten") == "femten"  # type: ignore[arg-type]


def test_amounts_keep_the_agreements_unit() -> None:
    assert format_amount(1500000) == "1.500.000 kr."
    assert format_amount(15000, "1.000 kr.") == "15.000 (1.000 kr.)"


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2027-01-15", dt.date(2027, 1, 15)),
        ("2027-02-30", None),
        ("20121212", None),  # a phone number, not a date (Python alone would accept it)
        ("2027-W01-1", None),
        (" 2027-01-15", None),
    ],
)
def test_only_real_dates_written_as_yyyy_mm_dd_are_dates(text: str, day: dt.date | None) -> None:
    assert parse_iso_date(text) == day


def test_parse_iso_date_of_something_that_is_no_text() -> None:
    assert parse_iso_date(20121212) is None  # type: ignore[arg-type]


def test_dates_are_written_the_danish_way() -> None:
    assert format_date("2026-12-03") == "3. december 2026"
    assert format_date(dt.date(2030, 5, 1)) == "1. maj 2030"
    assert format_date("snart") == "snart"
    assert format_date(12) == "12"  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ({"timer": 20, "pr": "måned"}, "20 timer pr. måned"),
        ({"timer": 1, "pr": "uge"}, "1 time pr. uge"),
        ({"timer": 2.5, "pr": "år"}, "2,5 timer pr. år"),
        ({"timer": True, "pr": "uge"}, None),
        ({"timer": "20", "pr": "uge"}, None),
        ({"timer": 20}, None),
        ("20 timer", None),
    ],
)
def test_durations(value: Any, text: str | None) -> None:
    assert format_duration(value) == text


def test_lists_counts_quotes_and_yes_no() -> None:
    assert format_list(["a", "b", "c"]) == "a, b og c"
    assert format_list(["a", "b"], "eller") == "a eller b"
    assert format_list(["a"]) == "a"
    assert format_list([]) == ""
    assert plural(1, "ændring", "ændringer") == "1 ændring"
    assert plural(3, "ændring", "ændringer") == "3 ændringer"
    assert quote("ESF") == "»ESF«"
    assert (yes_no(True), yes_no(False)) == ("ja", "nej")


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, "(tom)"),
        (True, "ja"),
        (1500, "1.500"),
        ("tekst", "»tekst«"),
        ("2027-01-01", "»2027-01-01«"),  # a text is not a date unless the schema says so
        ([], "(tom liste)"),
        (["a", 2], "»a« og 2"),
        ({}, "(tom gruppe)"),
        ({"timer": 2, "pr": None}, "timer: 2; pr: (tom)"),
        (dt.date(2027, 1, 1), "1. januar 2027"),
        (object(), "(ukendt værdi)"),
    ],
)
def test_any_value_is_readable_and_never_a_repr(value: Any, text: str) -> None:
    assert format_value(value, quoted=True) == text


@pytest.mark.parametrize(
    ("value", "kind", "text"),
    [
        ("2027-01-01", "date", "1. januar 2027"),
        ("20121212", "date", "»20121212«"),
        ("20121212", "text", "»20121212«"),
        (150000, "amount", "150.000 kr."),
        ("150000", "amount", "»150000«"),
        ({"timer": 10, "pr": "måned"}, "duration", "10 timer pr. måned"),
        ({"timer": 10}, "duration", "timer: 10"),
        ("jobcenter", "reference", "Jobcenter Eksempelby"),
        ("ukendt", "reference", "»ukendt«"),
        ("uddannelse", "choice", "uddannelse"),
        (True, "choice", "ja"),
    ],
)
def test_field_values_follow_what_the_field_holds(value: Any, kind: Any, text: str) -> None:
    names = {"jobcenter": "Jobcenter Eksempelby"}
    assert format_field(value, kind, names=names, quoted=True) == text


def test_amounts_in_another_unit_and_unquoted_texts() -> None:
    assert format_field(60, "amount", unit="1.000 kr.") == "60 (1.000 kr.)"
    assert format_field("tekst") == "tekst"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, "tom"),
        (True, "true"),
        (False, "false"),
        ("ja", "teksten »ja«"),
        (5, "tallet 5"),
        (1500000.5, "tallet 1.500.000,5"),
        ([1], "en liste"),
        ({"a": 1}, "en række nøgler"),
    ],
)
def test_describe_value_for_messages_about_a_wrong_type(value: Any, text: str) -> None:
    assert describe_value(value) == text


texts = st.text("abcæø 12-:", max_size=8)  # no letters of True, None or {…}: the check below
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | texts,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(texts, inner, max_size=3),
    max_leaves=10,
)
kinds = st.sampled_from(["text", "choice", "date", "amount", "duration", "reference"])


@given(value=json_values, kind=kinds)
def test_formatting_never_raises_and_never_shows_python_literals(value: Any, kind: Any) -> None:
    text = format_field(value, kind, quoted=True)
    assert isinstance(text, str)
    if not isinstance(value, str):
        assert "True" not in text and "None" not in text and "{" not in text


def test_a_long_text_is_shortened_where_a_message_names_it() -> None:
    described = describe_value("x" * 5000)
    assert described.endswith("(5000 tegn)") and len(described) < 120
    assert describe_value("kort") == "teksten »kort«"


# babel (a Sphinx dependency) writes numbers, dates and lists by CLDR's rules for da_DK: the
# oracle the formatter is held to.
def _cldr_number(value: Decimal) -> str:
    from decimal import localcontext

    from babel.numbers import format_decimal

    with localcontext(prec=1000):  # babel rounds in the current context (28 digits)
        text: str = format_decimal(value, locale="da_DK", decimal_quantization=False)
    return "0" if text == "-0" else text  # CLDR keeps the sign of a negative zero; readers don't


#: Numbers as people type them in a file: up to 13 digits and up to 6 decimals.
typed = st.builds(
    lambda digits, places: Decimal(digits).scaleb(-places),
    st.integers(-(10**13) + 1, 10**13 - 1),
    st.integers(0, 6),
)


@given(st.integers() | typed | st.decimals(allow_nan=False, allow_infinity=False, places=20))
def test_numbers_are_written_as_cldr_writes_them_in_danish(value: int | Decimal) -> None:
    assert format_number(value) == _cldr_number(Decimal(value))


@given(typed)
def test_a_number_typed_in_a_file_reads_as_typed(value: Decimal) -> None:
    """YAML gives a float; it is written as the decimal that was typed, never as 2.0999999…"""
    assert format_number(float(value)) == _cldr_number(value)


@given(st.lists(typed, max_size=12))
def test_sums_of_amounts_are_exact(values: list[Decimal]) -> None:
    """1,1 + 2,2 is 3,3: amounts read as floats are summed in decimal."""
    floats = [float(value) for value in values]
    assert total(floats) == sum(values, Decimal(0))
    assert format_number(total(floats)) == _cldr_number(sum(values, Decimal(0)))


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_any_float_is_written_without_artefacts(value: float) -> None:
    assert format_number(value) == _cldr_number(Decimal(f"{value:.15g}"))


@given(st.dates())
def test_dates_are_written_as_cldr_writes_them_in_danish(day: dt.date) -> None:
    from babel.dates import format_date as cldr_date

    assert format_date(day) == cldr_date(day, format="long", locale="da_DK")
    assert format_date(day.isoformat()) == format_date(day)


@given(st.lists(st.text(st.characters(codec="utf-8"), min_size=1), max_size=6))
def test_lists_are_written_as_cldr_writes_them_in_danish(items: list[str]) -> None:
    from babel.lists import format_list as cldr_list

    assert format_list(items) == cldr_list(items, locale="da_DK")
    assert format_list(items, "eller") == cldr_list(items, style="or", locale="da_DK")


def test_counts_are_grouped_like_every_other_number() -> None:
    assert plural(1500, "fil", "filer") == "1.500 filer"
    assert plural(1, "fil", "filer") == "1 fil"
