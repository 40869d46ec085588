"""Every loader finding points at the real mistake, in characters, once, in plain Danish."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from kbtools import check_bytes
from kbtools.loading import load_bytes, yamlsource

ROOT = Path(__file__).resolve().parents[2]
MINIMAL = (ROOT / "tests" / "data" / "agreements" / "valid" / "minimal.yaml").read_text("utf-8")
NBSP, ZWSP = "\u00a0", "\u200b"


def located(text: str) -> list[tuple[int, int, str]]:
    _, findings = load_bytes(text.encode("utf-8"), "aftale.yaml")
    return [(f.line, f.column, f.code) for f in findings]


def messages(text: str) -> list[str]:
    return [f.message for f in load_bytes(text.encode("utf-8"), "aftale.yaml")[1]]


@pytest.fixture(params=["c", "pure"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both PyYAML parsers (libyaml and pure Python) give the same positions and messages."""
    if request.param == "pure":
        monkeypatch.setattr(yamlsource, "_Loader", yaml.SafeLoader)
    return str(request.param)


def test_word_line_break_is_found_in_characters_not_bytes(parser: str) -> None:
    """U+000B at line 145 after nine æ, ø and å: column 19 in characters, not in bytes."""
    lines = [f"k{n}: tekst {n}" for n in range(1, 145)]
    lines.append("næste: æøå ÆØÅ æøå\x0bmere")
    document, findings = load_bytes("\n".join(lines).encode("utf-8"), "aftale.yaml")
    assert [(f.line, f.column, f.code) for f in findings] == [(145, 19, "yaml-styretegn")]
    assert "lodret tabulatortegn (U+000B)" in findings[0].message
    assert "Shift+Enter" in findings[0].message
    # the rest of the file is still read, so its other problems are not hidden
    assert document is not None and document.data["næste"] == "æøå ÆØÅ æøå mere"


def test_each_control_character_is_one_finding(parser: str) -> None:
    assert located("a: x\x0by\nb: ø\x0cz\n") == [
        (1, 5, "yaml-styretegn"),
        (2, 5, "yaml-styretegn"),
    ]


@pytest.mark.parametrize(
    ("text", "where", "name"),
    [
        (f"a:\n  b: 1\n{NBSP} c: 2\n", (3, 1), "et hårdt mellemrum (U+00A0)"),
        (f"a:\n  b: 1\n  c:{NBSP}2\n", (3, 5), "et hårdt mellemrum (U+00A0)"),
        (f"a:{NBSP}1\nb: 2\n", (1, 3), "et hårdt mellemrum (U+00A0)"),
        (f"a: 1\n{ZWSP}b: 2\n", (2, 1), "nulbredde-mellemrum"),
        ("a:\n\tb: 1\n", (2, 1), "tabulatortegn"),
        ("a: 1\nb: x\x0by\n", (2, 5), "Shift+Enter"),
        (f"liste:\n  -{NBSP}x\n  - y\n", (2, 4), "et hårdt mellemrum (U+00A0)"),
    ],
)
def test_invisible_characters_are_named_in_danish(
    parser: str, text: str, where: tuple[int, int], name: str
) -> None:
    _, findings = load_bytes(text.encode("utf-8"), "aftale.yaml")
    assert [(f.line, f.column) for f in findings] == [where]
    assert name in findings[0].message


def test_non_breaking_space_inside_a_text_is_text(parser: str) -> None:
    document, findings = load_bytes(f"navn: Anne{NBSP}Hansen\n".encode(), "aftale.yaml")
    assert findings == [] and document is not None
    assert document.data == {"navn": f"Anne{NBSP}Hansen"}


def test_unclosed_quote_is_reported_where_it_opens(parser: str) -> None:
    """The parser notices an unclosed quote at the next quote, 25 lines later."""
    lines = ['titel: "Vores aftale', *(f"k{n}: {n}" for n in range(25)), 'note: "x"', "slut: 1"]
    found = located("\n".join(lines) + "\n")
    assert found == [(1, 8, "yaml-syntaks")]
    assert "ikke lukket" in messages("\n".join(lines))[0]


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        ("a: 1\nb 2\nc: 3\n", (2, 1), "mangler et kolon"),
        ("parter:\n  - id: a\n    navn Part A\n    system: x\n", (3, 5), "mangler et kolon"),
        ("a: 1\nformål\n  mål: x\n", (2, 7), "efter »formål«"),
        ("a: 1\nvision:Flere job\n", (2, 8), "Efter kolonet mangler et mellemrum"),
        ("opgaver:\n  - Opgave A\n  Opgave B\nx: 1\n", (3, 3), "mangler »- «"),
        ("mål:\n  - mål: a\n  mål: b\n", (3, 3), "mangler »- «"),
        ("mål:\n  - mål: a\n    frist: x\n    mål: b\n    frist: y\n", (4, 5), "mangler der »- «"),
        ("mål:\n  -mål: a\n  - mål: b\n", (2, 3), "Efter »-« mangler et mellemrum"),
        ("a: {x: 1, y: 2\nb: 3\nc: 4\n", (1, 4), "»{«"),
        ("a: [x, y\nb: 3\n", (1, 4), "»[«"),
        ("a:\n  b: 1\n   c: 2\n", (3, 4), "Indrykningen passer ikke"),
        ("opgave: Opgave: at skabe job\n", (1, 15), 'opgave: "Opgave: at skabe job"'),
    ],
)
def test_syntax_mistakes_are_reported_on_their_own_line(
    parser: str, text: str, where: tuple[int, int], words: str
) -> None:
    _, findings = load_bytes(text.encode("utf-8"), "aftale.yaml")
    assert [(f.line, f.column, f.code) for f in findings] == [(*where, "yaml-syntaks")]
    assert words in findings[0].message


@pytest.mark.parametrize(
    "text",
    [
        "mål:\n  - mål: a\n    frist: x\n    mål: b\n",
        "a: 1\nb:\n  c: 1\n  c: 2\n",
        "parter:\n  - id: a\n    navn: A\n    id: b\n    navn: B\n",
    ],
)
def test_no_message_advises_deleting_data(parser: str, text: str) -> None:
    for message in messages(text):
        assert "slet" not in message.lower()


def test_values_are_nfc_normalised_like_keys(parser: str) -> None:
    """A decomposed »å« (a + ring) in a value equals the »å« the schema lists."""
    decomposed = MINIMAL.replace("pr: måned", "pr: ma\u030aned").replace("formål:", "forma\u030al:")
    assert "a\u030a" in decomposed
    result = check_bytes(decomposed.encode("utf-8"), "aftale.yaml")
    assert list(result.findings) == []
    assert result.data["ressourcer"][1]["minimumstid"]["pr"] == "måned"


def test_a_tab_between_key_and_value_is_a_space_for_both_parsers(parser: str) -> None:
    document, findings = load_bytes(b"a:\t1\nb: x\ty\t# note\n", "aftale.yaml")
    assert findings == [] and document is not None
    assert document.data == {"a": 1, "b": "x y"}


_KEY_LINE = re.compile(
    r"^(?P<indent> *)(?P<dash>- )?(?P<key>[^\s:#\"'{\[\-][^:#]*?): "
    r"(?P<value>[^\s\"'{\[|>#&*!][^#]*)$"
)
_CASES = [
    *sorted((ROOT / "cases").rglob("*.yaml")),
    ROOT / "tests/data/agreements/valid/minimal.yaml",
]
_MISTAKES = {
    "kolon": "{indent}{dash}{key} {value}",
    "mellemrum": "{indent}{dash}{key}:{value}",
    "anførselstegn": '{indent}{dash}{key}: "{value}',
    "hårdt-mellemrum": "{indent}{dash}{key}:\u00a0{value}",
    "word": "{indent}{dash}{key}: {value}\x0b",
    "bindestreg": "{indent}  {key}: {value}",
    "tabulator": "\t{indent}{dash}{key}: {value}",
    "ind": " {indent}{dash}{key}: {value}",
    "ud": "{indent}{dash}{key}: {value}",  # one space less (below)
}


@st.composite
def _one_mistake(draw: st.DrawFn) -> tuple[str, int, str]:
    """A case file with one of the usual mistakes on one key line: (text, line, kind)."""
    lines = draw(st.sampled_from(_CASES)).read_text(encoding="utf-8").split("\n")
    candidates = [(i, m) for i, line in enumerate(lines) if (m := _KEY_LINE.match(line))]
    index, match = draw(st.sampled_from(candidates))
    kinds = [
        k
        for k in _MISTAKES
        if (k != "bindestreg" or match["dash"]) and (k != "ud" or match["indent"])
    ]
    kind = draw(st.sampled_from(kinds))
    parts = {k: v or "" for k, v in match.groupdict().items()}
    if kind == "ud":
        parts["indent"] = parts["indent"][1:]
    lines[index] = _MISTAKES[kind].format(**parts)
    return "\n".join(lines), index + 1, kind


@settings(max_examples=150, deadline=None)
@given(_one_mistake(), st.sampled_from(["c", "pure"]))
def test_a_mistake_anywhere_is_reported_on_its_own_line(
    mistake: tuple[str, int, str], parser: str
) -> None:
    text, line, kind = mistake
    loader = yaml.SafeLoader if parser == "pure" else yamlsource._Loader
    original = yamlsource._Loader
    yamlsource._Loader = loader
    try:
        result = check_bytes(text.encode("utf-8"), "aftale.yaml")
    finally:
        yamlsource._Loader = original
    errors = [f for f in result.findings if f.level.value == "fejl"]
    # one space too many or too few can turn a line into text of the block (>-) above: valid
    assume(errors or kind not in ("ind", "ud"))
    assert errors, kind
    loading = [f for f in errors if f.code.startswith("yaml-")]
    assert all(f.line == line for f in loading), (kind, loading)
    assert line in {f.line for f in errors}, (kind, errors)
    if result.document is None:
        assert len(errors) == 1, (kind, errors)
