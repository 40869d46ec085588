"""From PyYAML's node tree to plain data, with the position of every value.

Nothing is constructed from a tag and no alias is expanded (both are refused before this
runs). Every text is NFC-normalised, keys and values alike, so a decomposed »å« (a followed by
a combining ring) is the same »å« the schema and the rules compare with. Scalars are resolved
by our own small rules, so YAML 1.1's surprises (``no`` → False, ``0755`` → 493) never change
what the user wrote.

A duplicate key keeps the first value and is reported. When it is the first key of a list
item appearing again, a »- « is missing and the data cannot be what the user meant, so
loading stops there with one finding that says so (not a cascade of findings about it). Invisible
characters in a key or around an unquoted value (a non-breaking space after a colon, a
zero-width space in a key) are reported by name and removed from the data, so the rest of the
checks read what the user meant and the problem is reported once.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import yaml

from kbtools.findings import DataPath, Finding
from kbtools.loading import codes, duplicates
from kbtools.loading.document import Document, Position
from kbtools.loading.duplicates import Duplicate
from kbtools.loading.habits import cut_by_comment
from kbtools.loading.invisible import invisible_message
from kbtools.loading.problem import LoadProblem
from kbtools.loading.text import INVISIBLE, describe, is_zero_width, position, remedy

#: Deeper nesting than this is refused (a hand-written agreement needs about six levels).
MAX_DEPTH = 100

#: Numbers from this size up are refused (and kept as the text written). No amount in an
#: agreement comes near it: the whole Danish state budget is about 1.3 * 10^12 kr., and in
#: »mio. kr.« it is about a million. Below it every amount, and every sum of up to
#: thousands of them, is exact both as a Python float and as a number in the browser's
#: JavaScript (2^53 ≈ 9 * 10^15), so no rule or page ever sees an infinity or a rounded sum.
MAX_NUMBER = 10**12

_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\Z")
#: An integer this long is too large without converting it (Python refuses to convert an
#: integer of more than 4,300 digits, and a long one is slow).
_MAX_INT_DIGITS = len(str(MAX_NUMBER))
_FLOAT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\.[0-9]+(?:[eE][-+]?[0-9]+)?\Z")
_THOUSANDS = re.compile(r"[-+]?[0-9]{1,3}(?:\.[0-9]{3})+\Z")
_WHOLE = re.compile(r"[-+]?[0-9]+")
_DIGITS = re.compile(r"[0-9]+")
#: The end of an entry in a flow mapping: the next entry, or the mapping's end.
_ENTRY_END = re.compile(r" *[,}]")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
#: An invisible character where YAML reads structure inside what became one plain scalar:
#: right after a colon or a leading dash (so the separator was not seen as one).
_HIDDEN_SEPARATOR = re.compile(f"(?::|\\A-){INVISIBLE.pattern}")


@dataclass
class _Builder:
    text: str
    #: the text as written, before separating tabs became spaces (same length)
    written: str
    document: Document
    findings: list[Finding] = field(default_factory=list)

    def add(self, code: Any, line: int, column: int, message: str) -> None:
        self.findings.append(code.finding(self.document.file, line, column, message))


def build(root: Any, text: str, document: Document, *, written: str | None = None) -> list[Finding]:
    """Fill ``document.data`` and its positions from ``root``; return the findings.

    ``text`` is what was parsed; ``written`` the file as written, when tabs were softened.
    """
    builder = _Builder(text, text if written is None else written, document)
    document.positions[()] = _mark(root)
    document.data = _container(root)
    stack: list[tuple[Any, Any, DataPath]] = [(root, document.data, ())]
    while stack:
        node, target, path = stack.pop()
        if len(path) >= MAX_DEPTH:
            where = _mark(node)
            raise LoadProblem(
                codes.TOO_DEEP,
                where.line,
                where.column,
                f"Filen er indlejret mere end {MAX_DEPTH} niveauer. Det kan ikke være en aftale.",
            )
        if isinstance(node, yaml.MappingNode):
            _mapping(builder, node, target, path, stack)
        else:
            for index, item in enumerate(node.value):
                target.append(_child(builder, item, (*path, index), stack))
    return builder.findings


def _mapping(
    builder: _Builder,
    node: Any,
    target: dict[str, Any],
    path: DataPath,
    stack: list[tuple[Any, Any, DataPath]],
) -> None:
    is_list_item = bool(path) and isinstance(path[-1], int)
    first_key: str | None = None
    seen: dict[str, int] = {}
    twice: list[Duplicate] = []
    previous: tuple[str, Any] | None = None  # the last key read and its value's node
    above: tuple[str, Any, Any] | None = None  # the last key written, its node and value node
    for key_node, value_node in node.value:
        if previous is not None and _decimal_comma(builder, previous[1], key_node, value_node):
            # »{2027: 450000,50}«: the digits after the comma are the amount's, not a key
            target[previous[0]] = _decimal_comma_value(builder, previous[1], key_node)
            previous = None
            continue
        if not isinstance(key_node, yaml.ScalarNode):
            where = _mark(key_node)
            raise LoadProblem(
                codes.KEY,
                where.line,
                where.column,
                "En nøgle skal være et ord eller en tekst, ikke en liste eller en tabel.",
            )
        key = _key(builder, key_node)
        where = _mark(key_node)
        first_key = key if first_key is None else first_key
        written_above, above = above, (key, key_node, value_node)
        if key in seen:
            if is_list_item and key == first_key:
                # a new item without its »- «: the data cannot be what the user meant
                raise LoadProblem(codes.SYNTAX, where.line, where.column, _new_item(key, seen))
            empty = _empty_above(written_above, key_node)
            twice.append(Duplicate(key, where.line, where.column, seen[key], empty))
            continue
        seen[key] = where.line
        child_path = (*path, key)
        builder.document.key_positions[child_path] = where
        target[key] = _child(builder, value_node, child_path, stack)
        previous = (key, value_node) if node.flow_style else None
    for line, column, message in duplicates.messages(twice):
        builder.add(codes.DUPLICATE_KEY, line, column, message)


def _empty_above(above: tuple[str, Any, Any] | None, key_node: Any) -> str | None:
    """The key just above ``key_node`` at its indentation when it was written without a value
    (``kontakt:``), so the lines under it were meant to be indented further."""
    if above is None:
        return None
    key, node, value = above
    if not _plain(value) or value.value or node.start_mark.line >= key_node.start_mark.line:
        return None
    return key if node.start_mark.column == key_node.start_mark.column else None


def _decimal_comma(builder: _Builder, value: Any, key: Any, key_value: Any) -> bool:
    """True for ``{timer: 7,5}``: a number, a comma right after it, and digits as a key
    without a value right after the comma (the comma separates entries of a flow mapping)."""
    if not _plain(value) or not _WHOLE.fullmatch(value.value) or not _plain(key):
        return False
    if not _DIGITS.fullmatch(key.value) or not _plain(key_value) or key_value.value:
        return False
    comma = value.end_mark.index
    if builder.text[comma : comma + 1] != "," or key.start_mark.index != comma + 1:
        return False
    return _ENTRY_END.match(builder.text, key.end_mark.index) is not None


def _plain(node: Any) -> bool:
    return isinstance(node, yaml.ScalarNode) and not node.style


def _decimal_comma_value(builder: _Builder, value: Any, key: Any) -> str:
    """Report the decimal comma at the number; the data keeps the text as written."""
    whole, fraction = value.value, key.value
    written = f"{whole},{fraction}"
    decimal = f"{whole}.{fraction}"
    if len(fraction) == 3:  # 1.125 reads as 1125 (a thousands separator): write 1.1250
        decimal = f"{whole}.{fraction.rstrip('0') or '0'}"
        decimal += "0" if len(decimal.partition(".")[2]) == 3 else ""
    if len(fraction) == 3 and not whole.startswith("0"):  # 7,500: decimal or thousands
        advice = (
            f"Er det et helt tal, så skriv det uden komma: {whole}{fraction}. Er det et "
            f"decimaltal, så brug punktum som decimaltegn: {decimal}."
        )
    else:
        advice = f"Brug punktum som decimaltegn: {decimal}."
    where = _mark(value)
    builder.add(
        codes.DECIMAL_COMMA,
        where.line,
        where.column,
        f"»{written}« er læst som to ting, fordi et komma i {{ … }} skiller værdierne ad, så "
        f"»{fraction}« blev en ny nøgle. {advice}",
    )
    return written


def _new_item(key: str, seen: dict[str, int]) -> str:
    return (
        f"Nøglen »{key}« står igen i samme punkt af listen (første gang i linje {seen[key]}). "
        f"Skal linjen starte et nyt punkt? Så mangler der »- « foran »{key}«, på samme niveau "
        "som »- « i punktet over."
    )


def _key(builder: _Builder, node: Any) -> str:
    key = unicodedata.normalize("NFC", node.value)
    if not node.style and INVISIBLE.match(key) and not is_zero_width(key[0]):
        # in the indentation: which section the line belongs to cannot be known
        _stop_at_invisible(builder, node)
    if INVISIBLE.search(key):
        _report_invisible(builder, node, "i nøglen")
        key = _visible(key)
    return key


def _child(
    builder: _Builder, node: Any, path: DataPath, stack: list[tuple[Any, Any, DataPath]]
) -> Any:
    where = _mark(node)
    builder.document.positions[path] = where
    if isinstance(node, yaml.ScalarNode):
        return _scalar(builder, node, where)
    container = _container(node)
    stack.append((node, container, path))
    return container


def _scalar(builder: _Builder, node: Any, where: Position) -> Any:
    value = unicodedata.normalize("NFC", node.value)
    if node.style:  # quoted or block scalars are always text, invisible characters included
        return value
    if INVISIBLE.search(value):
        hidden = _HIDDEN_SEPARATOR.search(value)
        if hidden is not None:
            # a colon or »- « YAML did not see: what the line should mean cannot be known
            _stop_at_invisible(builder, node)
        if _misplaced_invisible(value):
            _report_invisible(builder, node, "i værdien")
            value = _visible(value)
    resolved = _resolve(builder, value, where)
    if isinstance(resolved, str):
        cut = cut_by_comment(builder.written, node.start_mark.index, node.end_mark.index)
        if cut is not None:
            builder.add(codes.COMMENT_IN_TEXT, *position(builder.text, cut[0]), cut[1])
    return resolved


def _misplaced_invisible(value: str) -> bool:
    """True when an invisible character in an unquoted value cannot be meant as text."""
    return (
        INVISIBLE.match(value) is not None
        or INVISIBLE.match(value[-1:]) is not None
        or any(is_zero_width(char) for char in value)
    )


def _stop_at_invisible(builder: _Builder, node: Any) -> None:
    offset = _first_invisible(builder, node)
    line, column = position(builder.text, offset)
    raise LoadProblem(codes.INVISIBLE, line, column, invisible_message(builder.text[offset]))


def _first_invisible(builder: _Builder, node: Any) -> int:
    start, end = node.start_mark.index, node.end_mark.index
    match = INVISIBLE.search(builder.text, start, max(end, start + 1))
    return match.start() if match else start


def _visible(text: str) -> str:
    """``text`` with zero-width characters removed and other invisible spaces made ordinary."""
    cleaned = "".join("" if is_zero_width(c) else " " if INVISIBLE.match(c) else c for c in text)
    return cleaned.strip(" ")


def _report_invisible(builder: _Builder, node: Any, where: str) -> None:
    offset = _first_invisible(builder, node)
    char = builder.text[offset]
    line, column = position(builder.text, offset)
    builder.add(
        codes.INVISIBLE,
        line,
        column,
        f"Her står {describe(char)} {where}. Det kan ikke ses, men det ændrer, hvad filen "
        f"betyder. {remedy(char)}",
    )


def _resolve(builder: _Builder, value: str, where: Position) -> Any:
    if value in _NULLS:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    first = value[0]
    if first.isdigit() or first in "+-.":
        if _INT.match(value):
            if len(value.lstrip("+-")) > _MAX_INT_DIGITS or abs(int(value)) >= MAX_NUMBER:
                return _too_large(builder, value, where)
            return int(value)
        if _THOUSANDS.match(value):
            builder.add(
                codes.AMBIGUOUS_NUMBER,
                where.line,
                where.column,
                f"»{value}« kan læses både som et decimaltal og som et tal med "
                f"tusindtalspunktum. Skriv beløbet uden punktum, fx {value.replace('.', '')}.",
            )
            return value
        if _FLOAT.match(value):
            number = float(value)  # an overflow is inf, which the test below refuses
            if not math.isfinite(number) or abs(number) >= MAX_NUMBER:
                return _too_large(builder, value, where)
            return number
    return value


def _too_large(builder: _Builder, value: str, where: Position) -> str:
    shown = value if len(value) <= 20 else f"{value[:12]}… ({len(value)} tegn)"
    builder.add(
        codes.LARGE_NUMBER,
        where.line,
        where.column,
        f"»{shown}« er et for stort tal: et tal må højst være 999.999.999.999 (og mindst "
        "-999.999.999.999). Tjek tallet; er "
        "det et beløb, så skriv det i en større enhed (økonomi › enhed: »mio. kr.«).",
    )
    return value


def _mark(node: Any) -> Position:
    return Position(node.start_mark.line + 1, node.start_mark.column + 1)


def _container(node: Any) -> Any:
    return {} if isinstance(node, yaml.MappingNode) else []
