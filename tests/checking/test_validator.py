"""kbtools.checking.validator: each keyword on its own, the schemas it refuses, and a property
test holding it to jsonschema (the oracle, a dev dependency) on mutated agreements and
assessments."""

from __future__ import annotations

import copy
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kbtools.checking.schema as schema_module
from kbtools import check_file
from kbtools.checking.validator import SchemaError, UnsupportedSchema, Validator
from kbtools.loading import load_path
from kbtools.schemas import AGREEMENT_SCHEMA, load_schema, schema_files

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


# -- the oracle ------------------------------------------------------------------------------


def _oracle(name: str) -> jsonschema.Draft7Validator:
    checker = jsonschema.FormatChecker(formats=["date"])
    return jsonschema.Draft7Validator(load_schema(name), format_checker=checker)


ORACLES = {name: _oracle(name) for name in SCHEMAS}
OURS = {name: Validator(load_schema(name)) for name in SCHEMAS}


def _samples() -> list[tuple[str, Any]]:
    """(schema name, data) of every file that loads, as kbtools loads it (dates stay text)."""
    found = []
    for path in FILES:
        document, _ = load_path(path)
        if document is not None:
            skema = document.data.get("skema")
            name = "typologivurdering-1" if skema == "typologivurdering/1" else AGREEMENT_SCHEMA
            found.append((name, document.data))
    assert len(found) > 20
    return found


SAMPLES = _samples()


def _keys(node: Any) -> set[str]:
    if isinstance(node, dict):
        found = set(node.get("properties", {}))
        return found.union(*(_keys(value) for value in node.values()))
    if isinstance(node, list):
        return set().union(*(_keys(value) for value in node))
    return set()


KEYS = st.one_of(
    st.sampled_from(sorted(set().union(*(_keys(load_schema(name)) for name in SCHEMAS)))),
    st.sampled_from(["2027", "27", "år", "x-ekstra", "1"]),
    st.text(max_size=6),
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=8),
    st.sampled_from(
        [0.0, 1.0, -0.0, "", "2025-03-15", "2025-02-30", "2025-3-15", "2025-03-15\n", "kantine",
         "klub", "mandat", "partnerskabsaftale/1", "typologivurdering/1", "a@b.dk", "a@b", "måned",
         "part-1", "Part 1", "jobcenter", "ja"]
    ),
)  # fmt: skip
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(KEYS, inner, max_size=3)),
    max_leaves=6,
)
ACTIONS = st.sampled_from(["delete", "replace", "rename", "insert", "empty", "retype", "edge"])
#: Values at the edges of what the schemas allow, for a number, a text or a key.
EDGES = {
    "number": st.sampled_from([0, 0.0, -1, -0.5, 1e-9, True, False, "5", None]),
    "text": st.sampled_from(["", " ", "2025-02-29", "2024-02-29", "2025-13-01", "Part", "a b"]),
    "key": st.sampled_from(["27", "2027", "20277", "år", "", "x"]),
}


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], Any]]:
    found = [(prefix, data)]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*prefix, index))
    return found


def _retyped(value: Any) -> Any:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return int(value) if value.isdigit() else len(value)
    return None


def _mutate(data: Any, drawn: st.DataObject) -> None:
    action = drawn.draw(ACTIONS)
    paths = _paths(data)
    edge = drawn.draw(st.sampled_from(sorted(EDGES)))
    if action == "edge":  # aim at numbers, texts and keys, where minimum, format … apply
        wanted = {"number": int | float, "text": str, "key": object}[edge]
        leaves = [(p, v) for p, v in paths if p and isinstance(v, wanted)]
        leaves = [(p, v) for p, v in leaves if not isinstance(v, bool | dict | list)]
        paths = leaves or paths
    path, target = drawn.draw(st.sampled_from(paths))
    if action == "insert" and isinstance(target, dict):
        target[drawn.draw(KEYS)] = drawn.draw(VALUES)
        return
    if action == "insert" and isinstance(target, list):
        target.insert(drawn.draw(st.integers(0, len(target))), drawn.draw(VALUES))
        return
    if not path:
        return
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    key = path[-1]
    if action == "delete":
        del parent[key]
    elif action == "rename" and isinstance(parent, dict):
        parent[drawn.draw(KEYS)] = parent.pop(key)
    elif action == "empty":
        parent[key] = type(target)() if isinstance(target, dict | list | str) else None
    elif action == "retype":
        parent[key] = _retyped(target)
    elif action == "edge" and edge == "key" and isinstance(parent, dict):
        parent[drawn.draw(EDGES["key"])] = parent.pop(key)
    elif action == "edge":
        parent[key] = drawn.draw(EDGES["text" if isinstance(target, str) else "number"])
    else:
        parent[key] = drawn.draw(VALUES)


def _as_checked(found: Iterable[Any]) -> list[tuple[Any, ...]]:
    """Errors in check_schema's order, with everything kbtools' translation reads."""
    ordered = sorted(found, key=lambda e: list(map(str, e.path)))
    return [
        (e.validator, list(e.absolute_path), e.message, e.validator_value, e.instance, e.schema)
        for e in ordered
    ]


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(range(len(SAMPLES))), st.integers(0, 4), st.data())
def test_same_errors_as_jsonschema(sample: int, other: int, data: st.DataObject) -> None:
    name, document = SAMPLES[sample]
    if not other:  # now and then against the other file kind's schema
        name = data.draw(st.sampled_from(SCHEMAS))
    document = copy.deepcopy(document)
    for _ in range(data.draw(st.integers(0, 6))):
        _mutate(document, data)
    ours = list(OURS[name].iter_errors(document))
    theirs = list(ORACLES[name].iter_errors(document))
    assert {(e.validator, tuple(e.absolute_path)) for e in ours} == {
        (e.validator, tuple(e.absolute_path)) for e in theirs
    }
    assert _as_checked(ours) == _as_checked(theirs)


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_findings_are_those_jsonschema_gave(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test and example file: the same findings as with jsonschema in validator_for.

    jsonschema cannot tell that a ``propertyNames`` error is about a key, so there our
    ``skema-noegle`` at the key is its ``skema-moenster`` at the mapping."""
    ours = check_file(path).findings
    monkeypatch.setattr(schema_module, "validator_for", ORACLES.__getitem__)
    theirs = check_file(path).findings
    if any(f.code == "skema-noegle" for f in ours):
        assert [_as_pattern(f) for f in ours] == [(f.code, f.path) for f in theirs]
    else:
        assert theirs == ours


def _as_pattern(finding: Any) -> tuple[str, tuple[str | int, ...]]:
    if finding.code == "skema-noegle":
        return "skema-moenster", finding.path[:-1]
    return finding.code, finding.path
