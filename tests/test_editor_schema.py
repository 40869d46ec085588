"""The generated editor schemas (kbtools.editor): Danish help, and the rules of the source.

The editor schema may say a rule differently (``propertyNames`` instead of
``additionalProperties: false``, ``patternProperties`` for the year tables), but it must accept
and refuse the same data as the kind's schema, except for what ``x-hver-én-gang`` adds (a rule
``kbtools validate`` checks in code).
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from kbtools.editor import editor_schema, leaf_message
from kbtools.kinds import KINDS, Kind, by_skema
from kbtools.loading import load_path

REPO = Path(__file__).resolve().parents[1]
FILES = sorted((REPO / "tests" / "data").rglob("*.yaml")) + sorted((REPO / "cases").rglob("*.yaml"))


def _walk(node: Any, where: str = "#") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        yield where, node
        for key, value in node.items():
            yield from _walk(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk(value, f"{where}/{index}")


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.schema_name)
def test_error_messages_never_hide_a_missing_element(kind: Kind) -> None:
    for where, node in _walk(editor_schema(kind)):
        if "errorMessage" in node and node.get("type") == "object":
            assert "required" not in node and "properties" not in node, where


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.schema_name)
def test_every_field_with_a_value_has_a_danish_message(kind: Kind) -> None:
    schema = editor_schema(kind)
    assert "definitions" not in schema and "$ref" not in str(schema)
    leaves = [
        (where, node)
        for where, node in _walk(schema)
        if node.get("title")
        and node.get("type") not in ("object", "array")
        and "/properties/" in where
    ]
    assert leaves
    for where, node in leaves:
        assert str(node.get("errorMessage", "")).startswith("»"), where
        assert "markdownDescription" in node and "Læs mere" in node["markdownDescription"], where


def test_leaf_messages_say_how_to_write_the_value() -> None:
    assert leaf_message({"type": "string", "format": "date"}, "Start") == (
        "»Start« skal være en dato skrevet som ÅÅÅÅ-MM-DD, fx 2027-01-15."
    )
    amount = leaf_message({"type": "number", "minimum": 0}, "Beløb")
    assert amount.startswith("»Beløb« skal være et tal på mindst 0.") and "15000" in amount
    assert "true eller false" in leaf_message({"type": "boolean"}, "LKS-aftale")
    assert "uge, måned, år" in leaf_message({"enum": ["uge", "måned", "år"]}, "Pr.")


def _without_editor_rules(schema: dict[str, Any]) -> dict[str, Any]:
    schema = copy.deepcopy(schema)
    for _, node in _walk(schema):
        node.pop("allOf", None)  # x-hver-én-gang, checked by a rule in kbtools validate
    return schema


def _variants(data: Any) -> Iterator[Any]:
    yield data
    if not isinstance(data, dict):
        return
    count = sum(1 for _ in _walk(data))
    for index in range(count):  # at every depth: a key misspelt (»2017« → »2017x«)
        changed = copy.deepcopy(data)
        _, node = list(_walk(changed))[index]
        if node:
            first = next(iter(node))
            node[f"{first}x"] = node.pop(first)
            yield changed
    for key in list(data):
        without = {k: v for k, v in data.items() if k != key}
        yield without
        yield {**without, key + "x": data[key]}
        yield {**data, key: "x"}


def _validators(kind: Kind) -> tuple[jsonschema.Draft7Validator, jsonschema.Draft7Validator]:
    checker = jsonschema.FormatChecker(formats=["date"])
    editor = _without_editor_rules(editor_schema(kind))
    return (
        jsonschema.Draft7Validator(kind.schema, format_checker=checker),
        jsonschema.Draft7Validator(editor, format_checker=checker),
    )


def test_editor_schema_accepts_and_refuses_what_the_schema_does() -> None:
    validators = {kind.schema_name: _validators(kind) for kind in KINDS}
    compared = 0
    for path in FILES:
        document, _ = load_path(path)
        data = document.data if document is not None else None
        kind = by_skema(data.get("skema")) if isinstance(data, dict) else None
        if kind is None:
            continue
        source, editor = validators[kind.schema_name]
        for variant in _variants(data):
            assert source.is_valid(variant) == editor.is_valid(variant), path
            compared += 1
    assert compared > 100
