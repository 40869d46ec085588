"""User text in messages never controls the terminal or the CI log.

A key or a value in a file, a file name or an argument can hold control characters: an ANSI
escape (``ESC [ 31 m``) that colours or clears a terminal, an OSC sequence that sets a
window title or writes a link, a carriage return or a newline that forges a log line, a
right-to-left override that shows text in another order than it is. Every message that echoes
such text goes through :func:`visible`, which writes each of them as a visible escape
(``\\x1b``, ``\\u202e``), so the reader sees that it is there, and the terminal does nothing.
JSON output keeps the data itself: :func:`json_safe` escapes the same characters as JSON does.
"""

from __future__ import annotations

import re

#: Control characters (C0, DEL, C1), the bidirectional controls, the Unicode line and
#: paragraph separators, and the characters that take no room (soft hyphen, zero-width
#: spaces and joiners, word joiner, BOM): a message that echoes them shows where they are.
_INVISIBLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028\u2029\u202a-\u202e"
    "\u2060-\u2069\ufeff]"
)

#: What ``json.dumps`` leaves raw of those.
_JSON_RAW = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` with every control character written as a visible escape (one line)."""
    return _INVISIBLE.sub(_escape, text)


def visible_lines(text: str) -> str:
    """``text`` as :func:`visible`, but its own line breaks (``\\n``) kept."""
    return "\n".join(visible(line) for line in text.split("\n"))


def json_safe(text: str) -> str:
    """JSON text with the characters JSON leaves raw (DEL, C1, bidi controls) as ``\\uXXXX``.

    ``json.dumps`` already escapes C0 controls, and its own line breaks are structure, so only
    the others are touched; they can only occur inside strings."""
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
