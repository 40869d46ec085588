"""The one YAML writer in Python: every YAML text kbtools writes is laid out here.

Files are written for people to read and edit, laid out like the hand-written files in
``cases/``: block style, two spaces, long texts folded over several lines, texts with line
breaks as literal blocks. Texts that YAML
could read as something else (a number, true/false, a date, a text with a colon) are written
in double quotes with JSON's escapes, which YAML reads the same way. Pure Python (the browser
runs it); the tests load every text back and compare.

Two callers lay out a document differently, through a :class:`Layout`: a combined assessment
(``kbtools vurdering saml`` and the facilitator's page) uses the plain layout; the agreement
template (``kbtools new``) puts every text in quotes, explains each element in a comment read
from the schema, writes amounts per year on one line and leaves a blank line between the
top-level elements.
"""

from __future__ import annotations

import json
import math
import re
import textwrap
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from kbtools.findings import DataPath

WIDTH = 92
_PLAIN = re.compile(r"[a-zæøå][a-zæøå0-9_/-]*|\d{4}-\d{2}-\d{2}")
_NUMBER_KEY = re.compile(r"[1-9][0-9]{0,8}")
_YAML_WORDS = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null"})
_FOLDABLE = re.compile(r"[^\s](?:[^\n\t\r]*[^\s])?")
# what JSON leaves raw but YAML refuses (DEL, C1, U+FFFE/F) or reads as a line break (NEL,
# U+2028/9)
_RAW_IN_JSON = re.compile("[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]")
# what a folded or literal block cannot hold as it is
_NOT_IN_BLOCK = re.compile("[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]")


def _nothing(_: DataPath) -> str:
    return ""


def _never(_: DataPath) -> bool:
    return False


@dataclass(frozen=True)
class Layout:
    """How one kind of document is laid out.

    ``comment`` gives the text of the comment above the element at a path ("" for none);
    ``flow`` says whether the mapping at a path is written on one line (``{2027: 0}``);
    ``quote_texts`` puts every text in double quotes (and never folds it); ``spaced`` leaves
    a blank line after the header and after each top-level element.
    """

    comment: Callable[[DataPath], str] = _nothing
    flow: Callable[[DataPath], bool] = _never
    quote_texts: bool = False
    spaced: bool = False


PLAIN = Layout()


def quoted(text: str) -> str:
    """``text`` in double quotes with JSON's escapes, and YAML's where JSON leaves it raw."""
    encoded = json.dumps(text, ensure_ascii=False)
    return _RAW_IN_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", encoded)


def number(value: float) -> str:
    """A float as the builder's JavaScript writes it (ab-yaml.mjs): digits for a whole number,
    else the shortest decimal that reads back as the same number, with an exponent only for
    very large or small ones, and then »1.0e+21« (YAML 1.1 reads a float's exponent only after
    a decimal point; Python's »1e-05« would read back as a text)."""
    if not math.isfinite(value):
        return quoted(str(value))
    if value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    _, digits, exponent = Decimal(repr(value)).as_tuple()
    assert isinstance(exponent, int)
    power = len(digits) + exponent - 1
    if -4 <= power < 16:
        return repr(value)
    mantissa = f"{digits[0]}." + ("".join(map(str, digits[1:])) or "0")
    sign = "-" if value < 0 else ""
    return f"{sign}{mantissa}e{'-' if power < 0 else '+'}{abs(power)}"


def scalar(value: Any, *, quote_texts: bool = False) -> str:
    """One value as YAML text on one line."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return number(value)
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if not quote_texts and _PLAIN.fullmatch(text) and text not in _YAML_WORDS:
        return text
    return quoted(text)


def key_text(key: Any) -> str:
    """A key as YAML text: a number such as a budget year (2027) stays plain, since kbtools
    reads every key as a text; other keys as :func:`scalar` writes them."""
    if isinstance(key, str) and _NUMBER_KEY.fullmatch(key):
        return key
    return scalar(key)


def _folded(text: str, indent: str) -> list[str] | None:
    """A long text as a folded block (``>-`` and its lines), or None when it cannot be folded
    safely."""
    if len(text) <= WIDTH - len(indent) or not _FOLDABLE.fullmatch(text) or "  " in text:
        return None
    if _NOT_IN_BLOCK.search(text):
        return None
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(indent) + len(line) + 1 + len(word) > WIDTH:
            lines.append(indent + line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(indent + line)
    return [">-", *lines]


def _literal(text: str, indent: str) -> list[str] | None:
    """A text with line breaks as a literal block (``|-``, or ``|`` with one final line
    break), as a person writes it; None when a block cannot hold it as it is."""
    body = text[:-1] if text.endswith("\n") else text
    if "\n" not in text or not body or body[0] in " \n" or body.endswith("\n"):
        return None
    lines = body.split("\n")
    if any(line != line.rstrip(" ") or _NOT_IN_BLOCK.search(line) for line in lines):
        return None
    return ["|-" if body == text else "|", *(indent + line if line else "" for line in lines)]


@dataclass(frozen=True)
class _Writer:
    layout: Layout

    def comment(self, path: DataPath, indent: str) -> list[str]:
        text = self.layout.comment(path)
        lines = textwrap.wrap(text, width=max(40, 96 - len(indent))) if text else []
        return [f"{indent}# {line}" for line in lines]

    def scalar(self, value: Any) -> str:
        return scalar(value, quote_texts=self.layout.quote_texts)

    def flow(self, data: Mapping[Any, Any]) -> str:
        return "{" + ", ".join(f"{key_text(k)}: {self.scalar(v)}" for k, v in data.items()) + "}"

    def entry(self, prefix: str, value: Any, path: DataPath, indent: str) -> Iterator[str]:
        """``prefix`` (»key:« or »-«) followed by ``value``."""
        if isinstance(value, dict) and value and self.layout.flow(path):
            yield f"{prefix} {self.flow(value)}"
        elif isinstance(value, dict) and value:
            yield prefix
            yield from self.mapping(value, path, indent + "  ")
        elif isinstance(value, list) and value:
            yield prefix
            yield from self.sequence(value, path, indent + "  ")
        elif (
            isinstance(value, str)
            and not self.layout.quote_texts
            and (block := _literal(value, indent + "  ") or _folded(value, indent + "  "))
        ):
            yield f"{prefix} {block[0]}"  # the block's indicator: |, |- or >-
            yield from block[1:]
        else:
            empty = "{}" if isinstance(value, dict) else "[]" if isinstance(value, list) else None
            yield f"{prefix} {empty if empty is not None else self.scalar(value)}"

    def mapping(self, data: Mapping[Any, Any], path: DataPath, indent: str) -> Iterator[str]:
        for key, value in data.items():
            child = (*path, key)
            yield from self.comment(child, indent)
            yield from self.entry(f"{indent}{key_text(key)}:", value, child, indent)

    def sequence(self, items: list[Any], path: DataPath, indent: str) -> Iterator[str]:
        for index, item in enumerate(items):
            child = (*path, index)
            if isinstance(item, dict) and item and self.layout.flow(child):
                yield f"{indent}- {self.flow(item)}"
            elif isinstance(item, dict) and item:
                lines = list(self.mapping(item, child, indent + "  "))
                first = next(n for n, line in enumerate(lines) if not line.lstrip().startswith("#"))
                # the first field's comment stands above the first item only
                yield from lines[:first] if index == 0 else []
                yield f"{indent}- {lines[first].lstrip()}"
                yield from lines[first + 1 :]
            else:
                yield from self.entry(f"{indent}-", item, child, indent)


def to_yaml(data: Mapping[str, Any], comment: str = "", layout: Layout = PLAIN) -> str:
    """``data`` as a YAML document, with ``comment`` lines first."""
    writer = _Writer(layout)
    lines = [f"# {line}".rstrip() for line in comment.splitlines()]
    if layout.spaced and lines:
        lines.append("")
    for key, value in data.items():
        lines += writer.comment((key,), "")
        lines += writer.entry(f"{key_text(key)}:", value, (key,), "")
        if layout.spaced:
            lines.append("")
    return "\n".join(lines) + ("" if layout.spaced and data else "\n")
