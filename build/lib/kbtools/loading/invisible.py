"""Invisible characters where YAML reads structure, found when a file cannot be parsed.

A non-breaking space in the indentation or right after a key's colon looks like an ordinary
space, but YAML reads it as text, so the line means something else and the parser fails lines
later. When parsing fails, these characters are the likeliest cause, so they are reported by
name and position (see :func:`kbtools.loading.text.describe`) instead of the parser's error.
"""

from __future__ import annotations

import re

from kbtools.loading.layout import read_layout
from kbtools.loading.text import INVISIBLE, describe, remedy

#: Indentation and the »- « of list items, ordinary or invisible spaces alike.
_PREFIX = re.compile(f"(?:[ \\t]|{INVISIBLE.pattern})*(?:-(?:[ \\t]|{INVISIBLE.pattern})+)*")


def invisible_in_structure(text: str, last_line: int) -> list[tuple[int, int, str]]:
    """(line, column, char) of invisible characters where YAML reads structure, 1-based.

    Looks in the indentation (and after a list's »- «) and around key colons, outside
    quotes, comments and block text, on lines up to ``last_line``: where a non-breaking
    space makes YAML read a line differently than it looks.
    """
    layout = read_layout(text)
    found: list[tuple[int, int, str]] = []
    for index, line in enumerate(layout.lines[:last_line]):
        if index in layout.block_lines or not INVISIBLE.search(line):
            continue
        end = layout.comments.get(index, len(line))
        for column in _structural_invisible(line[:end]):
            if not layout.in_quotes(index, column):
                found.append((index + 1, column + 1, line[column]))
    return found


def _structural_invisible(line: str) -> list[int]:
    """Columns of the first invisible character in the indentation and at each key colon."""
    columns: list[int] = []
    indented = _PREFIX.match(line)
    prefix = indented.end() if indented else 0
    first = next((c for c in range(prefix) if INVISIBLE.match(line[c])), None)
    if first is not None:
        columns.append(first)
    for colon in (i for i, char in enumerate(line) if char == ":" and i >= prefix):
        after, before = line[colon + 1 : colon + 2], line[colon - 1 : colon]
        if INVISIBLE.match(after):
            columns.append(colon + 1)
        elif after in ("", " ", "\t") and INVISIBLE.match(before):
            columns.append(colon - 1)
    return columns


def invisible_message(char: str) -> str:
    return (
        f"Her står {describe(char)}, hvor YAML læser indrykning eller adskiller nøgle og "
        f"værdi. Det kan ikke ses, men det ændrer, hvad linjen betyder. {remedy(char)}"
    )
