"""Data-driven acceptance tests: valid agreements pass, invalid ones give exactly the
findings listed in their trailing ``# forventet: linje:kolonne kode`` comments."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from kbtools import check_file
from kbtools.findings import Finding, Level
from kbtools.kinds import AGREEMENT

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "agreements"
VALID = sorted((DATA / "valid").glob("*.yaml")) + sorted((ROOT / "cases").rglob("aftale*.yaml"))
INVALID = sorted((DATA / "invalid").glob("*.yaml"))
EXPECTED = re.compile(r"^# forventet: (\d+):(\d+) (\S+)$", re.MULTILINE)


def check_path(path: Path) -> tuple[Finding, ...]:
    """The findings on the day the agreement starts, so that none of them runs out (whether
    an agreement runs out is tested in tests/checking/test_expiry.py)."""
    return check_file(path, today=start_of(path)).findings


def start_of(path: Path) -> dt.date | None:
    found = re.search(r"^  start: (\d{4}-\d{2}-\d{2})$", path.read_text("utf-8"), re.MULTILINE)
    return dt.date.fromisoformat(found[1]) if found else None


def expected(path: Path) -> list[tuple[int, int, str]]:
    text = path.read_text(encoding="utf-8")
    return [(int(line), int(col), code) for line, col, code in EXPECTED.findall(text)]


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name if "data" in str(p) else str(p))
def test_valid_agreements_have_no_errors_or_warnings(path: Path) -> None:
    findings = check_path(path)
    assert [f for f in findings if f.level != Level.ANBEFALING] == []


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_agreements_give_the_expected_findings(path: Path) -> None:
    wanted = expected(path)
    assert wanted, f"{path.name} lists no expected findings"
    findings = check_path(path)
    assert [(f.line, f.column, f.code) for f in findings] == wanted
    for finding in findings:
        assert finding.message and finding.help_url.startswith("https://")


def test_every_rule_code_is_exercised_by_an_invalid_example() -> None:
    exercised = {code for path in INVALID for _, _, code in expected(path)}
    rule_codes = {code.id for code in AGREEMENT.codes}
    elsewhere = {"aftale-frist-efter-slut", "aftale-udloeber-snart", "aftale-udloebet"}
    untested = rule_codes - exercised - elsewhere
    assert untested == set()


def test_deadline_after_end_is_a_warning(tmp_path: Path) -> None:
    text = (DATA / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    text = text.replace("    - mål: Et mål.\n", "    - mål: Et mål.\n      frist: 2040-01-01\n")
    path = tmp_path / "aftale.yaml"
    path.write_text(text, encoding="utf-8")
    findings = check_path(path)
    assert [(f.line, f.code, f.level) for f in findings] == [
        (18, "aftale-frist-efter-slut", Level.ADVARSEL)
    ]


def test_seed_economy_example_adds_up() -> None:
    """The KOMPETENCEFORSYNINGmidt budget (seed 004) is valid: 15.000/år, 45.000 i alt."""
    findings = check_path(ROOT / "cases" / "midtby" / "aftale.yaml")
    assert not [f for f in findings if f.code.startswith("aftale-") and f.level == Level.FEJL]


def test_recommended_elements_come_from_the_schema() -> None:
    from kbtools.checking.rules.recommended import recommended_elements

    keys = {key for key, _ in recommended_elements(AGREEMENT.schema)}
    schema_keys = {k for k, v in AGREEMENT.schema["properties"].items() if v.get("x-anbefalet")}
    assert keys == schema_keys
    assert {"værdisæt", "ændringer", "kommissorium", "møder", "læring"} <= keys
