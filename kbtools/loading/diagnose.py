"""Why a file cannot be parsed, told at the line where the mistake is.

PyYAML reports where it *noticed* a problem. For the mistakes people make when they copy an
example, that is often not where the mistake is:

- an unclosed quote is noticed at the next quote, or at the end of the file;
- a missing colon (``navn Anne``) is noticed on the next key;
- a list item without »- « is noticed as an indentation problem;
- an unclosed ``{`` or ``[`` is noticed on the next line;
- an invisible character (a non-breaking space in the indentation or after a colon) makes
  the line mean something else, noticed lines later.

Each function here recognises one of these from the parser's error and the file's layout and
returns the real position with a Danish explanation; the first that recognises the error
wins, and PyYAML's own position with a translated message is the fallback. Every position
is in characters.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml

from kbtools.findings import Code
from kbtools.loading import codes
from kbtools.loading.layout import Layout, indentation, read_layout
from kbtools.loading.messages import translate
from kbtools.loading.text import INVISIBLE, describe, remedy

#: (code, 1-based line, 1-based column, Danish message)
Diagnosis = tuple[Code, int, int, str]

_DASH_WITHOUT_SPACE = re.compile(r"-(?=[^\s\-])")
_KEY_SEPARATOR = re.compile(r":(?=[ \t]|\Z)")
#: Indentation and the »- « of list items, ordinary or invisible spaces alike.
_PREFIX = re.compile(f"(?:[ \\t]|{INVISIBLE.pattern})*(?:-(?:[ \\t]|{INVISIBLE.pattern})+)*")
#: ``vision:En vision`` – a key and its value with no space after the colon.
_GLUED_COLON = re.compile(r"([^\s:#\"'{\[][^\s:]*):(?=[^\s:/])")


@dataclass(frozen=True)
class _Error:
    problem: str
    context: str
    line: int  # 0-based, where the parser noticed the problem
    column: int
    context_line: int | None
    context_column: int | None


def _error(exc: yaml.YAMLError) -> _Error:
    mark: Any = getattr(exc, "problem_mark", None)
    context_mark: Any = getattr(exc, "context_mark", None)
    if mark is None:
        mark = context_mark
    return _Error(
        str(getattr(exc, "problem", "") or ""),
        str(getattr(exc, "context", "") or ""),
        mark.line if mark is not None else 0,
        mark.column if mark is not None else 0,
        context_mark.line if context_mark is not None else None,
        context_mark.column if context_mark is not None else None,
    )


def diagnose(exc: yaml.YAMLError, text: str) -> Diagnosis:
    """The real position and a Danish explanation of a parser error in ``text``."""
    error = _error(exc)
    layout = read_layout(text)
    for recognise in _RECOGNISERS:
        found = recognise(error, layout)
        if found is not None:
            return found
    return translate(error.problem, error.context, error.line + 1, error.column + 1)


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


def _unclosed_quote(error: _Error, layout: Layout) -> Diagnosis | None:
    """A quote that runs on past the end of its line up to where the parser gave up."""
    for quote in layout.quotes:
        if quote.line > error.line:
            break
        runs_on = quote.end_line is None or quote.end_line > quote.line
        if runs_on and (quote.end_line is None or quote.end_line >= error.line):
            return (
                codes.SYNTAX,
                quote.line + 1,
                quote.column + 1,
                f"Anførselstegnet {quote.char} her bliver ikke lukket på samme linje, så resten "
                "af filen bliver læst som en del af teksten. Afslut teksten med samme slags "
                f"anførselstegn ({quote.char}).",
            )
    return None


def _unclosed_bracket(error: _Error, layout: Layout) -> Diagnosis | None:
    """An opening ``{`` or ``[`` noticed as unclosed on a later line."""
    if "flow" not in error.context or error.context_line is None:
        return None
    if error.context_line >= error.line or error.context_column is None:
        return None
    opening = layout.lines[error.context_line][error.context_column : error.context_column + 1]
    closing = {"{": "}", "[": "]"}.get(opening, "}")
    return (
        codes.SYNTAX,
        error.context_line + 1,
        error.context_column + 1,
        f"Parentesen »{opening}« her bliver ikke lukket på samme linje. Afslut med »{closing}«; "
        "er parentesen en del af en tekst, så sæt hele teksten i anførselstegn.",
    )


def _simple_key(error: _Error, layout: Layout) -> Diagnosis | None:
    """A line without a colon, noticed at the next key: a missing colon or a missing »- «."""
    if "simple key" not in error.context or error.context_line is None:
        return None
    index = error.context_line
    if _continues_list(layout, index):
        return _missing_dash(index, layout)
    return _missing_colon(index, layout)


def _missing_colon(index: int, layout: Layout) -> Diagnosis:
    """The line ``index`` lacks the colon (or the space after it) that makes it a key."""
    line = layout.lines[index]
    body = line[: layout.comments.get(index, len(line))].rstrip()
    start = indentation(body)
    if body.startswith(("- ", "-\t"), start):
        start = indentation(body[start + 2 :]) + start + 2
    text = body[start:]
    glued = _GLUED_COLON.match(text)
    if glued is not None:
        key, value = glued.group(1), text[glued.end() :]
        return (
            codes.SYNTAX,
            index + 1,
            start + glued.end() + 1,
            f"Efter kolonet mangler et mellemrum: skriv »{key}: {value}«, ikke »{key}:{value}«.",
        )
    if " " not in text:
        return (
            codes.SYNTAX,
            index + 1,
            start + len(text) + 1,
            f"Der mangler et kolon (:) efter »{text}«. En nøgle skrives med kolon efter, fx "
            f"»{text}:«.",
        )
    key, _, value = text.partition(" ")
    return (
        codes.SYNTAX,
        index + 1,
        start + 1,
        f"Der mangler et kolon (:) efter nøglen i »{text}« (fx »{key}: {value.strip()}«). "
        "Hører teksten i stedet til linjen før, skal den rykkes længere ind end den.",
    )


def _continues_list(layout: Layout, index: int) -> bool:
    """True when the line stands where the next item of the list above would start."""
    previous = layout.previous_content(index)
    if previous is None:
        return False
    above = layout.lines[previous]
    line = layout.lines[index]
    return (
        above.lstrip(" ").startswith(("- ", "-\t"))
        and indentation(above) == indentation(line)
        and not line.lstrip(" ").startswith("-")
    )


def _missing_dash(index: int, layout: Layout) -> Diagnosis:
    return (
        codes.SYNTAX,
        index + 1,
        indentation(layout.lines[index]) + 1,
        "Linjen står, hvor det næste punkt i listen skal stå, men den mangler »- « foran. "
        "Hvert punkt i en liste starter med »- «.",
    )


def _list_item(error: _Error, layout: Layout) -> Diagnosis | None:
    """A line at the level of a list's »- « that does not start with »- «."""
    if "block collection" not in error.context or error.context_column is None:
        return None
    if not 0 <= error.line < len(layout.lines):
        return None
    line = layout.lines[error.line]
    if indentation(line) == error.context_column and not line.lstrip(" ").startswith("-"):
        return _missing_dash(error.line, layout)
    return None


def _dash_without_space(error: _Error, layout: Layout) -> Diagnosis | None:
    """``-mål: x`` (no space after the dash) is a key, not a list item."""
    if not 0 <= error.line < len(layout.lines):
        return None
    level = indentation(layout.lines[error.line])
    for index in range(error.line, -1, -1):
        line = layout.lines[index]
        if not layout.is_content(index):
            continue
        if indentation(line) < level:
            break
        if indentation(line) == level and _DASH_WITHOUT_SPACE.match(line, level):
            return (
                codes.SYNTAX,
                index + 1,
                level + 1,
                "Efter »-« mangler et mellemrum. Et punkt i en liste starter med »- « (bindestreg "
                "og mellemrum).",
            )
    return None


def _colon_in_value(error: _Error, layout: Layout) -> Diagnosis | None:
    """»mapping values are not allowed«: a missing colon above, an indented line, or »: «."""
    if "mapping values are not allowed" not in error.problem:
        return None
    if not 0 <= error.line < len(layout.lines):
        return None
    line = layout.lines[error.line]
    previous = layout.previous_content(error.line)
    above = layout.lines[previous] if previous is not None else ""
    above_body = above[: layout.comments.get(previous, len(above))] if previous is not None else ""
    first = _KEY_SEPARATOR.search(line)
    if previous is not None and indentation(above) < indentation(line):
        if not _KEY_SEPARATOR.search(above_body):
            return _missing_colon(previous, layout)
        if first is not None and first.start() == error.column:
            return (
                codes.SYNTAX,
                error.line + 1,
                indentation(line) + 1,
                "Indrykningen passer ikke: linjen er rykket længere ind end linjen før, som "
                "allerede har en værdi. Ret antallet af mellemrum foran, så linjen står på "
                "samme niveau som den nøgle, den hører til.",
            )
    if first is not None and first.start() < error.column:
        key = line[: first.start()].strip().removeprefix("- ").strip()
        value = line[first.end() :].strip()
        return (
            codes.SYNTAX,
            error.line + 1,
            error.column + 1,
            f"Teksten efter »{key}:« indeholder selv et kolon med mellemrum efter (»: «). Sæt "
            f'hele teksten i anførselstegn: {key}: "{value}"',
        )
    return None


_INDENTATION = ("did not find expected key", "expected <block end>", "expected '-' indicator")


def _indentation(error: _Error, layout: Layout) -> Diagnosis | None:
    """An indentation problem (libyaml and PyYAML word it differently; we say it one way)."""
    if not any(problem in error.problem for problem in _INDENTATION):
        return None
    if "block collection" in error.context:
        message = (
            "Indrykningen i en liste passer ikke: hvert punkt skal starte med »- « på samme "
            "niveau som de andre punkter, og det, der hører til punktet, skal stå under det."
        )
    else:
        message = (
            "Indrykningen passer ikke: linjen står hverken under den forrige nøgle eller på "
            "samme niveau som den. Ret antallet af mellemrum foran."
        )
    return codes.SYNTAX, error.line + 1, error.column + 1, message


_RECOGNISERS: tuple[Callable[[_Error, Layout], Diagnosis | None], ...] = (
    _unclosed_quote,
    _unclosed_bracket,
    _simple_key,
    _list_item,
    _dash_without_space,
    _colon_in_value,
    _indentation,
)
