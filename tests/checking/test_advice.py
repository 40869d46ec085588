"""Advice for a value of the wrong type is checked by following it."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from kbtools import check_bytes
from kbtools.checking.advice import number_from_text

ROOT = Path(__file__).resolve().parents[2]
MINIMAL = (ROOT / "tests" / "data" / "agreements" / "valid" / "minimal.yaml").read_text("utf-8")
_SUGGESTED = re.compile(r"(?:et tal|sådan): (-?[0-9]+(?:\.[0-9]+)?)")


def _codes(text: str) -> list[str]:
    return [f.code for f in check_bytes(text.encode(), "aftale.yaml").findings]


def _with_hours(value: str) -> str:
    return MINIMAL.replace("timer: 5, pr: uge", f"timer: {value}, pr: uge")


def test_a_year_for_a_date_is_told_to_become_a_whole_date_which_then_passes() -> None:
    text = MINIMAL.replace("start: 2027-01-01", "start: 2027")
    findings = check_bytes(text.encode(), "aftale.yaml").findings
    assert [f.code for f in findings] == ["skema-type"]
    assert "anførselstegn" not in findings[0].message
    date = re.search(r"fx ([0-9-]+)\.", findings[0].message)
    assert date is not None
    assert _codes(text.replace("start: 2027\n", f"start: {date[1]}\n")) == []


#: Texts people write where a number of hours belongs.
_HOURS = st.builds(
    lambda whole, fraction, unit, quote: f"{quote}{whole}{fraction}{unit}{quote}",
    st.integers(1, 99_999).map(str),
    st.one_of(st.just(""), st.text("0123456789", min_size=1, max_size=3).map(lambda d: "," + d)),
    st.sampled_from(["", " timer", " t.", " t"]),
    st.sampled_from(['"', "'"]),
)


@given(_HOURS)
def test_a_number_written_as_text_gets_a_number_that_passes(written: str) -> None:
    findings = check_bytes(_with_hours(written).encode(), "aftale.yaml").findings
    assert [f.code for f in findings] == ["skema-type"]
    assert "15000" not in findings[0].message  # an amount's example is no help for hours
    suggested = _SUGGESTED.search(findings[0].message)
    assert suggested is not None, findings[0].message
    assert _codes(_with_hours(suggested[1])) == []


def test_numbers_as_people_write_them() -> None:
    assert number_from_text("20") == "20"
    assert number_from_text("7,5 timer") == "7.5"
    assert number_from_text("15.000 kr.") == "15000"
    assert number_from_text("7,125") == "7.1250"  # not 7.125, which reads as 7125
    assert number_from_text("femten") is None


def test_bullets_in_a_text_where_a_list_belongs() -> None:
    text = MINIMAL.replace("værdisæt: [Åbenhed]", "værdisæt:\n  • Åbenhed\n  • Tillid")
    findings = check_bytes(text.encode(), "aftale.yaml").findings
    assert [f.code for f in findings] == ["skema-type"]
    assert "»- «" in findings[0].message
    fixed = text.replace("  • ", "  - ")
    assert _codes(fixed) == []


_LABEL = st.text("abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=8).filter(
    lambda label: not label.startswith("-")
)
_EMAILS = st.builds(lambda user, host, top: f"{user}@{host}.{top}", _LABEL, _LABEL, _LABEL)


def _with_email(email: str) -> str:
    return MINIMAL.replace("kontakt: {navn: Anne}", f'kontakt: {{navn: Anne, email: "{email}"}}')


@given(email=_EMAILS, damage=st.sampled_from(["mailto:{}", "{}.", "MAILTO:{}", "<{}>", "{};"]))
def test_an_address_copied_with_extra_characters_is_refused_and_the_repair_passes(
    email: str, damage: str
) -> None:
    assert _codes(_with_email(email)) == []
    findings = check_bytes(_with_email(damage.format(email)).encode(), "aftale.yaml").findings
    assert [f.code for f in findings] == ["skema-moenster"]
    repaired = re.search(r"Skriv den sådan: »([^«]+)«", findings[0].message)
    assert repaired is not None and repaired[1] == email
    assert _codes(_with_email(repaired[1])) == []


@given(years=st.lists(st.integers(2020, 2040), min_size=1, max_size=6, unique=True))
def test_each_budget_year_outside_the_agreement_is_one_warning(years: list[int]) -> None:
    amounts = ", ".join(f"{year}: 100" for year in years)
    text = MINIMAL.replace("pr_år: {2027: 100, 2028: 100}, i_alt: 200", f"pr_år: {{{amounts}}}")
    text = text.replace("pr_år: {2027: 100, 2028: 100}", f"pr_år: {{{amounts}}}")
    findings = check_bytes(text.encode(), "aftale.yaml").findings
    outside = [f for f in findings if f.code == "aftale-aar-uden-for-varighed"]
    expected = [year for year in years if not 2027 <= year <= 2032]
    assert [re.search(r"for (\d{4})", f.message)[1] for f in outside] == [  # type: ignore[index]
        str(year) for year in expected
    ]
    assert all(f.level.value == "advarsel" for f in outside)


def test_a_huge_number_in_quotes_is_not_repeated_back_or_suggested() -> None:
    findings = check_bytes(_with_hours('"' + "9" * 5000 + '"').encode(), "aftale.yaml").findings
    assert [f.code for f in findings] == ["skema-type"]
    assert "for stort" in findings[0].message and len(findings[0].message) < 400
