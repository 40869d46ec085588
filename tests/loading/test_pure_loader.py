"""The loader without libyaml: PyYAML's pure-Python SafeLoader (what a Python without the C
extension has, and the browser's Pyodide), as kbtools uses it (``yamlsource._PureLoader``),
gives the same data, positions and findings as the C loader.

Only for well-formed YAML: on malformed YAML the two parsers word (and sometimes place) their
errors differently, so the Danish explanation can differ there."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from kbtools import check_bytes
from kbtools.loading import yamlsource

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted((ROOT / "tests" / "data").rglob("*.yaml")) + sorted((ROOT / "cases").rglob("*.yaml"))
#: Well-formed YAML that the loader refuses or reads in its own way.
EDGES = [
    b"a: 1\nb:\n  c: 1\n  c: 2\n",
    "formål: 1\nforma\u030al: 2\n".encode(),
    b"a: &x 1\nb: 2\n",
    b"a: 1\nb: *x\n",
    b"a:\n  b: !hemmelig 1\n",
    b"a: 10.000\nb: 0755\nc: no\nd: 22:22\ne: 1.5\nf: ~\ng: 2025-02-30\n",
    b"a: |\n  x\n\ty\nb: >\n  z\n",
    b"? [a, b]\n: 1\n",
    b"- a\n- b\n",
    b"a: 1\n---\nb: 2\n",
    b"# intet\n",
    b"skema: partnerskabsaftale/1\nparter: {id: a, navn: 'A'}\n",
]


def _everything(raw: bytes) -> tuple[object, ...]:
    result = check_bytes(raw, "x.yaml")
    document = result.document
    if document is None:
        return (result.findings,)
    return result.findings, document.data, document.positions, document.key_positions


def test_the_c_loader_is_the_default_here() -> None:
    assert yamlsource._Loader is getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@pytest.mark.parametrize(
    "raw",
    [path.read_bytes() for path in FILES] + EDGES,
    ids=[str(path.relative_to(ROOT)) for path in FILES] + [f"edge-{n}" for n in range(len(EDGES))],
)
def test_pure_loader_gives_the_same_result(raw: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    with_c = _everything(raw)
    monkeypatch.setattr(yamlsource, "_Loader", yamlsource._PureLoader)
    assert _everything(raw) == with_c


def _tokens(loader: type[yaml.SafeLoader], text: str) -> list[tuple[object, ...]]:
    """Every token (kind, value, start and end) the loader's scanner gives, or the error."""
    found: list[tuple[object, ...]] = []
    try:
        for token in yaml.scan(text, Loader=loader):
            start, end = token.start_mark, token.end_mark
            where = (start.index, start.line, start.column, end.index, end.line, end.column)
            found.append((type(token).__name__, getattr(token, "value", None), *where))
    except yaml.YAMLError as exc:
        mark: Any = getattr(exc, "problem_mark", None)
        found.append(("error", str(getattr(exc, "problem", "")), mark and mark.index))
    return found


#: Pieces of YAML that plain texts, keys, comments, brackets and line ends are made of.
_PIECES = st.sampled_from(
    [
        "a",
        "æø",
        "x:y",
        ": ",
        ":",
        " ",
        "  ",
        "\t",
        "#",
        " #",
        "\n",
        "\n  ",
        "\r\n",
        "- ",
        "? ",
        "[",
        "]",
        "{",
        "}",
        ",",
        "?",
        "'",
        '"',
        "---",
        "...",
        "\ufeff",
        "\u2028",
        "\x85",
        "-1",
        "2027",
        "k: v",
        "\n- ",
        "|\n",
        ">-\n",
    ]
)


@settings(max_examples=400)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_the_lean_scanner_gives_pyyamls_tokens(text: str) -> None:
    """The pure loader's faster scanner: the same tokens, positions and errors as PyYAML's."""
    assert _tokens(yamlsource._PureLoader, text) == _tokens(yaml.SafeLoader, text)


def test_the_lean_scanner_reads_a_long_text_in_few_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    """A plain text of many words is read a line at a time, not a word at a time."""
    words = " ".join(f"ord{n}" for n in range(5000))
    calls: list[int] = []
    spaces = yamlsource._PureLoader.scan_plain_spaces

    def counting(self: Any, *args: Any) -> Any:
        calls.append(1)
        return spaces(self, *args)

    monkeypatch.setattr(yamlsource._PureLoader, "scan_plain_spaces", counting)
    loader = yamlsource._PureLoader(f"a: {words}\nb: 1\n")
    assert loader.get_single_data() == {"a": words, "b": 1}
    assert len(calls) < 10  # PyYAML's scanner reads the spaces after each of the 5,000 words
