"""Property tests: no input, however broken, makes the loader raise or give a bad position."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kbtools.findings import Finding, Level
from kbtools.loading import Document, load_bytes

_KEYS = st.sampled_from(["skema", "parter", "mål", "økonomi", "a", "2027", "ja", "ø", "o\u0308"])
_SCALARS = st.sampled_from(
    [
        "no",
        "yes",
        "on",
        "22:22",
        "0755",
        "2027-01-01",
        "10.000",
        "1.5",
        "-3",
        "~",
        "",
        "'x'",
        '"y',
        "&a x",
        "*a",
        "!!python/object/apply:os.system [x]",
        "[1, 2",
        "{a: 1}",
        "x: y",
        "\t",
    ]
)
_PIECES = st.one_of(
    st.tuples(st.sampled_from(["", "  ", "    ", "\t", " \t"]), _KEYS, st.just(": "), _SCALARS),
    st.tuples(st.sampled_from(["", "  ", "    "]), st.just("- "), _SCALARS, st.just("")),
    st.tuples(
        st.sampled_from(["---", "...", "# note", "? ", "%YAML 1.1"]),
        st.just(""),
        st.just(""),
        st.just(""),
    ),
)
_YAMLISH = st.lists(_PIECES, max_size=12).map(
    lambda lines: "\n".join("".join(parts) for parts in lines)
)


def _assert_well_formed(document: Document | None, findings: list[Finding]) -> None:
    for finding in findings:
        assert finding.line >= 1
        assert finding.column >= 1
        assert finding.message.strip()
        assert finding.code.isascii()
        assert finding.code != "yaml-uventet", finding.message  # a loader bug, caught
    if document is None:
        # Nothing loaded must always say why, as an error.
        assert any(f.level is Level.FEJL for f in findings)
    else:
        assert isinstance(document.data, dict)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_never_raise(raw: bytes) -> None:
    document, findings = load_bytes(raw, "x.yaml")
    _assert_well_formed(document, list(findings))


@settings(max_examples=200, deadline=None)
@given(_YAMLISH)
def test_yaml_like_text_never_raises(text: str) -> None:
    document, findings = load_bytes(text.encode("utf-8"), "x.yaml")
    _assert_well_formed(document, list(findings))
    if document is not None:
        # Positions recorded for loaded values lie inside the file.
        line_count = text.count("\n") + 1
        for position in document.positions.values():
            assert 1 <= position.line <= line_count + 1
            assert position.column >= 1


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_random_text_never_raises(text: str) -> None:
    document, findings = load_bytes(text.encode("utf-8", "surrogatepass"), "x.yaml")
    _assert_well_formed(document, list(findings))
