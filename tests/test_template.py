"""The template is generated from the schema, loads, and validates clean."""

from __future__ import annotations

import json
from pathlib import Path

from kbtools import check_file
from kbtools.kinds import AGREEMENT
from kbtools.loading import load_path
from kbtools.template import SCHEMA_URL, STEP_NAMES, render_template


def test_first_line_is_editor_schema_line() -> None:
    first = render_template().splitlines()[0]
    assert first == f"# yaml-language-server: $schema={SCHEMA_URL}"
    assert SCHEMA_URL.endswith("skemaer/editor/partnerskabsaftale-1.editor.json")


def test_every_top_level_element_has_title_and_step_comment() -> None:
    text = render_template()
    schema = AGREEMENT.schema
    for key, node in schema["properties"].items():
        assert f"\n{key}:" in text
        if "x-trin" in node:
            step = node["x-trin"]
            assert f"# {node['title']} (Trin {step}: {STEP_NAMES[step]}" in text
        if node.get("x-anbefalet"):
            assert f"# {node['title']} (Trin {step}: {STEP_NAMES[step]}, anbefalet)" in text


def test_template_loads_and_validates_without_errors(tmp_path: Path) -> None:
    path = tmp_path / "skabelon.yaml"
    path.write_text(render_template(), encoding="utf-8")
    document, findings = load_path(path)
    assert document is not None and findings == []
    assert set(document.data) == set(AGREEMENT.schema["properties"])
    assert [f for f in list(check_file(path).findings) if f.level.value == "fejl"] == []


def test_template_changes_when_schema_title_changes() -> None:
    schema = json.loads(json.dumps(AGREEMENT.schema))  # a copy: the loaded schema is shared
    schema["properties"]["formål"]["title"] = "Et helt nyt navn"
    assert "# Et helt nyt navn (Trin 1" in render_template(schema=schema)
