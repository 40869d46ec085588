"""Printing to a console that cannot show every character.

On Windows, output redirected to a file or pipe is often encoded as cp1252, which has æ, ø,
å, » and « but not »→«, »✓« or an emoji a user typed into an agreement. Python's default
then raises ``UnicodeEncodeError`` in the middle of a report. :func:`tolerate` switches a
stream to an error handler that writes the closest thing the console can show instead:
»→« becomes »->«, »æ« becomes »ae« on a pure ASCII console, an accented letter loses its
accent, and anything else becomes »?«. The text stays readable, and nothing crashes.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import unicodedata
from typing import TextIO

#: The name the handler is registered under (``errors=`` of a text stream).
HANDLER = "kbtools-erstat"

_FALLBACK = {
    "→": "->",
    "←": "<-",
    "↔": "<->",
    "–": "-",
    "—": "-",
    "…": "...",
    "»": '"',
    "«": '"',
    "“": '"',
    "”": '"',
    "„": '"',
    "‘": "'",
    "’": "'",
    "›": ">",
    "‹": "<",
    "•": "*",
    "×": "x",
    "≠": "!=",
    "≤": "<=",
    "≥": ">=",
    "✓": "OK",
    "æ": "ae",
    "ø": "oe",
    "å": "aa",
    "Æ": "Ae",
    "Ø": "Oe",
    "Å": "Aa",
    "\u00a0": " ",
}


def _closest(char: str) -> str:
    """An ASCII stand-in for ``char`` (every console can show ASCII)."""
    known = _FALLBACK.get(char)
    if known is not None:
        return known
    base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    return base if base and base.isascii() and base.isprintable() else "?"


def _replace(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    chunk = error.object[error.start : error.end]
    return "".join(_closest(char) for char in chunk), error.end


def _register() -> None:
    try:
        codecs.lookup_error(HANDLER)
    except LookupError:
        codecs.register_error(HANDLER, _replace)


def tolerate(stream: TextIO) -> None:
    """Make ``stream`` write what its encoding can show instead of raising (idempotent)."""
    _register()
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is None or getattr(stream, "errors", None) == HANDLER:
        return
    with contextlib.suppress(ValueError, OSError, io.UnsupportedOperation):
        reconfigure(errors=HANDLER)


def is_unicode(stream: TextIO) -> bool:
    """True when ``stream`` can write every character (its encoding is a UTF)."""
    encoding = str(getattr(stream, "encoding", None) or "utf-8")
    return codecs.lookup(encoding).name.startswith("utf")
