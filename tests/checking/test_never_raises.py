"""Property tests: no input — random bytes, random YAML, mutated agreements — makes the
validator raise, and every finding it gives is located and explained."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kbtools import check_bytes
from kbtools.codes import registry
from kbtools.loading import load_bytes

VALID = Path(__file__).resolve().parents[1] / "data" / "agreements" / "valid" / "minimal.yaml"
_LOADED = load_bytes(VALID.read_bytes(), "minimal.yaml")[0]
assert _LOADED is not None
# loaded as kbtools loads it: dates stay text, year keys stay text
BASE: dict[str, Any] = _LOADED.data
REGISTRY = registry()
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def validate(raw: bytes) -> None:
    for finding in check_bytes(raw, "x.yaml").findings:
        assert finding.code in REGISTRY, finding.code
        assert finding.level is REGISTRY[finding.code].level, finding.code
        assert finding.line >= 1 and finding.column >= 1
        assert finding.message.strip()
        assert finding.code not in ("intern-fejl", "yaml-uventet"), finding.message


@SETTINGS
@given(st.binary(max_size=400))
def test_random_bytes(raw: bytes) -> None:
    validate(raw)


YAML_PIECES = st.sampled_from(
    [
        "skema: partnerskabsaftale/1\n",
        "parter:\n",
        "  - ",
        "id: a\n",
        "&x ",
        "*x",
        "!!str ",
        "? ",
        ": ",
        "- ",
        "{",
        "}",
        "[",
        "]",
        ",",
        "\t",
        "  ",
        "\n",
        "'",
        '"',
        "#",
        "no",
        "0755",
        "10.000",
        "2027-02-30",
        "økonomi:",
        "formål",
        "null",
        "~",
        "---\n",
        "|\n",
        ">\n",
        "æøå",
    ]
)


@SETTINGS
@given(st.lists(YAML_PIECES, max_size=40).map("".join))
def test_random_yaml(text: str) -> None:
    validate(text.encode())


SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 10**9),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    st.lists(st.text(max_size=5), max_size=3),
)


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*prefix, index))
    return found


PATHS = _paths(BASE)[1:]


@pytest.mark.slow
@SETTINGS
@given(
    st.lists(
        st.tuples(
            st.sampled_from(PATHS), st.sampled_from(["delete", "replace", "rename"]), SCALARS
        ),
        max_size=5,
    )
)
def test_mutated_agreements(mutations: list[tuple[tuple[Any, ...], str, Any]]) -> None:
    data = yaml.safe_load(yaml.safe_dump(BASE))
    for path, action, value in mutations:
        parent: Any = data
        try:
            for part in path[:-1]:
                parent = parent[part]
            key = path[-1]
            if action == "delete":
                del parent[key]
            elif action == "replace":
                parent[key] = value
            elif isinstance(parent, dict):
                parent[f"{key}x"] = parent.pop(key)
        except (KeyError, IndexError, TypeError):
            continue
    validate(yaml.safe_dump(data, allow_unicode=True, default_flow_style=False).encode())
