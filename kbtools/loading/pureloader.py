"""PyYAML's pure-Python loader as kbtools uses it where libyaml is missing (the browser).

Two things differ from :class:`yaml.SafeLoader`:

* It refuses what libyaml refuses: a ``\\u``/``\\U`` escape for a surrogate or a code point
  above U+10FFFF (»found invalid Unicode character escape code«, at the escape's first hex
  digit); the pure scanner would make a lone surrogate of the first and crash on the second.
* Its scanner's hottest steps do the same work with fewer Python steps. The pure scanner
  reads a plain text one character at a time and, before every token it hands out, walks its
  table of possible simple keys even when that table is empty. On a large agreement (thousands
  of parties) that was most of a browser check. Here a plain text's runs of ordinary
  characters are found with one regular expression, so are spaces and comments between tokens,
  the reader moves over a run without line breaks in one step, and an empty table is not
  walked. The tokens, their positions and the
  errors are exactly those of PyYAML's scanner (``tests/loading/test_pure_loader.py``
  compares the two).
"""

from __future__ import annotations

import re
from typing import Any

import yaml

_SURROGATE = re.compile("[\ud800-\udfff]")
_ESCAPE_LENGTHS = {"x": 2, "u": 4, "U": 8}
#: What ends a plain text's run of characters (PyYAML's list, ``\0`` marks the buffer's end).
_BREAK = "\0 \t\r\n\x85\u2028\u2029"
#: One character of a plain text outside brackets: not a break, and a »:« only before text.
_BLOCK_CHAR = f"(?:[^{_BREAK}:]|:(?![{_BREAK}]))"
#: The same inside brackets, where »,?[]{}« end the text too and »:« before »,[]{}« does.
_FLOW_CHAR = f"(?:[^{_BREAK}:,?\\[\\]{{}}]|:(?![{_BREAK},\\[\\]{{}}]))"
#: A plain text's words on one line, with the spaces between them (a »#« after a space starts
#: a comment, not a word).
_BLOCK_LINE = re.compile(f"{_BLOCK_CHAR}+(?: +(?!#){_BLOCK_CHAR}+)*")
_FLOW_LINE = re.compile(f"{_FLOW_CHAR}+(?: +(?!#){_FLOW_CHAR}+)*")
#: Spaces, and a comment up to its line's end, which the scanner skips between tokens.
_SPACES = re.compile(" *")
_COMMENT = re.compile("#[^\0\r\n\x85\u2028\u2029]*")
#: Characters after which the reader does not simply add one column.
_NOT_PLAIN = re.compile("[\n\r\x85\u2028\u2029\ufeff]")


class PureLoader(yaml.SafeLoader):
    """PyYAML's SafeLoader, refusing what libyaml refuses, with a leaner scanner."""

    def scan_flow_scalar(self, style: Any) -> Any:
        start = self.get_mark()
        try:
            token = super().scan_flow_scalar(style)
        except ValueError:  # chr() of a code point above U+10FFFF; the reader is at its digits
            raise _bad_escape(start, self.get_mark()) from None
        if style == '"' and _SURROGATE.search(token.value):
            raise _bad_escape(start, _first_bad_escape(self.buffer, start))
        return token

    def need_more_tokens(self) -> bool:
        if self.done:
            return False
        if not self.tokens:
            return True
        if not self.possible_simple_keys:  # nothing to drop, and no key to wait for
            return False
        self.stale_possible_simple_keys()
        return bool(self.next_possible_simple_key() == self.tokens_taken)  # type: ignore[no-untyped-call]

    def _fetch(self) -> None:
        """Scan tokens until the next one is known (PyYAML's loop, skipped when nothing is due:
        a token is waiting and no simple key may still turn it into a key)."""
        if not (self.done or (self.tokens and not self.possible_simple_keys)):
            while self.need_more_tokens():
                self.fetch_more_tokens()

    def check_token(self, *choices: Any) -> bool:
        self._fetch()
        if not self.tokens:
            return False
        return not choices or isinstance(self.tokens[0], choices)

    def peek_token(self) -> Any:
        self._fetch()
        return self.tokens[0] if self.tokens else None

    def get_token(self) -> Any:
        self._fetch()
        if not self.tokens:
            return None
        self.tokens_taken += 1
        return self.tokens.pop(0)

    def forward(self, length: int = 1) -> None:
        start = self.pointer
        # the whole text is in the buffer (it is given as a str), and no line ends in the step
        if (
            self.raw_buffer is None
            and _NOT_PLAIN.search(self.buffer, start, start + length) is None
        ):
            self.pointer = start + length
            self.index += length
            self.column += length
            return
        super().forward(length)

    def scan_to_next_token(self) -> None:
        """PyYAML's ``scan_to_next_token``, skipping a run of spaces or a comment in one step."""
        if self.raw_buffer is not None:
            super().scan_to_next_token()
            return
        if self.index == 0 and self.peek() == "\ufeff":
            self.forward()
        while True:
            for skipped in (_SPACES, _COMMENT):
                match = skipped.match(self.buffer, self.pointer)
                if match and match.end() > self.pointer:
                    self.forward(match.end() - self.pointer)
            if not self.scan_line_break():  # type: ignore[no-untyped-call]
                return
            if not self.flow_level:
                self.allow_simple_key = True

    def scan_plain(self) -> Any:
        """PyYAML's ``scan_plain``, reading the words of each line with a regular expression.

        PyYAML reads one word at a time and the spaces after it; the words and spaces between
        them on one line are the same text either way. The spaces after the last word (and a
        line break) are read as PyYAML reads them.
        """
        chunks: list[str] = []
        start_mark = self.get_mark()
        end_mark = start_mark
        indent = self.indent + 1
        spaces: Any = []  # None after a document marker (»---«)
        words = _FLOW_LINE if self.flow_level else _BLOCK_LINE
        while True:
            if self.peek() == "#":
                break
            match = words.match(self.buffer, self.pointer)
            length = match.end() - self.pointer if match else 0
            if length == 0:
                break
            self.allow_simple_key = False
            chunks.extend(spaces)
            chunks.append(self.prefix(length))
            self.forward(length)
            end_mark = self.get_mark()
            spaces = self.scan_plain_spaces(indent, start_mark)
            if not spaces or self.peek() == "#" or (not self.flow_level and self.column < indent):
                break
        return yaml.ScalarToken("".join(chunks), True, start_mark, end_mark)


def _bad_escape(start: Any, mark: Any) -> yaml.YAMLError:
    problem = "found invalid Unicode character escape code"
    return yaml.scanner.ScannerError("while parsing a quoted scalar", start, problem, mark)


def _first_bad_escape(text: str, start: Any) -> Any:
    """The mark of the first hex digit of the first surrogate escape after ``start``."""
    index, line, column = start.index + 1, start.line, start.column + 1
    while index < len(text):
        char = text[index]
        length = _ESCAPE_LENGTHS.get(text[index + 1 : index + 2], 0) if char == "\\" else 0
        if length and 0xD800 <= int(text[index + 2 : index + 2 + length], 16) <= 0xDFFF:
            return yaml.Mark(start.name, index + 2, line, column + 2, text, index + 2)
        step = 2 if char == "\\" else 1
        for passed in text[index : index + step]:
            line, column = (line + 1, 0) if passed == "\n" else (line, column + 1)
        index += step
    return start
