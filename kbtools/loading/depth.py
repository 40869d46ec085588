"""How deeply a file nests, found before (and without) the YAML parser.

A file nested more than :data:`~kbtools.loading.build.MAX_DEPTH` levels is refused with
``yaml-for-dyb`` at the first collection that is too deep. The parsers cannot be left to find
it, because they disagree:

- libyaml 0.2.6 and later stop at their own limit (1000 levels) with an English error at the
  1000th level, while libyaml 0.2.5 has no limit;
- PyYAML's pure-Python parser (the browser's) is quadratic in the depth of nested brackets
  (200,000 of them take hours) and its composer recurses until Python's stack runs out.

So :func:`too_deep` reads the nesting from the file's layout (indentation, »- «, keys and
brackets outside quotes and comments) in one pass, and the CLI and the browser refuse the
same files at the same line and column, whatever libyaml is installed. A quick count first
proves that an ordinary file cannot be too deep, so it is not read twice.

:func:`locate_by_events` is the slower fallback, for when a parser reports nesting the layout
reading did not see: it walks the pure-Python parser's events, which never recurse.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from kbtools.loading import codes
from kbtools.loading.build import MAX_DEPTH
from kbtools.loading.layout import Layout, indentation, read_layout
from kbtools.loading.problem import LoadProblem

#: What may precede the first block collection on a line: indentation, »- « and »? «.
_PREFIX = re.compile(r"^[ \t?-]*", re.MULTILINE)
_BRACKET = re.compile(r"[\[\]{}]")
_KEY_END = re.compile(r":(?=[ \t]|\Z)")
#: libyaml's (0.2.6 and later) words when it reaches its own nesting limit.
LIBYAML_LIMIT = "exceeded maximum nesting depth"


def message() -> str:
    return f"Filen er indlejret mere end {MAX_DEPTH} niveauer. Det kan ikke være en aftale."


def too_deep(text: str) -> LoadProblem | None:
    """The first collection nested more than ``MAX_DEPTH`` levels, or None. Never parses."""
    if _surely_shallow(text):
        return None
    return _Reading(read_layout(text)).run()


def _surely_shallow(text: str) -> bool:
    """True when a count proves no collection in ``text`` can be nested too deeply.

    Flow collections open with a bracket. Block collections nest at strictly growing columns,
    except a sequence written at its key's column, so at most two of them start per column
    up to the widest run of indentation, »- « and »? « at the start of a line.
    """
    brackets = text.count("[") + text.count("{")
    if brackets > MAX_DEPTH:
        return False
    widest = max((len(prefix) for prefix in _PREFIX.findall(text)), default=0)
    return brackets + 2 * (widest + 1) <= MAX_DEPTH


class _Reading:
    """One pass over the lines, keeping the open block collections and the bracket depth."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        #: (column, is a sequence) of every open block collection, outermost first
        self.blocks: list[tuple[int, bool]] = []
        self.flow = 0
        last = len(layout.lines) - 1
        #: lines that start inside a quoted text opened on an earlier line
        self.continued = {
            line
            for quote in layout.quotes
            for line in range(quote.line + 1, _end(quote.end_line, last) + 1)
        }
        #: (line, column) of each quote that closes on the line it opens on
        self.one_line = {(q.line, q.column) for q in layout.quotes if q.end_line == q.line}

    def run(self) -> LoadProblem | None:
        for index, line in enumerate(self.layout.lines):
            if index in self.layout.block_lines:
                continue
            end = self.layout.comments.get(index, len(line))
            start = 0 if self.flow else indentation(line)
            if self.flow or index in self.continued:
                found = self._brackets(index, start, end)
            else:
                found = self._block_line(index, start, end)
            if found is not None:
                return found
        return None

    def _block_line(self, index: int, column: int, end: int) -> LoadProblem | None:
        """The block collections (and a flow collection after them) a line opens."""
        line = self.layout.lines[index]
        while column < end:
            char = line[column]
            if char in "-?" and line[column + 1 : column + 2] in ("", " ", "\t"):
                found = self._open_block(index, column, char == "-")
                column = _next_content(line, column + 1, end)
                if found is not None or column >= end:
                    return found
                continue
            key_end = self._key_end(index, column, end)
            if key_end is not None:
                found = self._open_block(index, column, False)
                column = _next_content(line, key_end + 1, end)
                if found is not None or column >= end:
                    return found
            if line[column] in "[{":
                return self._brackets(index, column, end)
            return None
        return None

    def _open_block(self, index: int, column: int, sequence: bool) -> LoadProblem | None:
        blocks = self.blocks
        while blocks and blocks[-1][0] > column:
            blocks.pop()
        if not sequence and blocks[-2:] == [(column, False), (column, True)]:
            blocks.pop()  # a key after a list written at its key's column: the list ended
        if blocks and blocks[-1] == (column, sequence):
            return None  # the next key or item of the same collection
        blocks.append((column, sequence))
        return self._check(index, column)

    def _brackets(self, index: int, start: int, end: int) -> LoadProblem | None:
        """Brackets outside quotes from ``start``; stops where the outermost one closes."""
        line = self.layout.lines[index]
        spans = sorted(self.layout.quoted.get(index, ()))
        span = 0  # the first quoted span that does not end before the bracket (columns grow)
        for match in _BRACKET.finditer(line, start, end):
            column = match.start()
            while span < len(spans) and spans[span][1] <= column:
                span += 1
            if span < len(spans) and spans[span][0] <= column:
                continue  # inside quotes
            if match.group() in "[{":
                self.flow += 1
                found = self._check(index, column)
                if found is not None:
                    return found
            elif self.flow:
                self.flow -= 1
                if not self.flow:
                    return None
        return None

    def _check(self, index: int, column: int) -> LoadProblem | None:
        if len(self.blocks) + self.flow > MAX_DEPTH:
            return LoadProblem(codes.TOO_DEEP, index + 1, column + 1, message())
        return None

    def _key_end(self, index: int, column: int, end: int) -> int | None:
        """The column of the colon when a key starts at ``column``, else None."""
        line = self.layout.lines[index]
        if line[column] in "[{":
            return None
        after = column
        if line[column] in "\"'":
            closing = [e for s, e in self.layout.quoted.get(index, ()) if s == column]
            if not closing or (index, column) not in self.one_line:
                return None
            after = _next_content(line, closing[0], end)
            return after if _KEY_END.match(line, after, end) else None
        match = _KEY_END.search(line, after, end)
        return None if match is None else match.start()


def _end(end_line: int | None, last: int) -> int:
    return last if end_line is None else end_line


def _next_content(line: str, column: int, end: int) -> int:
    while column < end and line[column] in " \t":
        column += 1
    return column


def locate_by_events(text: str, loader: Any, fallback: tuple[int, int]) -> LoadProblem:
    """Where the build would stop a file nested too deeply, found from the parser's events.

    ``loader`` should be PyYAML's pure-Python one, which has no nesting limit and does not
    recurse. When it stops at a syntax error first, the problem is placed at ``fallback``
    (1-based line and column).
    """
    depth = 0
    try:
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    mark: Any = event.start_mark
                    return LoadProblem(codes.TOO_DEEP, mark.line + 1, mark.column + 1, message())
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        pass
    return LoadProblem(codes.TOO_DEEP, *fallback, message())
