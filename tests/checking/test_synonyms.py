"""A unit written another way is answered with the unit it means (``x-synonymer``), never
with the closest spelling: »t.kr.« is »1.000 kr.«, and »kr.« would divide the budget by 1,000."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from kbtools import check_bytes
from kbtools.schemas import load_schema

ROOT = Path(__file__).resolve().parents[2]
MINIMAL = (ROOT / "tests" / "data" / "agreements" / "valid" / "minimal.yaml").read_text("utf-8")
UNIT = load_schema("partnerskabsaftale-1")["properties"]["økonomi"]["properties"]["enhed"]
SYNONYMS: dict[str, str] = UNIT["x-synonymer"]


def _with_unit(unit: str) -> str:
    return MINIMAL.replace("  enhed: kr.\n", f'  enhed: "{unit}"\n')


def _suggestion(unit: str) -> str | None:
    findings = check_bytes(_with_unit(unit).encode(), "aftale.yaml").findings
    assert [f.code for f in findings] == ["skema-vaerdi"]
    found = re.search(r"Mente du »([^«]+)«", findings[0].message)
    return found[1] if found else None


def test_every_synonym_means_an_allowed_unit() -> None:
    assert set(SYNONYMS.values()) <= set(UNIT["enum"])


@pytest.mark.parametrize(("written", "meant"), SYNONYMS.items())
def test_a_synonym_is_answered_with_the_unit_it_means_which_then_passes(
    written: str, meant: str
) -> None:
    assert _suggestion(written) == meant
    assert check_bytes(_with_unit(meant).encode(), "aftale.yaml").findings == ()


@given(
    written=st.sampled_from(sorted(SYNONYMS)),
    upper=st.booleans(),
    spaced=st.booleans(),
)
def test_case_and_spaces_do_not_matter(written: str, upper: bool, spaced: bool) -> None:
    variant = written.upper() if upper else written
    variant = variant.replace(".", ". ").strip() if spaced else variant
    assume(variant not in UNIT["enum"])  # »mio.kr.« spaced is the unit itself
    assert _suggestion(variant) == SYNONYMS[written]
