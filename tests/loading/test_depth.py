"""Deep nesting is ``yaml-for-dyb`` at the same place, whichever parser and libyaml run.

libyaml 0.2.6 and later stop at their own limit of 1000 levels with an English error; 0.2.5
has no limit; the browser's pure-Python parser has none either but is slow on deep brackets.
The loader finds the nesting from the layout before any of them runs (``loading.depth``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from kbtools.loading import load_bytes, yamlsource
from kbtools.loading.build import MAX_DEPTH
from kbtools.loading.depth import LIBYAML_LIMIT, _surely_shallow, too_deep

ROOT = Path(__file__).resolve().parents[2]
FOR_DYB = ROOT / "tests" / "data" / "agreements" / "invalid" / "for-dyb.yaml"


def _places(raw: bytes) -> list[tuple[int, int, str]]:
    _, findings = load_bytes(raw, "x.yaml")
    return [(f.line, f.column, f.code) for f in findings]


def _truth(text: str) -> tuple[int, int] | None:
    """Where the first collection deeper than MAX_DEPTH starts, by the parser's events."""
    depth = 0
    for event in yaml.parse(text, Loader=yamlsource._PureLoader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                mark: Any = event.start_mark
                return mark.line + 1, mark.column + 1
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return None


class _Libyaml026(yamlsource._PureLoader):
    """A loader that stops as libyaml 0.2.6 does at its own limit (here at any depth)."""

    def get_single_node(self) -> Any:
        mark = self.get_mark()
        raise yaml.scanner.ScannerError("while increasing flow level", mark, LIBYAML_LIMIT, mark)


def test_the_example_file_is_too_deep_with_the_installed_libyaml() -> None:
    assert _places(FOR_DYB.read_bytes()) == [(2, 107, "yaml-for-dyb")]


def test_the_example_file_is_too_deep_with_the_pure_parser(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(yamlsource, "_Loader", yamlsource._PureLoader)
    assert _places(FOR_DYB.read_bytes()) == [(2, 107, "yaml-for-dyb")]


@pytest.mark.parametrize("levels", [1500, 200_000])
def test_libyamls_own_limit_is_never_reached(levels: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlsource, "_Loader", _Libyaml026)
    raw = b"titel: " + b"[" * levels + b"]" * levels + b"\n"
    assert _places(raw) == [(1, 107, "yaml-for-dyb")]


def test_libyamls_limit_is_told_in_danish_where_ours_is_passed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Should the layout reading miss deep nesting, libyaml's error still becomes ours."""
    monkeypatch.setattr(yamlsource, "_Loader", _Libyaml026)
    monkeypatch.setattr(yamlsource, "too_deep", lambda text: None)
    _, findings = load_bytes(FOR_DYB.read_bytes(), "x.yaml")
    assert [(f.line, f.column, f.code) for f in findings] == [(2, 107, "yaml-for-dyb")]
    assert "niveauer" in findings[0].message
    assert "exceeded" not in findings[0].message


def test_200000_brackets_are_refused_before_any_parser_runs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The cheap layout count answers; neither parser (slow or recursive on such input) runs."""

    class _NoParser:
        def __init__(self, *args: object, **kwargs: object) -> None:
            raise AssertionError("a YAML parser ran")

    monkeypatch.setattr(yamlsource, "_Loader", _NoParser)
    raw = b"skema: x\ntitel: " + b"[" * 200_000 + b"]" * 200_000 + b"\n"
    assert _places(raw) == [(2, 107, "yaml-for-dyb")]


def test_an_ordinary_file_is_proven_shallow_by_a_count() -> None:
    paths = sorted((ROOT / "cases").rglob("*.yaml"))
    assert paths
    for path in paths:
        assert _surely_shallow(path.read_text(encoding="utf-8")), path


def _indentless(levels: int) -> str:
    """Each list written at its key's column: two levels per step of indentation."""
    return "a:\n" + "".join("  " * n + "- b:\n" for n in range(levels)) + "  " * levels + "- x\n"


EDGES = {
    "brackets in block text": "a: |\n  " + "[" * 300 + "\nb: 1\n",
    "brackets in quotes": 'a: "' + "[" * 300 + "\"\nb: '" + "{" * 300 + "'\n",
    "brackets in a plain text": "a: x" + "[" * 300 + "\n",
    "brackets in a comment": "a: 1 # " + "[" * 300 + "\n",
    "brackets over many lines": "a: [\n" + "[\n" * 150 + "]\n" * 151,
    "quoted text over many lines": 'a: "x\n  ' + "[" * 300 + '"\nb: ' + "[" * 150 + "]" * 150,
    "one space per level": "".join(" " * n + f"k{n}:\n" for n in range(150)) + " " * 150 + "x\n",
    "compact lists": "a:\n" + "- " * 150 + "x\n",
    "lists at their key's column": _indentless(60),
    "shallow lists at their key's column": _indentless(45),
    "quoted brackets in a list": "a: [" + ", ".join(['"["'] * 300) + "]\n",
    "quoted brackets, then deep": "a: ["
    + ", ".join(["'{'"] * 300)
    + ", "
    + "[" * 150
    + "]" * 151
    + "\n",
    "a quoted text first": "'a': 'b'\n" + "".join(" " * n + f"k{n}:\n" for n in range(150)),
    "quoted keys": "".join(" " * n + f'"k{n}": \n' for n in range(150)) + " " * 150 + "x\n",
    "flow after block": "".join("  " * n + f"k{n}:\n" for n in range(60))
    + "  " * 60
    + "v: "
    + "{a: " * 60
    + "1"
    + "}" * 60
    + "\n",
}


@pytest.mark.parametrize("text", EDGES.values(), ids=EDGES.keys())
def test_the_layout_reading_agrees_with_the_parser(text: str) -> None:
    problem = too_deep(text)
    assert (None if problem is None else (problem.line, problem.column)) == _truth(text)


#: One level of nesting: a mapping or a list, written in block or flow style.
_LEVEL = st.tuples(st.sampled_from(["map", "list"]), st.booleans(), st.booleans())


def _nest(levels: list[tuple[str, bool, bool]]) -> Any:
    """Data nested ``len(levels)`` deep, with siblings at the levels that ask for them."""
    value: Any = "x"
    for kind, sibling, _ in reversed(levels):
        if kind == "map":
            value = {"k": value, "z": "y"} if sibling else {"k": value}
        else:
            value = [value, "y"] if sibling else [value]
    return value


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(
    levels=st.lists(_LEVEL, min_size=MAX_DEPTH - 4, max_size=MAX_DEPTH + 4),
    flow=st.sampled_from([False, None, True]),
    indent=st.integers(2, 4),
    comment=st.booleans(),
)
def test_the_layout_reading_finds_what_the_parser_finds(
    levels: list[tuple[str, bool, bool]], flow: bool | None, indent: int, comment: bool
) -> None:
    data = {"skema": "partnerskabsaftale/1", "titel": _nest(levels)}
    text = yaml.dump(data, default_flow_style=flow, indent=indent, width=10_000, sort_keys=False)
    if comment:
        text = "# [[[[ {{{{ en kommentar\n" + text.replace("\n", " # [ {\n", 3)
    problem = too_deep(text)
    expected = _truth(text)
    assert (None if problem is None else (problem.line, problem.column)) == expected
