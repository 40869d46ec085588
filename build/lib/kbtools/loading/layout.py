"""A light reading of a file's layout that works even when the YAML parser gives up.

The parser reports a problem where it *noticed* it, which is often lines after the mistake:
an unclosed quote swallows the rest of the file, and a missing colon is noticed on the next
key. To point at the real line, :mod:`kbtools.loading.diagnose` needs to know where quoted
texts start and end, which lines are the text of a block scalar (``|`` or ``>``), and where
comments start. This module finds that line by line, without the parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_BLOCK_HEADER = re.compile(r"[|>][-+0-9]*[ \t]*(?:#.*)?\Z")


@dataclass(frozen=True)
class Quote:
    """A quoted text: where it opens (0-based line and column) and the line it closes on."""

    line: int
    column: int
    char: str
    end_line: int | None  # None: the file ends before the closing quote


@dataclass
class Layout:
    lines: list[str]
    quotes: list[Quote] = field(default_factory=list)
    #: 0-based lines holding the text of a block scalar (``|`` or ``>``)
    block_lines: set[int] = field(default_factory=set)
    #: 0-based line → [start, end) column spans inside quotes on that line
    quoted: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    #: 0-based line → column where its comment starts
    comments: dict[int, int] = field(default_factory=dict)

    def is_content(self, index: int) -> bool:
        """True for a line with YAML structure (not blank, a comment or block text)."""
        if index in self.block_lines or not 0 <= index < len(self.lines):
            return False
        stripped = self.lines[index].strip()
        return bool(stripped) and not stripped.startswith("#")

    def previous_content(self, index: int) -> int | None:
        """The nearest line before ``index`` with YAML structure."""
        for candidate in range(index - 1, -1, -1):
            if self.is_content(candidate):
                return candidate
        return None

    def in_quotes(self, line: int, column: int) -> bool:
        return any(start <= column < end for start, end in self.quoted.get(line, ()))


def indentation(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def read_layout(text: str) -> Layout:
    """Quotes, block-scalar lines and comments of ``text``, found line by line."""
    layout = Layout([line.removesuffix("\r") for line in text.split("\n")])
    lines = layout.lines
    index = 0
    block_parent: int | None = None
    while index < len(lines):
        line = lines[index]
        if block_parent is not None:
            if not line.strip() or indentation(line) > block_parent:
                layout.block_lines.add(index)
                index += 1
                continue
            block_parent = None
        index, block_parent = _scan_line(layout, index)
    return layout


def _scan_line(layout: Layout, index: int) -> tuple[int, int | None]:
    """Scan one line (and any quoted text running on); return the next line and block parent."""
    line = layout.lines[index]
    column, may_start, node_column = 0, True, indentation(line)
    while column < len(line):
        char = line[column]
        after = line[column + 1 : column + 2]
        if char in " \t":
            column += 1
        elif char == "#" and (column == 0 or line[column - 1] in " \t"):
            layout.comments[index] = column
            break
        elif may_start and char in "\"'":
            end = _close(layout, index, column, char)
            if end is None:
                return len(layout.lines), None
            index, column = end[0], end[1] + 1
            line, may_start = layout.lines[index], False
        elif may_start and char in "|>" and _BLOCK_HEADER.match(line, column):
            return index + 1, node_column
        elif char in "-?" and after in ("", " ", "\t") and may_start:
            node_column, column = column, column + 1
        elif (char == ":" and after in ("", " ", "\t")) or char in "[{,":
            may_start, column = True, column + 1
        else:
            if may_start and char not in "]}":
                node_column = column
            may_start, column = False, column + 1
    return index + 1, None


def _close(layout: Layout, index: int, column: int, quote: str) -> tuple[int, int] | None:
    """Where the quote opened at (index, column) closes, recording the quoted spans."""
    lines = layout.lines
    start, position, line = index, column + 1, index
    while line < len(lines):
        text = lines[line]
        while position < len(text):
            char = text[position]
            if quote == '"' and char == "\\":
                position += 2
                continue
            if char == quote:
                if quote == "'" and text[position + 1 : position + 2] == "'":
                    position += 2
                    continue
                layout.quoted.setdefault(line, []).append(
                    (column if line == start else 0, position + 1)
                )
                layout.quotes.append(Quote(start, column, quote, line))
                return line, position
            position += 1
        layout.quoted.setdefault(line, []).append((column if line == start else 0, len(text)))
        line, position = line + 1, 0
    layout.quotes.append(Quote(start, column, quote, None))
    return None


def soften_tabs(text: str) -> str:
    """``text`` with every tab that separates (not indents, not inside quotes, block text or a
    comment) replaced by a space.

    libyaml accepts such tabs (``navn:<tab>Anne``) and PyYAML's pure-Python parser refuses
    them, so without this the same file would load on the command line and fail in the
    browser. A tab there is whitespace either way; one character for one keeps positions.
    """
    if "\t" not in text:
        return text
    layout = read_layout(text)
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if "\t" not in line or index in layout.block_lines:
            continue
        start = len(line) - len(line.lstrip(" \t"))  # indentation tabs are refused elsewhere
        end = layout.comments.get(index, len(line))
        chars = list(line)
        for column in range(start, end):
            if chars[column] == "\t" and not layout.in_quotes(index, column):
                chars[column] = " "
        lines[index] = "".join(chars)
    return "\n".join(lines)
