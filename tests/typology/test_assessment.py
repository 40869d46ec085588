"""Assessment files (skema: typologivurdering/1): schema, rules and the example cases."""

from __future__ import annotations

import json
from pathlib import Path

from kbtools import check_file
from kbtools.findings import Level
from kbtools.kinds import ASSESSMENT
from kbtools.schemas import schema_path
from kbtools.typology import load_typology

REPO = Path(__file__).resolve().parents[2]
CASE = REPO / "cases" / "midtby" / "vurdering-2019-03.yaml"


def _codes(path: Path) -> list[tuple[int, int, str]]:
    return [(f.line, f.column, f.code) for f in check_file(path).findings if f.level is Level.FEJL]


def test_schema_enums_agree_with_typology_data() -> None:
    schema = json.loads(schema_path("typologivurdering-1").read_text(encoding="utf-8"))
    item = schema["properties"]["parametre"]["items"]["properties"]
    typology = load_typology()
    assert tuple(item["parameter"]["enum"]) == typology.parameter_ids
    assert tuple(item["niveau"]["enum"]) == typology.level_ids
    assert tuple(item["retning"]["enum"]) == typology.level_ids
    editor = json.loads(ASSESSMENT.editor_file.read_text(encoding="utf-8"))
    parameters = editor["properties"]["parametre"]
    assert parameters["minItems"] == parameters["maxItems"] == len(typology.parameter_ids)


def test_every_field_has_danish_title_and_description() -> None:
    schema = json.loads(schema_path("typologivurdering-1").read_text(encoding="utf-8"))

    def walk(node: dict[str, object], where: str) -> None:
        assert node.get("title") and node.get("description"), where
        for key, child in dict(node.get("properties", {})).items():  # type: ignore[call-overload]
            walk(child, f"{where}.{key}")
        if isinstance(node.get("items"), dict):
            walk(node["items"], f"{where}[]")  # type: ignore[arg-type]

    walk(schema, "$")


def test_all_example_files_are_valid() -> None:
    files = sorted((REPO / "cases").glob("*/*.yaml"))
    assert len(files) >= 9
    for file in files:
        assert _codes(file) == [], file


def test_unknown_parameter_gets_did_you_mean(tmp_path: Path) -> None:
    text = CASE.read_text(encoding="utf-8").replace("parameter: mandat", "parameter: mandatt")
    bad = tmp_path / "v.yaml"
    bad.write_text(text, encoding="utf-8")
    findings = [f for f in check_file(bad).findings if f.code == "skema-vaerdi"]
    assert len(findings) == 1
    assert "Mente du »mandat«?" in findings[0].message
    assert (findings[0].line, findings[0].column) == (10, 16)  # the line of »parameter: mandatt«
    assert any(f.code == "vurdering-parameter-mangler" for f in check_file(bad).findings)


def test_duplicate_parameter_and_far_direction(tmp_path: Path) -> None:
    text = CASE.read_text(encoding="utf-8")
    text = text.replace("parameter: maal", "parameter: mandat", 1)
    text = text.replace(
        "niveau: klub\n    begrundelse: >-\n      To faste",
        "niveau: kantine\n    retning: kompagni\n    begrundelse: >-\n      To faste",
    )
    bad = tmp_path / "v.yaml"
    bad.write_text(text, encoding="utf-8")
    codes = {code for _, _, code in _codes(bad)}
    assert codes == {
        "vurdering-parameter-dobbelt",
        "vurdering-parameter-mangler",
        "vurdering-retning",
    }
    message = next(f.message for f in check_file(bad).findings if f.code == "vurdering-retning")
    assert "»Klubben«" in message and "»kompagni«" in message


def test_every_case_folder_has_a_page_and_every_page_a_case() -> None:
    """The page set follows cases/: one {lks-case} stub per folder, listed on the index."""
    folders = {p.name for p in (REPO / "cases").iterdir() if p.is_dir()}
    pages = {
        p.stem: p.read_text(encoding="utf-8")
        for p in (REPO / "docs" / "cases").glob("*.md")
        if "{lks-case}" in p.read_text(encoding="utf-8")
    }
    assert set(pages) == folders
    for name, text in pages.items():
        assert f"```{{lks-case}} {name}\n" in text
        assert "fiktivt eksempel" in text
    index = (REPO / "docs" / "cases" / "index.md").read_text(encoding="utf-8")
    globbed = ":glob:" in index and "\n*\n" in index  # a glob lists every case page
    assert globbed or all(f"\n{name}\n" in index for name in folders)
