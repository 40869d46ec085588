"""kbtools.checking.validator held to jsonschema (the oracle, a dev dependency): the same errors
on mutated agreements and assessments, and the same findings on every test and example file."""

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
from kbtools.checking.validator import Validator
from kbtools.kinds import AGREEMENT, ASSESSMENT
from kbtools.loading import load_path
from kbtools.schemas import load_schema, schema_files

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted((ROOT / "tests" / "data").rglob("*.yaml")) + sorted((ROOT / "cases").rglob("*.yaml"))
SCHEMAS = [path.name.removesuffix(".schema.json") for path in schema_files()]


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
            name = ASSESSMENT.schema_name if skema == ASSESSMENT.skema else AGREEMENT.schema_name
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
    if action == "insert":
        _insert(target, drawn)
    elif path:
        _change(data, path, target, action, edge, drawn)


def _insert(target: Any, drawn: st.DataObject) -> None:
    if isinstance(target, dict):
        target[drawn.draw(KEYS)] = drawn.draw(VALUES)
    elif isinstance(target, list):
        target.insert(drawn.draw(st.integers(0, len(target))), drawn.draw(VALUES))


def _change(
    data: Any, path: tuple[Any, ...], target: Any, action: str, edge: str, drawn: st.DataObject
) -> None:
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


@pytest.mark.slow
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
