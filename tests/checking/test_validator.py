"""kbtools.checking.validator: each keyword on its own and the schemas it refuses (the property
test against jsonschema is in test_validator_oracle.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kbtools.checking.validator import SchemaError, UnsupportedSchema, Validator
from kbtools.schemas import load_schema, schema_files

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted((ROOT / "tests" / "data").rglob("*.yaml")) + sorted((ROOT / "cases").rglob("*.yaml"))
SCHEMAS = [path.name.removesuffix(".schema.json") for path in schema_files()]


def errors(schema: dict[str, Any], instance: Any) -> list[tuple[str, list[str | int]]]:
    return [(e.validator, list(e.absolute_path)) for e in Validator(schema).iter_errors(instance)]


def only(schema: dict[str, Any], instance: Any) -> SchemaError:
    found = list(Validator(schema).iter_errors(instance))
    assert len(found) == 1, found
    return found[0]


# -- keywords --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "good", "bad"),
    [
        ("string", ["", "x"], [1, None, True, [], {}]),
        ("integer", [0, -3, 10**30, 2.0], [True, False, 1.5, "1", None]),
        ("number", [0, 1.5, -2], [True, False, "1", None, []]),
        ("boolean", [True, False], [0, 1, "true", None]),
        ("null", [None], [0, "", False, []]),
        ("array", [[], [1]], [(), {}, "ab"]),
        ("object", [{}, {"a": 1}], [[], "a", None]),
    ],
)
def test_type(name: str, good: list[Any], bad: list[Any]) -> None:
    for value in good:
        assert errors({"type": name}, value) == [], value
    for value in bad:
        error = only({"type": name}, value)
        assert (error.validator, error.validator_value, error.instance) == ("type", name, value)


def test_type_list_and_message() -> None:
    assert errors({"type": ["string", "null"]}, None) == []
    error = only({"type": ["string", "null"]}, 3)
    assert error.message == "3 is not of type 'string', 'null'"


def test_enum_and_const_tell_true_from_one() -> None:
    assert errors({"enum": [1, "a"]}, 1.0) == []
    assert errors({"enum": [1, "a"]}, True) == [("enum", [])]
    assert errors({"enum": [[1], {"a": False}]}, [True]) == [("enum", [])]
    assert errors({"enum": [[1], {"a": False}]}, {"a": False}) == []
    assert errors({"const": "x"}, "x") == []
    assert only({"const": 0}, False).message == "0 was expected"


@pytest.mark.parametrize("value", ["2024-02-29", "0001-01-01", 20240101, None, ["2024-02-30"]])
def test_date_format_accepts(value: Any) -> None:
    assert errors({"format": "date"}, value) == []


@pytest.mark.parametrize(
    "value", ["2023-02-29", "2024-13-01", "2024-1-01", "20240101", "2024-01-01\n", "２０２４-01-01"]
)
def test_date_format_refuses(value: str) -> None:
    assert only({"format": "date"}, value).message == f"{value!r} is not a 'date'"


def test_pattern_searches() -> None:
    assert errors({"pattern": "b"}, "abc") == []
    assert errors({"pattern": "^b"}, "abc") == [("pattern", [])]
    assert errors({"pattern": "^b"}, 7) == []


def test_minimum_and_exclusive_minimum() -> None:
    assert errors({"minimum": 0}, 0) == []
    assert errors({"minimum": 0}, -0.5) == [("minimum", [])]
    assert errors({"exclusiveMinimum": 0}, 0) == [("exclusiveMinimum", [])]
    assert errors({"exclusiveMinimum": 0}, 0.1) == []
    assert errors({"minimum": 1, "exclusiveMinimum": 1}, False) == []  # a bool is no number
    assert errors({"minimum": 1}, "0") == []


def test_min_length_items_properties() -> None:
    assert errors({"minLength": 1}, "") == [("minLength", [])]
    assert errors({"minLength": 2}, "æ") == [("minLength", [])]
    assert errors({"minLength": 1}, []) == []
    assert errors({"minItems": 1}, []) == [("minItems", [])]
    assert errors({"minItems": 1}, "") == []
    assert errors({"minProperties": 1}, {}) == [("minProperties", [])]
    assert only({"minItems": 2}, [1]).message == "[1] is too short"
    assert errors({"maxItems": 1}, [1, 2]) == [("maxItems", [])]
    assert errors({"maxItems": 1}, [1]) == []
    assert errors({"maxItems": 0}, "ab") == []
    assert only({"maxItems": 2}, [1, 2, 3]).message == "[1, 2, 3] is too long"
    assert only({"maxItems": 0}, [1]).message == "[1] is expected to be empty"


def test_required_gives_one_error_per_missing_key_in_schema_order() -> None:
    schema = {"required": ["b", "a", "c"]}
    found = list(Validator(schema).iter_errors({"a": 1}))
    assert [e.message for e in found] == [
        "'b' is a required property",
        "'c' is a required property",
    ]
    assert all(e.validator_value == ["b", "a", "c"] and e.instance == {"a": 1} for e in found)
    assert errors(schema, ["b", "a", "c"]) == []


def test_properties_items_and_paths() -> None:
    schema = {"properties": {"a": {"items": {"properties": {"b": {"type": "string"}}}}}}
    error = only(schema, {"a": [{"b": "x"}, {"b": 2}]})
    assert list(error.absolute_path) == ["a", 1, "b"] == list(error.path)
    assert error.schema == {"type": "string"}


def test_additional_properties() -> None:
    closed = {"properties": {"a": {}}, "additionalProperties": False}
    assert errors(closed, {"a": 1}) == []
    error = only(closed, {"a": 1, "z": 2, "b": 3})
    assert (error.validator, list(error.path)) == ("additionalProperties", [])
    assert error.message == "Additional properties are not allowed ('b', 'z' were unexpected)"
    typed = {"properties": {"a": {}}, "additionalProperties": {"type": "number"}}
    assert errors(typed, {"a": "x", "2027": 1, "2028": "y"}) == [("type", ["2028"])]


def test_property_names_report_the_inner_keyword_at_the_object() -> None:
    schema = {"properties": {"år": {"propertyNames": {"pattern": "^[0-9]{4}$"}}}}
    error = only(schema, {"år": {"2027": 1, "27": 2}})
    assert (error.validator, list(error.path), error.instance) == ("pattern", ["år"], "27")
    assert error.schema == {"pattern": "^[0-9]{4}$"}


def test_ref_ignores_its_siblings_and_may_recurse() -> None:
    schema = {
        "definitions": {"node": {"title": "Node", "type": "object", "properties": {
            "next": {"$ref": "#/definitions/node", "title": "Next"}}}},
        "properties": {"root": {"$ref": "#/definitions/node", "title": "Root"}},
    }  # fmt: skip
    error = only(schema, {"root": {"next": {"next": 3}}})
    assert list(error.path) == ["root", "next", "next"]
    assert error.schema["title"] == "Node"  # draft-07: the target, not the keywords beside $ref


def test_ref_may_name_the_root_by_its_id() -> None:
    schema = {
        "$id": "https://example.org/x.schema.json",
        "definitions": {"a": {"type": "string"}},
        "properties": {"b": {"$ref": "https://example.org/x.schema.json#/definitions/a"}},
    }
    assert errors(schema, {"b": 1}) == [("type", ["b"])]


def test_errors_follow_the_schema_keyword_order() -> None:
    schema = {"minLength": 3, "pattern": "^a", "enum": ["abc"]}
    assert errors(schema, "b") == [("minLength", []), ("pattern", []), ("enum", [])]


# -- refused schemas -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "schema",
    [
        {"oneOf": [{"type": "string"}]},
        {"properties": {"a": {"anyOf": [{}]}}},
        {"allOf": [{}]},
        {"not": {}},
        {"if": {}, "then": {}},
        {"patternProperties": {"^x": {}}},
        {"maxLength": 3},
        {"uniqueItems": True},
        {"dependencies": {}},
        {"items": [{"type": "string"}]},
        {"items": True},
        {"format": "email"},
        {"type": "text"},
        {"pattern": "("},
        {"minItems": -1},
        {"required": "a"},
        {"$ref": "other.schema.json#/definitions/a"},
        {"$id": "https://example.org/x.json", "$ref": "https://example.org/y.json#/a"},
        {"$ref": "#/definitions/missing"},
        {"definitions": {"a": {"type": "string"}}, "$ref": "#/definitions/a", "minLength": 1},
        {"properties": {"a": {"$id": "#a"}}},
        {"$schema": "https://json-schema.org/draft/2020-12/schema"},
        {"definitions": {"unused": {"oneOf": []}}},
        {"propertyNames": False},
    ],
    ids=repr,
)
def test_unsupported_schemas_are_refused_when_compiled(schema: dict[str, Any]) -> None:
    with pytest.raises(UnsupportedSchema):
        Validator(schema)


def test_annotations_are_ignored() -> None:
    schema = {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": "https://example.org/x.schema.json",
        "title": "T",
        "description": "D",
        "x-side": "aftalen",
        "x-trin": 3,
        "x-nyt": {"oneOf": []},
        "errorMessage": "…",
        "markdownDescription": "…",
        "defaultSnippets": [{"body": {}}],
        "patternErrorMessage": "…",
        "examples": [{"oneOf": 1}],
        "default": {},
        "properties": {"a": {"type": "string", "x-anbefalet": True}},
    }
    assert errors(schema, {"a": 1}) == [("type", ["a"])]


@pytest.mark.parametrize("name", SCHEMAS)
def test_shipped_schemas_compile(name: str) -> None:
    Validator(load_schema(name))
