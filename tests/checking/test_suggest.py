"""Did-you-mean stays cheap for any number of candidates and unchanged for few."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kbtools.checking.suggest import _CUTOFF, MAX_COMPARED, _fold, suggest

ROOT = Path(__file__).resolve().parents[2]
MINIMAL = (ROOT / "tests" / "data" / "agreements" / "valid" / "minimal.yaml").read_text("utf-8")

_NAME = st.text("abcdeæøå-_1", min_size=1, max_size=12)


def _every_one_compared(name: str, candidates: list[str]) -> str | None:
    """The suggestion as it is for short lists: every candidate compared."""
    folded = {_fold(c): c for c in reversed(candidates)}
    if _fold(name) in folded:
        return folded[_fold(name)]
    match = difflib.get_close_matches(_fold(name), list(folded), n=1, cutoff=0.7)
    return folded[match[0]] if match else None


@given(_NAME, st.lists(_NAME, max_size=MAX_COMPARED, unique_by=_fold))
def test_few_candidates_are_all_compared(name: str, candidates: list[str]) -> None:
    assert suggest(name, candidates) == _every_one_compared(name, candidates)


def _typo(word: str, kind: int, at: int) -> str:
    at %= len(word)
    if kind == 0:
        return word[:at] + word[at + 1 :]  # a letter missing
    if kind == 1:
        return word[:at] + "x" + word[at:]  # a letter extra
    if kind == 2:
        return word[:at] + "x" + word[at + 1 :]  # a wrong letter
    return word[:at] + word[at + 1 : at + 2] + word[at] + word[at + 2 :]  # two swapped


@pytest.mark.slow
@given(
    st.lists(st.text("abcdefgh", min_size=4, max_size=10), min_size=200, max_size=400, unique=True),
    st.integers(0, 10_000),
    st.integers(0, 3),
    st.integers(0, 20),
)
def test_a_typing_mistake_among_many_candidates_finds_a_close_one(
    candidates: list[str], pick: int, kind: int, at: int
) -> None:
    meant = candidates[pick % len(candidates)]
    written = _typo(meant, kind, at)
    found = suggest(written, candidates)
    # One mistake can leave a short word less than 70 % alike as difflib measures it ("baab"
    # against "abab": 50 %); comparing every candidate would suggest nothing then either.
    if _alike(meant, written) >= _CUTOFF:
        assert found is not None
    if found is not None:
        assert found == written or _alike(found, written) >= _alike(meant, written)


def _alike(candidate: str, written: str) -> float:
    """How alike ``difflib.get_close_matches`` finds them (its measure is not symmetric)."""
    return difflib.SequenceMatcher(None, candidate, written).ratio()
