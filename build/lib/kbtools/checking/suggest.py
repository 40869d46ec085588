"""Did-you-mean: the closest allowed name for a misspelt key, party id or parameter."""

from __future__ import annotations

import difflib
import unicodedata


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFC", text).casefold()
    return text.replace("æ", "ae").replace("ø", "oe").replace("å", "aa")


def suggest(name: str, candidates: list[str]) -> str | None:
    """The closest candidate to ``name``, comparing with æ/ø/å folded (ae, oe, aa)."""
    folded = {_fold(candidate): candidate for candidate in candidates}
    if _fold(name) in folded:
        return folded[_fold(name)]
    match = difflib.get_close_matches(_fold(name), list(folded), n=1, cutoff=0.7)
    return folded[match[0]] if match else None
