"""Rating files (skema: typologibedømmelse/1): schema, rules and codes."""

from __future__ import annotations

import json
import re
from pathlib import Path

from kbtools import check_file
from kbtools.api import check_bytes
from kbtools.kinds import ASSESSMENT, RATING, by_skema
from kbtools.schemas import schema_path
from kbtools.typology import load_typology

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data" / "bedoemmelser"


def _found(path: Path) -> list[tuple[int, int, str]]:
    return [(f.line, f.column, f.code) for f in check_file(path).findings]


def test_schema_agrees_with_the_typology_and_the_agreement() -> None:
    schema = json.loads(schema_path("typologibedoemmelse-1").read_text(encoding="utf-8"))
    typology = load_typology()
    levels = schema["properties"]["niveauer"]["properties"]
    assert tuple(levels) == typology.parameter_ids
    assert all(tuple(node["enum"]) == typology.level_ids for node in levels.values())
    assert tuple(schema["properties"]["begrundelser"]["properties"]) == typology.parameter_ids
    agreement = json.loads(schema_path("partnerskabsaftale-1").read_text(encoding="utf-8"))
    party = agreement["properties"]["parter"]["items"]["properties"]["system"]
    assert schema["properties"]["system"]["enum"] == party["enum"]
    kept = ASSESSMENT.schema["properties"]["bedømmelser"]["items"]["properties"]
    assert kept["niveauer"]["properties"].keys() == levels.keys()
    assert kept["system"]["enum"] == party["enum"]
    assert by_skema("typologibedømmelse/1") is RATING
    assert RATING.editor_file.is_file()


def test_a_valid_rating_and_the_rules() -> None:
    assert _found(DATA / "gyldig.yaml") == []
    assert _found(DATA / "fejl-begrundelse-uden-niveau.yaml") == [
        (4, 7, "bedoemmelse-dato-fremtid"),
        (8, 3, "bedoemmelse-parameter-mangler"),
        (16, 12, "bedoemmelse-begrundelse-uden-niveau"),
    ]
    messages = {f.code: f.message for f in check_file(DATA / "fejl-ukendt-parameter.yaml").findings}
    assert messages["skema-ukendt-noegle"] == "Nøglen »mandatt« findes ikke her. Mente du »mandat«?"
    assert messages["skema-vaerdi"].endswith("Mente du »klub«?")
    assert (
        "parameteren Mandat og ledelsesmæssig opbakning. Det er i orden, hvis du ikke kan "
        "vurdere den;" in messages["bedoemmelse-parameter-mangler"]
    )


def test_a_name_of_only_spaces_is_an_error() -> None:
    text = (DATA / "gyldig.yaml").read_text(encoding="utf-8")
    name = re.search(r"^navn: .*$", text, re.M)
    partnership = re.search(r"^partnerskab: .*$", text, re.M)
    assert name is not None and partnership is not None
    blank = text.replace(name.group(), 'navn: "   "').replace(
        partnership.group(), 'partnerskab: "\\t "'
    )
    result = check_bytes(blank.encode(), "b.yaml")
    found = [(f.line, f.column, f.code, f.message) for f in result.findings]
    lines = blank.splitlines()
    at = {
        key: next(i for i, line in enumerate(lines, 1) if line.startswith(key + ":"))
        for key in ("partnerskab", "navn")
    }
    assert found == [
        (
            at["partnerskab"],
            14,
            "bedoemmelse-tomt-navn",
            "»partnerskab« består kun af mellemrum. Skriv partnerskabets navn.",
        ),
        (
            at["navn"],
            7,
            "bedoemmelse-tomt-navn",
            "»navn« består kun af mellemrum. Skriv deltagerens navn.",
        ),
    ]


def test_a_combined_assessment_refuses_the_same_participant_twice() -> None:
    found = _found(DATA / "fejl-samlet-dobbelt.yaml")
    assert [code for _, _, code in found] == [
        "vurdering-bedoemmer-dobbelt",
        "vurdering-begrundelse-uden-niveau",
    ]


def test_old_assessments_stay_valid() -> None:
    """Extending typologivurdering/1 kept every assessment written before it valid."""
    for file in sorted((REPO / "cases").glob("*/vurdering-*.yaml")):
        assert check_file(file).findings == (), file
    text = (REPO / "cases" / "hedeby" / "vurdering-2025-03.yaml").read_bytes()
    assert b"bed\xc3\xb8mmelser" not in text and check_bytes(text, "v.yaml").findings == ()
