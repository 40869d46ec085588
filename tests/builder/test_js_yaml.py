"""The builder's YAML writer (JavaScript, ab-yaml.mjs) writes text that YAML reads back as
exactly the data it was given, for generated documents (run in Node).

YAML as kbtools reads it: PyYAML's safe loader, dates kept as text. (kbtools' own loader then
also tidies keys, e.g. drops a soft hyphen; that is the same for any file and tested there.)"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from nodelines import NodeLines

ROOT = Path(__file__).resolve().parents[2]
BATCH = ROOT / "tests" / "js" / "yaml-batch.mjs"

# texts as people type and paste them: Danish letters, YAML's special characters, line
# breaks, leading and trailing spaces, look-alikes of numbers, dates and booleans
TEXT = st.one_of(
    st.text(st.characters(codec="utf-8"), max_size=30),  # utf-8: no lone surrogates
    st.sampled_from(
        [
            "ja",
            "nej",
            "yes",
            "No",
            "ON",
            "~",
            "null",
            "2027",
            "2027-12-31",
            "1.500",
            "1,5",
            "0x1F",
            "- punkt",
            "a: b",
            "tekst # ikke kommentar",
            "'",
            '"',
            "|",
            ">",
            "*alias",
            "&anker",
            "!tag",
            "%",
            "@",
            "`",
            "æ\nø\nå\n",
            "\n",
            " ",
            "\t",
            "linje\r\nto",
            "\u2028",
            "\ufeffx",
        ]
    ),
)
KEY = st.one_of(TEXT.filter(bool), st.sampled_from(["titel", "parter", "2027", "id"]))
SCALAR = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e15, max_value=1e15),
    TEXT,
)
DOCUMENT = st.dictionaries(
    KEY,
    st.recursive(
        SCALAR,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEY, inner, max_size=4),
        max_leaves=12,
    ),
    min_size=1,
    max_size=6,
)


@pytest.fixture(scope="module")
def builder_js() -> Iterator[NodeLines]:
    """The builder's YAML writer, in one Node process for the module."""
    with NodeLines(BATCH) as node:
        yield node


class _TextDates(yaml.SafeLoader):
    """PyYAML's safe loader without its timestamp type: 2027-12-31 stays a text, as in kbtools."""


_TextDates.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_back(text: str) -> Any:
    return as_javascript_has_it(yaml.load(text, Loader=_TextDates))


def as_javascript_has_it(value: Any) -> Any:
    """A document as JavaScript holds it: every key of an object is a string (a budget's year
    2027 is the key "2027"), which the writer writes as a plain number again."""
    if isinstance(value, dict):
        return {str(key): as_javascript_has_it(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_javascript_has_it(item) for item in value]
    return value


@pytest.mark.slow
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(DOCUMENT, min_size=10, max_size=10))
def test_python_reads_back_what_the_builder_writes(
    builder_js: NodeLines, documents: list[dict[str, Any]]
) -> None:
    for document, text in zip(documents, builder_js.answers(documents), strict=True):
        assert read_back(text) == document, text


def test_a_float_that_javascript_writes_with_an_exponent_stays_a_number(
    builder_js: NodeLines,
) -> None:
    (text,) = builder_js.answers([{"beløb": 1e21, "lille": 1e-7}])
    assert read_back(text) == {"beløb": 1e21, "lille": 1e-7}


def _generated_agreements() -> list[dict[str, Any]]:
    """Agreements as ``kbtools new`` generates them, with texts people type in filled in."""
    from kbtools.template import DEFAULT_PARTIES, Party, skeleton

    plain = skeleton(DEFAULT_PARTIES)
    typed = skeleton([*DEFAULT_PARTIES[:2], Party("vuc", "VUC: Fjordland", "uddannelse")])
    typed["formål"]["beskrivelse"] = "Virksomhederne skal kunne skaffe medarbejdere. " * 4
    typed["formål"]["vision"] = "Første linje\nAnden linje"
    typed["lks"] = False
    return [as_javascript_has_it(plain), as_javascript_has_it(typed)]


def test_the_builder_writes_what_the_python_writer_writes(tmp_path: Path) -> None:
    from kbtools.sphinxext.form import form_model
    from kbtools.yaml_writer import to_yaml

    fields = tmp_path / "fields.json"
    fields.write_text(json.dumps(form_model()["elements"], ensure_ascii=False), "utf-8")
    documents = _generated_agreements()
    with NodeLines(BATCH, str(fields)) as in_form_order:
        written = in_form_order.answers(documents)
    assert written == [to_yaml(document) for document in documents]


def _javascript_order(value: Any) -> Any:
    """``value`` with its keys in the order a JavaScript object keeps them: keys that are array
    indices (»0«, »2027«) first, ascending, then the others in the order they were added."""
    if isinstance(value, list):
        return [_javascript_order(item) for item in value]
    if not isinstance(value, dict):
        return value

    def index(key: str) -> int | None:
        return (
            int(key) if re.fullmatch(r"0|[1-9][0-9]{0,9}", key) and int(key) < 2**32 - 1 else None
        )

    numbered = sorted((k for k in value if index(k) is not None), key=lambda k: index(k) or 0)
    rest = [k for k in value if index(k) is None]
    return {key: _javascript_order(value[key]) for key in [*numbered, *rest]}


@pytest.mark.slow
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(DOCUMENT, min_size=10, max_size=10))
def test_the_builder_and_python_write_the_same_bytes_for_any_document(
    builder_js: NodeLines, documents: list[dict[str, Any]]
) -> None:
    from kbtools.yaml_writer import to_yaml

    for document, text in zip(documents, builder_js.answers(documents), strict=True):
        assert text == to_yaml(_javascript_order(document))
