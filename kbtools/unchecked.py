"""Which YAML files a folder walk checks, and which unchecked files it must still report.

A walk checks every file with a ``skema:`` line. It skips the other YAML files (other tools'
settings), but never silently one that may be ours: a file without a ``skema:`` line that
*looks like* an agreement, assessment or rating, or a file the walk cannot read as text,
gives a warning, so ``--strict`` (and a reader of the CI log) sees it. A file looks like
one of ours when

1. a top-level key is a near miss of ``skema`` (``schema:``, ``shema:``) or has a known
   ``skema:`` value (``type: partnerskabsaftale/1``); or
2. it has at least two of the top-level keys a kind requires (``titel`` and ``parter``;
   ``partnerskab`` and ``dato`` …), read from the kinds' schemas; or
3. its name or its folder's name contains »aftale«, »vurdering«, »bedømmelse«
   (»bedoemmelse«) or »opfølgning« (»opfoelgning«), in any case.

The file's text is found without parsing the YAML: UTF-8 (with or without a BOM), UTF-16 and
UTF-32 with a BOM, and UTF-16 and UTF-32 without one (Windows editors write those). A file
with a ``skema:`` line in another encoding is checked, so the loader reports its encoding as
an error; any other file that is not UTF-8 gives a warning.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from difflib import SequenceMatcher
from pathlib import Path

from kbtools import kinds
from kbtools.findings import Code, Finding, Level
from kbtools.kinds import Kind

LOOKS_LIKE = Code(
    "fil-ikke-kontrolleret",
    Level.ADVARSEL,
    "En YAML-fil i en mappe ligner en partnerskabsaftale, typologivurdering eller "
    "typologibedømmelse (på navnet eller nøglerne), men har ingen »skema:«-linje, så den er "
    "ikke kontrolleret. Skriv den rigtige »skema:«-linje øverst i filen. Hvilke filer der "
    "regnes for at ligne en af dem, står på siden om kbtools validate.",
    "Filen ligner en partnerskabsaftale (den har nøglerne »titel« og »parter«), men den har "
    "ingen »skema:«-linje og er derfor ikke kontrolleret. Skriv »skema: …« øverst i filen.",
)
NOT_TEXT = Code(
    "fil-ukendt-kodning",
    Level.ADVARSEL,
    "En YAML-fil i en mappe er ikke gemt som UTF-8, så kbtools kan ikke se, om den er en "
    "aftale, en vurdering eller en bedømmelse. Den er ikke kontrolleret. Gem den som UTF-8.",
    "Filen er ikke gemt som UTF-8, så kbtools kan ikke se, om den er en aftale, en vurdering "
    "eller en bedømmelse, og den er ikke kontrolleret. Gem filen som UTF-8.",
)
CODES = (LOOKS_LIKE, NOT_TEXT)

#: A ``skema:`` key at the start of a line (quoted or not, any case): the file is one of ours.
_SKEMA_LINE = re.compile(r"(?:^|[{,])[ \t]*[\"']?skema[\"']?[ \t]*:", re.IGNORECASE | re.MULTILINE)
#: A key at the very start of a line (a top-level key) and the rest of the line.
_TOP_KEY = re.compile(r"^([\"']?)([^\s#:\"'{}\[\],&*!|>%@`-][^:\n]*?)\1[ \t]*:(?:[ \t]+(.*))?$")
#: The words in a file or folder name that say which kind a file is meant to be.
_NAME_WORDS = (
    ("aftale", kinds.AGREEMENT),
    ("vurdering", kinds.ASSESSMENT),
    ("bedømmelse", kinds.RATING),
    ("bedoemmelse", kinds.RATING),
    ("opfølgning", kinds.FOLLOWUP),
    ("opfoelgning", kinds.FOLLOWUP),
)
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_WITHOUT_BOM = ("utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be")


def decode(raw: bytes) -> tuple[str, bool]:
    """The file's text as far as the walk needs it, and whether it is UTF-8 (the loader's
    encoding). Never fails: bytes that fit no encoding are read as Latin-1."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return raw[len(bom) :].decode(encoding, "replace"), encoding == "utf-8"
    if b"\x00" in raw:  # UTF-16 or UTF-32 without a byte-order mark: the one that reads
        readings = [text for encoding in _WITHOUT_BOM if (text := _strict(raw, encoding))]
        if readings:  # as the most ASCII is the right one (YAML's keys and colons are ASCII)
            return max(readings, key=lambda text: sum(char.isascii() for char in text)), False
    try:
        return raw.decode("utf-8"), True
    except UnicodeDecodeError:
        return raw.decode("latin-1"), False


def _strict(raw: bytes, encoding: str) -> str:
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError:
        return ""
    return "" if "\x00" in text else text


def has_skema_line(raw: bytes) -> bool:
    """True when the file's text has a ``skema:`` line (found without parsing the YAML)."""
    return _SKEMA_LINE.search(decode(raw)[0]) is not None


def triage(raw: bytes, display: str, path: Path) -> tuple[bool, Finding | None]:
    """(check it?, the warning for a file that is not checked but may be ours)."""
    text, utf8 = decode(raw)
    if _SKEMA_LINE.search(text):
        return True, None
    if not utf8:
        return False, NOT_TEXT.finding(
            display,
            1,
            1,
            "Filen er ikke gemt som UTF-8, så kbtools kan ikke se, om den er en aftale, en "
            "vurdering eller en bedømmelse, og den er ikke kontrolleret. Gem filen som UTF-8.",
        )
    return False, _looks_like(text, display, path)


def _looks_like(text: str, display: str, path: Path) -> Finding | None:
    keys = list(_top_keys(text))
    for line, key, value in keys:
        kind = kinds.by_skema(value)
        if kind is not None or _near_skema(key):
            message = (
                f"Nøglen »{key}« skulle nok have været »skema«: filen har ingen »skema:«-linje "
                f"og er derfor ikke kontrolleret. Ret »{key}« til »skema«."
            )
            return LOOKS_LIKE.finding(display, line, 1, message)
    for kind in kinds.KINDS:
        required = {_plain(name) for name in kind.schema.get("required", ()) if name != "skema"}
        found = [(line, key) for line, key, _ in keys if _plain(key) in required]
        if len(found) >= 2:
            (line, first), (_, second) = found[:2]
            message = (
                f"Filen ligner en {kind.label} (den har nøglerne »{first}« og »{second}«), men "
                f"den har ingen »skema:«-linje og er derfor ikke kontrolleret. Skriv »skema: "
                f"{kind.skema}« øverst i filen."
            )
            return LOOKS_LIKE.finding(display, line, 1, message)
    named = _kind_by_name(path)
    if named is not None:
        word, kind, whose = named
        message = (
            f"Filen ligner en {kind.label}, fordi {whose} indeholder »{word}«, men den har "
            f"ingen »skema:«-linje og er derfor ikke kontrolleret. Er den en {kind.label}, så "
            f"skriv »skema: {kind.skema}« øverst i filen; ellers så giv "
            f"{'den' if whose == 'navnet' else 'mappen'} et navn uden »{word}«."
        )
        return LOOKS_LIKE.finding(display, 1, 1, message)
    return None


def _top_keys(text: str) -> Iterator[tuple[int, str, str]]:
    """(line number, key, value) of each key at the start of a line."""
    for number, line in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
        match = _TOP_KEY.match(line)
        if match:
            value = (match.group(3) or "").split(" #")[0].strip().strip("\"'")
            yield number, match.group(2).strip(), value


def _near_skema(key: str) -> bool:
    word = key.casefold()
    return 4 <= len(word) <= 8 and SequenceMatcher(None, word, "skema").ratio() >= 0.7


def _kind_by_name(path: Path) -> tuple[str, Kind, str] | None:
    """(the word, its kind, »navnet« or »mappens navn«) when the file's name or its folder's
    name says which kind it is meant to be."""
    for whose, name in (("navnet", path.stem), ("mappens navn", path.parent.name)):
        folded = unicodedata.normalize("NFC", name).casefold()
        for word, kind in _NAME_WORDS:
            if word in folded:
                return word, kind, whose
    return None


def _plain(name: str) -> str:
    """A key as people type it without Danish letters: ``økonomi`` and ``oekonomi`` match."""
    folded = unicodedata.normalize("NFC", name).casefold()
    return folded.replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
