"""Did-you-mean: the closest allowed name for a misspelt key, party id or parameter.

Names are compared with æ/ø/å folded (ae, oe, aa) and without case. Up to
:data:`MAX_COMPARED` candidates, every one is compared with :mod:`difflib` (at least 70 %
alike). A longer list (an agreement with thousands of parties) would make that quadratic:
2,500 unknown ids times 2,500 parties is over six million comparisons, a quarter of a minute
on the command line and far more in the browser. There, only candidates one typing mistake
away (a letter missing, extra, wrong or two letters swapped) are compared: both sides are
looked up by every spelling with one letter left out, in an index built once per list. The
cost of a suggestion is then the same for 30 parties and for 30,000.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

#: Up to this many candidates, every one is compared.
MAX_COMPARED = 50
#: Names longer than this get no suggestion (a misspelt id or key is never this long).
MAX_LENGTH = 80
_CUTOFF = 0.7


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFC", text).casefold()
    return text.replace("æ", "ae").replace("ø", "oe").replace("å", "aa")


def same_spelling(text: str) -> str:
    """``text`` as it is spelt, whatever way it is written: without case, with æ/ø/å folded
    (ae, oe, aa), and without spaces, hyphens, underscores and full stops. Two ids with the
    same spelling are the same id written differently, never two organisations."""
    return _SEPARATORS.sub("", _fold(text))


_SEPARATORS = re.compile(r"[\s\-_.]+")


def _one_left_out(text: str) -> Iterable[str]:
    yield text
    for index in range(len(text)):
        yield text[:index] + text[index + 1 :]


@dataclass
class _Candidates:
    #: folded spelling → the candidate as written (the first one, when two fold alike)
    folded: dict[str, str]
    #: spelling with one letter left out → folded candidates (only for long lists)
    near: dict[str, list[str]] = field(default_factory=dict)

    def pool(self, key: str) -> list[str]:
        """The folded candidates worth comparing with the folded name ``key``."""
        if not self.near:
            return list(self.folded)
        found: dict[str, None] = {}
        for variant in _one_left_out(key):
            found.update(dict.fromkeys(self.near.get(variant, ())))
        return list(found)


@lru_cache(maxsize=16)
def _candidates(candidates: tuple[str, ...]) -> _Candidates:
    folded: dict[str, str] = {}
    for candidate in candidates:
        folded.setdefault(_fold(candidate), candidate)
    result = _Candidates(folded)
    if len(folded) > MAX_COMPARED:
        for key in folded:
            if len(key) <= MAX_LENGTH:
                for variant in set(_one_left_out(key)):
                    result.near.setdefault(variant, []).append(key)
    return result


def suggest(name: str, candidates: Iterable[str]) -> str | None:
    """The closest candidate to ``name``, comparing with æ/ø/å folded (ae, oe, aa)."""
    index = _candidates(tuple(candidates))
    key = _fold(name)
    if key in index.folded:
        return index.folded[key]
    if len(key) > MAX_LENGTH:
        return None
    match = difflib.get_close_matches(key, index.pool(key), n=1, cutoff=_CUTOFF)
    return index.folded[match[0]] if match else None
