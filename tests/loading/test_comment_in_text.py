"""A »#« inside an unquoted text cuts the rest of the sentence: a located warning whose
advice, followed, keeps the whole sentence."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from kbtools.loading import load_bytes

_WORD = st.text("abcdefghijklmnopqrstuvwxyzæøå", min_size=1, max_size=8)
# a sentence, never one word YAML reads as something else (»null«, »ja« is fine, »no« is not)
_YAML_WORDS = {"null", "true", "false", "yes", "no", "on", "off", "y", "n"}
_WORDS = (
    st.lists(_WORD, min_size=1, max_size=5).map(" ".join).filter(lambda t: t not in _YAML_WORDS)
)
_QUOTED = re.compile(r"""anførselstegn: ("[^"\n]*"|'(?:[^'\n]|'')*')\.""")


@given(before=_WORDS, after=_WORDS, quote=st.sampled_from(["", '"', "'"]))
def test_the_cut_is_told_at_the_hash_and_the_advice_keeps_the_sentence(
    before: str, after: str, quote: str
) -> None:
    before = f"x {quote}{before}{quote} mere" if quote else before
    text = f"a:\n  beskrivelse: {before} # {after}\nb: 1\n"
    document, findings = load_bytes(text.encode(), "x.yaml")
    assert document is not None
    assert document.data["a"]["beskrivelse"] == before  # what YAML reads
    assert [(f.code, f.level.value, f.line) for f in findings] == [
        ("yaml-kommentar-i-tekst", "advarsel", 2)
    ]
    assert findings[0].column == len("  beskrivelse: ") + len(before) + 2
    suggested = _QUOTED.search(findings[0].message)
    assert suggested is not None, findings[0].message
    fixed = text.replace(f"{before} # {after}", suggested[1])
    document, findings = load_bytes(fixed.encode(), "x.yaml")
    assert findings == [] and document is not None
    assert document.data["a"]["beskrivelse"] == f"{before} # {after}"


def test_a_comment_on_its_own_line_or_after_a_quoted_text_or_a_number_is_no_finding() -> None:
    for text in [
        "# en kommentar\na: tekst\n",
        'a: "tekst" # kommentar\n',
        "a: 15000 # kr.\n",
        "a: tekst#ikke en kommentar\n",
        "a: tekst #\n",
        "a: tekst  # en kommentar sat af med to mellemrum\n",
        "a: tekst\t# en kommentar sat af med et tabulatortegn\n",
    ]:
        _, findings = load_bytes(text.encode(), "x.yaml")
        assert findings == [], text
