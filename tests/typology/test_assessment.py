"""Typology assessments: schema enum agrees with the data file; rules catch bad assessments."""

from __future__ import annotations

import json
from pathlib import Path

from kbtools.checking.run import check_path
from kbtools.findings import Level
from kbtools.typology import load_typology

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = ROOT / "kbtools" / "schemas" / "typologivurdering-1.schema.json"
EXAMPLE = ROOT / "cases" / "midtby" / "vurdering-2019-03.yaml"


def _enums(node: object) -> list[list[str]]:
    found: list[list[str]] = []
    if isinstance(node, dict):
        if "enum" in node:
            found.append(list(node["enum"]))
        for value in node.values():
            found.extend(_enums(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(_enums(value))
    return found


def test_schema_parameter_enum_comes_from_typology_data() -> None:
    typology = load_typology()
    enums = _enums(json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert [p.id for p in typology.parameters] in enums
    assert list(typology.level_ids) in enums


def test_example_cases_have_no_errors() -> None:
    for path in sorted((ROOT / "cases").glob("*/*.yaml")):
        errors = [f for f in check_path(path) if f.level is Level.FEJL]
        assert errors == [], path


def test_misspelled_parameter_gets_did_you_mean(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    assert "parameter: maal\n" in text
    bad = tmp_path / "vurdering.yaml"
    bad.write_text(text.replace("parameter: maal\n", "parameter: maall\n"), encoding="utf-8")
    findings = check_path(bad)
    codes = {f.code for f in findings}
    assert "vurdering-parameter-forslag" in codes
    assert "vurdering-parameter-mangler" in codes
    suggestion = next(f for f in findings if f.code == "vurdering-parameter-forslag")
    assert "»maal«" in suggestion.message
    assert suggestion.line > 1
