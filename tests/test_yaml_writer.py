"""The one Python YAML writer: what it writes, YAML reads back as exactly the data given."""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from kbtools.template import DEFAULT_PARTIES, Party, render_template
from kbtools.yaml_writer import Layout, quoted, scalar, to_yaml


class _TextDates(yaml.SafeLoader):
    """PyYAML's safe loader with dates kept as text, as kbtools reads them."""


_TextDates.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

SHORT = st.one_of(
    st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40),
    st.sampled_from(["ja", "no", "null", "2027", "2027-12-31", "a: b", "x # y", "\u2028", "~"]),
)
# keys are element names: short (YAML reads a key on one line of at most 1024 characters)
KEY = SHORT
TEXT = st.one_of(
    SHORT,
    st.lists(st.sampled_from(["ord", "længere", "tekst,", "æble"]), min_size=20).map(" ".join),
)
VALUE = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-(10**9), 10**9), TEXT),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(KEY, inner, max_size=3),
    max_leaves=10,
)
DOCUMENT = st.dictionaries(KEY, VALUE, min_size=1, max_size=5)


def _read(text: str) -> Any:
    return _text_keys(yaml.load(text, Loader=_TextDates))


def _text_keys(value: Any) -> Any:
    """As kbtools reads a file: every key a text (a budget year 2027 is the key "2027")."""
    if isinstance(value, dict):
        return {str(key): _text_keys(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_text_keys(item) for item in value]
    return value


@settings(max_examples=100, deadline=None)
@given(DOCUMENT, st.booleans())
def test_every_document_reads_back(data: dict[str, Any], quote_texts: bool) -> None:
    text = to_yaml(data, "Kommentar", Layout(quote_texts=quote_texts))
    assert _read(text) == data, text


def test_scalars() -> None:
    assert [scalar(v) for v in (None, True, 3, 1.5, "klub", "2027-01-01", "yes", "no")] == [
        "null",
        "true",
        "3",
        "1.5",
        "klub",
        "2027-01-01",
        '"yes"',
        '"no"',
    ]
    assert scalar("klub", quote_texts=True) == '"klub"'
    assert quoted("a\u2028b") == '"a\\u2028b"'


def test_long_texts_fold_and_comments_come_first() -> None:
    text = to_yaml({"begrundelse": "ord " * 40 + "slut"}, "Første\nAnden")
    assert text.startswith("# Første\n# Anden\nbegrundelse: >-\n  ord ord")
    assert _read(text) == {"begrundelse": "ord " * 40 + "slut"}


def test_the_template_is_written_by_it() -> None:
    text = render_template([Party("p", "Navn\u2028med skift", "beskæftigelse"), *DEFAULT_PARTIES])
    assert 'navn: "Navn\\u2028med skift"' in text
    assert "  - {2027: 0, 2028: 0}" not in text and "pr_år: {2027: 0, 2028: 0}" in text
