"""The file's text: decoding, positions in characters, and characters nobody can see.

Positions are 1-based lines and columns counted in characters (code points), never in bytes:
an »æ« is one column, as the user sees it. Characters that are invisible in an editor but
change what YAML reads (a control character such as Word's Shift+Enter, a non-breaking space
in the indentation, a zero-width space in a key) are named in Danish, so the user knows what
to look for at the position given.
"""

from __future__ import annotations

import re
import unicodedata

from kbtools.loading import codes
from kbtools.loading.problem import LoadProblem

#: Characters with a name of their own; others are named by their Unicode category.
_NAMES = {
    "\t": "et tabulatortegn",
    "\x0b": "et lodret tabulatortegn (U+000B), som Word indsætter ved Shift+Enter",
    "\x0c": "et sideskift (U+000C)",
    "\x85": "et linjeskift-styretegn (U+0085)",
    "\x7f": "et slettetegn (U+007F)",
    "\u00a0": "et hårdt mellemrum (U+00A0)",
    "\u202f": "et smalt hårdt mellemrum (U+202F)",
    "\u2007": "et hårdt tal-mellemrum (U+2007)",
    "\u200b": "et usynligt mellemrum (U+200B, nulbredde-mellemrum)",
    "\u200c": "et usynligt skilletegn (U+200C)",
    "\u200d": "et usynligt bindetegn (U+200D)",
    "\u2060": "et usynligt ordbindetegn (U+2060)",
    "\ufeff": "et usynligt BOM-tegn (U+FEFF)",
    "\u00ad": "en usynlig blød bindestreg (U+00AD)",
    "\u2028": "et linjeskift-tegn (U+2028)",
    "\u2029": "et afsnitstegn (U+2029)",
    "\ufffe": "et ugyldigt tegn (U+FFFE)",
    "\uffff": "et ugyldigt tegn (U+FFFF)",
}
#: Every forbidden character (see :func:`is_forbidden`), for a fast scan.
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")
#: Every invisible character (see :func:`is_invisible`) a Danish text can plausibly contain.
INVISIBLE = re.compile(
    "[\u00a0\u00ad\u061c\u1680\u180e\u2000-\u200f\u202a-\u202f\u205f-\u206f\u3000"
    "\ufeff\ufff9-\ufffb]"
)
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def describe(char: str) -> str:
    """The Danish name of an invisible character, e.g. »et hårdt mellemrum (U+00A0)«."""
    named = _NAMES.get(char)
    if named is not None:
        return named
    code = f"U+{ord(char):04X}"
    if char in _BIDI:
        return f"et usynligt retningstegn ({code})"
    category = unicodedata.category(char)
    if category == "Zs":
        return f"et særligt mellemrum ({code})"
    if category == "Cc":
        return f"et styretegn ({code})"
    return f"et usynligt tegn ({code})"


def remedy(char: str) -> str:
    """What to do about an invisible character, in Danish (never »delete the text«)."""
    if is_zero_width(char):
        return "Fjern det usynlige tegn; det er ikke en del af teksten."
    return "Erstat det med et almindeligt mellemrum."


def is_forbidden(char: str) -> bool:
    """Characters YAML refuses or reads as a line break (which would shift every line number).

    Control characters other than tab, line feed and carriage return, the Unicode line and
    paragraph separators and the non-characters U+FFFE and U+FFFF.
    """
    if char in "\t\n\r":
        return False
    if char in "\u2028\u2029\ufffe\uffff":
        return True
    return unicodedata.category(char) == "Cc"


def is_invisible(char: str) -> bool:
    """A space other than the ordinary one, or a character that takes no room at all."""
    return INVISIBLE.fullmatch(char) is not None


def is_zero_width(char: str) -> bool:
    """A character that takes no room (U+200B, U+2060, BOM, direction marks …), not a space."""
    return unicodedata.category(char) == "Cf"


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of the character at ``offset`` (both counted in characters)."""
    line = text.count("\n", 0, offset) + 1
    start = text.rfind("\n", 0, offset) + 1
    return line, offset - start + 1


def decode(raw: bytes) -> str:
    """The file's text. Refuses UTF-16, NUL bytes and anything that is not UTF-8."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LoadProblem(
            codes.ENCODING,
            1,
            1,
            "Filen er gemt som UTF-16. Gem den som UTF-8 (»Unicode (UTF-8)« i editoren).",
        )
    nul = raw.find(b"\x00")
    if nul != -1:
        line, column = _byte_position(raw, nul)
        raise LoadProblem(
            codes.NUL,
            line,
            column,
            "Filen indeholder et NUL-tegn (byte 0). Er det en tekstfil? Gem den som almindelig "
            "tekst i UTF-8.",
        )
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _byte_position(raw, exc.start)
        raise LoadProblem(
            codes.ENCODING,
            line,
            column,
            "Filen er ikke gemt som UTF-8 (der står et tegn, som ikke kan læses, fx et æ, ø eller "
            "å fra en anden tegnkodning). Gem filen som UTF-8.",
        ) from None


def _byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    """1-based (line, column in characters) of the byte at ``offset`` in UTF-8 ``raw``."""
    start = raw.rfind(b"\n", 0, offset) + 1
    before = raw[start:offset].decode("utf-8", "replace")
    return raw.count(b"\n", 0, offset) + 1, len(before) + 1


def replace_forbidden(text: str) -> tuple[str, list[tuple[int, int, str]]]:
    """``text`` with every forbidden character replaced by a space, and where each one was.

    Replacing (one character by one) keeps every position and lets loading go on, so one
    stray character from Word does not hide the rest of the file's problems.
    """
    found = [match.start() for match in FORBIDDEN.finditer(text)]
    if not found:
        return text, []
    chars = list(text)
    for index in found:
        chars[index] = " "
    return "".join(chars), [(*position(text, index), text[index]) for index in found]
