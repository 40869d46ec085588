"""The public check API: the same findings as the CLI, for files it has never seen."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kbtools
from kbtools.kinds import AGREEMENT, ASSESSMENT
from kbtools.reporting.jsonout import finding_as_json

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted((ROOT / "cases").rglob("*.yaml")) + sorted(
    (ROOT / "tests" / "data").rglob("*.yaml")
)
TEXTS = [path.read_text("utf-8") for path in SOURCES]


def cli_findings(path: Path) -> list[dict[str, object]]:
    """What ``kbtools validate --format json`` reports for ``path``, run as a user runs it."""
    result = subprocess.run(
        [sys.executable, "-m", "kbtools.cli", "validate", "--format", "json", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    payload: dict[str, list[dict[str, object]]] = json.loads(result.stdout)
    return payload["fund"]


def as_json(result: kbtools.CheckResult) -> list[dict[str, object]]:
    return [finding_as_json(f) for f in result.findings]


def test_check_file_equals_the_cli_on_every_example_and_test_file() -> None:
    """One CLI run over all files; its findings are the API's, file by file, in order."""
    result = subprocess.run(
        [sys.executable, "-m", "kbtools.cli", "validate", "--format", "json", *map(str, SOURCES)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    from_cli = json.loads(result.stdout)["fund"]
    from_api = [entry for path in SOURCES for entry in as_json(kbtools.check_file(path))]
    key = lambda entry: (entry["fil"], entry["linje"], entry["kolonne"])  # noqa: E731
    assert sorted(from_api, key=key) == sorted(from_cli, key=key)
    assert len(from_cli) > 50


@pytest.mark.slow
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.sampled_from(TEXTS),
    cut=st.integers(min_value=0, max_value=4000),
    insert=st.sampled_from(["", "x", ": ", "\n  - ", "\t", "é", "10.000", "  ", "#", '"']),
)
def test_mutated_files_give_the_cli_findings(
    tmp_path_factory: pytest.TempPathFactory, text: str, cut: int, insert: str
) -> None:
    """Files nobody wrote by hand: the API and the CLI agree finding for finding."""
    mutated = text[:cut] + insert + text[cut + len(insert) :]
    path = tmp_path_factory.mktemp("api") / "aftale.yaml"
    path.write_text(mutated, encoding="utf-8")
    from_file = kbtools.check_file(path)
    assert as_json(from_file) == cli_findings(path)
    from_bytes = kbtools.check_bytes(mutated.encode("utf-8"), str(path))
    assert from_bytes.findings == from_file.findings


def test_result_holds_document_kind_and_sorted_findings() -> None:
    result = kbtools.check_file(ROOT / "cases" / "midtby" / "aftale.yaml")
    assert result.kind is AGREEMENT and result.document is not None
    assert result.data["skema"] == AGREEMENT.skema
    keys = [(f.line, f.column) for f in result.findings]
    assert keys == sorted(keys)
    assessment = kbtools.check_file(ROOT / "cases" / "midtby" / "vurdering-2018-03.yaml")
    assert assessment.kind is ASSESSMENT and not assessment.has_errors


def test_unloadable_and_unknown_files() -> None:
    broken = kbtools.check_bytes(b'titel: "ikke lukket\n', "x.yaml")
    assert broken.document is None and broken.kind is None and broken.has_errors
    unknown = kbtools.check_bytes(b"skema: noget/1\n", "x.yaml")
    assert unknown.document is not None and unknown.kind is None
    assert [f.code for f in unknown.findings] == ["skema-ukendt"]
    missing = kbtools.check_file(ROOT / "findes-ikke.yaml")
    assert missing.unreadable and missing.document is None


def test_kind_ids_come_from_the_schemas() -> None:
    assert AGREEMENT.skema == AGREEMENT.schema["properties"]["skema"]["const"]
    assert ASSESSMENT.skema == "typologivurdering/1"


def test_a_rule_crash_is_a_finding_and_hides_nothing_else(monkeypatch: pytest.MonkeyPatch) -> None:
    from kbtools.checking.rules import economy

    def explode(*_: object) -> None:
        raise KeyError("boom")

    path = ROOT / "tests" / "data" / "agreements" / "invalid" / "ukendt-part.yaml"
    before = {f.code for f in kbtools.check_file(path).findings}
    monkeypatch.setattr(economy, "check", explode)
    after = {f.code for f in kbtools.check_file(path).findings}
    assert after == before | {"intern-fejl"}


def test_a_skema_that_is_not_text_is_named_plainly() -> None:
    result = kbtools.check_bytes(b"skema: [partnerskabsaftale/1]\n", "x.yaml")
    (finding,) = result.findings
    assert finding.code == "skema-ukendt" and (finding.line, finding.column) == (1, 8)
    assert finding.message.startswith("»skema:« skal være en tekst, men er en liste.")
