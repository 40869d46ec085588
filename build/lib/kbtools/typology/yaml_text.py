"""Writing the small, known shapes of kbtools' own YAML files as readable text.

A combined assessment is written for people to read and edit, so it is laid out like the
hand-written files in ``cases/``: block style, two spaces, long texts folded over several
lines. Texts that YAML could read as something else (a number, true/false, a date, a text
with a colon) are written in double quotes with JSON's escapes, which YAML reads the same way.
Pure Python; the tests load every text back and compare.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

WIDTH = 92
_PLAIN = re.compile(r"[a-zæøå][a-zæøå0-9_/-]*|\d{4}-\d{2}-\d{2}")
_YAML_WORDS = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null"})
_FOLDABLE = re.compile(r"[^\s](?:[^\n\t\r]*[^\s])?")
# what JSON leaves raw but YAML refuses (DEL, C1) or reads as a line break (NEL, U+2028/9)
_RAW_IN_JSON = re.compile("[\u007f-\u009f\u2028\u2029\ufeff]")


def scalar(value: Any) -> str:
    """One value as YAML text on one line."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if _PLAIN.fullmatch(text) and text not in _YAML_WORDS:
        return text
    quoted = json.dumps(text, ensure_ascii=False)
    return _RAW_IN_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", quoted)


def _folded(text: str, indent: str) -> list[str] | None:
    """A long text as a folded block (``>-``), or None when it cannot be folded safely."""
    if len(text) <= WIDTH - len(indent) or not _FOLDABLE.fullmatch(text) or "  " in text:
        return None
    if any(
        ord(char) < 32 or 0x7F <= ord(char) < 0xA0 or char in "\u2028\u2029\ufeff" for char in text
    ):
        return None
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(indent) + len(line) + 1 + len(word) > WIDTH:
            lines.append(indent + line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(indent + line)
    return lines


def _entry(prefix: str, value: Any, indent: str) -> Iterator[str]:
    """``prefix`` (»key:« or »-«) followed by ``value``."""
    if isinstance(value, dict) and value:
        yield prefix
        yield from _mapping(value, indent + "  ")
    elif isinstance(value, list) and value:
        yield prefix
        yield from _sequence(value, indent + "  ")
    elif isinstance(value, str) and (folded := _folded(value, indent + "  ")) is not None:
        yield f"{prefix} >-"
        yield from folded
    else:
        empty = "{}" if isinstance(value, dict) else "[]" if isinstance(value, list) else None
        yield f"{prefix} {empty if empty is not None else scalar(value)}"


def _mapping(data: dict[str, Any], indent: str) -> Iterator[str]:
    for key, value in data.items():
        yield from _entry(f"{indent}{scalar(key)}:", value, indent)


def _sequence(items: list[Any], indent: str) -> Iterator[str]:
    for item in items:
        if isinstance(item, dict) and item:
            lines = list(_mapping(item, indent + "  "))
            yield f"{indent}- {lines[0].lstrip()}"
            yield from lines[1:]
        else:
            yield from _entry(f"{indent}-", item, indent)


def to_yaml(data: dict[str, Any], comment: str = "") -> str:
    """``data`` as a YAML document, with ``comment`` lines first."""
    head = [f"# {line}".rstrip() for line in comment.splitlines()]
    return "\n".join([*head, *_mapping(data, "")]) + "\n"
