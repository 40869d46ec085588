"""Why a file cannot be parsed, told at the line where the mistake is.

PyYAML reports where it *noticed* a problem. For the mistakes people make when they copy an
example, that is often not where the mistake is:

- an unclosed quote is noticed at the next quote, or at the end of the file;
- a missing colon (``navn Anne``) is noticed on the next key;
- a list item without »- « is noticed as an indentation problem;
- an unclosed ``{`` or ``[`` is noticed on the next line;
- an invisible character (a non-breaking space in the indentation or after a colon) makes
  the line mean something else, noticed lines later (:mod:`.invisible` finds those first).

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

from kbtools.loading import codes, habits
from kbtools.loading.layout import Layout, indentation, read_layout
from kbtools.loading.messages import translate

#: (code, 1-based line, 1-based column, Danish message)
Diagnosis = habits.Diagnosis

_DASH_WITHOUT_SPACE = re.compile(r"-(?=[^\s\-])")
_KEY_SEPARATOR = re.compile(r":(?=[ \t]|\Z)")
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
    found = habits.bullet(layout, [error.context_line, error.line])
    if found is not None:
        return found
    for recognise in _RECOGNISERS:
        found = recognise(error, layout)
        if found is not None:
            return found
    return translate(error.problem, error.context, error.line + 1, error.column + 1)


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
                f"Anførselstegnet ({quote.char}) her bliver ikke lukket på samme linje, så de "
                "følgende linjer bliver læst som en del af teksten. Afslut teksten med samme "
                f"slags anførselstegn ({quote.char}).",
            )
    return None


def _unclosed_bracket(error: _Error, layout: Layout) -> Diagnosis | None:
    """An opening ``{`` or ``[`` that is not closed on its own line."""
    if "flow" not in error.context or error.context_line is None:
        return None
    if error.context_column is None or error.context_line >= len(layout.lines):
        return None
    line = layout.lines[error.context_line]
    opening = line[error.context_column : error.context_column + 1]
    if opening not in ("{", "[") or _closes_on_line(layout, error.context_line):
        return None
    closing = "}" if opening == "{" else "]"
    return (
        codes.SYNTAX,
        error.context_line + 1,
        error.context_column + 1,
        f"Parentesen »{opening}« her bliver ikke lukket på samme linje. Afslut med »{closing}«; "
        "er parentesen en del af en tekst, så sæt hele teksten i anførselstegn.",
    )


def _closes_on_line(layout: Layout, index: int) -> bool:
    """True when every ``{`` and ``[`` on the line (outside quotes) is closed on it."""
    line = layout.lines[index]
    depth = 0
    for column, char in enumerate(line[: layout.comments.get(index, len(line))]):
        if layout.in_quotes(index, column):
            continue
        if char in "{[":
            depth += 1
        elif char in "}]":
            depth -= 1
    return depth <= 0


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
    if _DASH_WITHOUT_SPACE.match(text):
        return _dash_message(index, start)
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
            return _dash_message(index, level)
    return None


def _dash_message(index: int, column: int) -> Diagnosis:
    return (
        codes.SYNTAX,
        index + 1,
        column + 1,
        "Efter »-« mangler et mellemrum. Et punkt i en liste starter med »- « (bindestreg og "
        "mellemrum).",
    )


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
    if previous is not None and indentation(above) <= indentation(line):
        if not _KEY_SEPARATOR.search(above_body) and not _is_list_text(above_body, line):
            return _missing_colon(previous, layout)
        if indentation(above) < indentation(line) and first and first.start() == error.column:
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
        return habits.colon_in_value(line, error.line, key, value, error.column)
    return None


_INDENTATION = (
    "did not find expected key",
    "expected <block end>",
    "expected '-' indicator",
    "document start>",  # libyaml: <document start>, PyYAML: '<document start>'
)


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


def _is_list_text(above: str, line: str) -> bool:
    """``- tekst`` above a line that is not aligned as the next key of the same item."""
    if not above.lstrip(" ").startswith(("- ", "-\t")) or ":" in above:
        return False
    return indentation(line) != indentation(above) + 2


def _first_item_without_dash(error: _Error, layout: Layout) -> Diagnosis | None:
    """A list whose first item lacks »- «: noticed at the second item, which has one."""
    if not 0 <= error.line < len(layout.lines):
        return None
    level = indentation(layout.lines[error.line])
    if not layout.lines[error.line].startswith(("- ", "-\t"), level):
        return None
    first: int | None = None
    for index in range(error.line - 1, -1, -1):
        if not layout.is_content(index):
            continue
        line = layout.lines[index]
        if indentation(line) > level:
            first = index
            continue
        body = line[: layout.comments.get(index, len(line))].rstrip()
        if first is None or not body.endswith(":") or line.startswith("-", indentation(line)):
            return None
        if layout.lines[first].startswith("-", indentation(layout.lines[first])):
            return None
        return _missing_dash(first, layout)
    return None


#: Problems that mean »this line does not fit the indentation around it«.
_MISFITS = (*_INDENTATION, "mapping values are not allowed", "could not find expected ':'")


def _off_grid(error: _Error, layout: Layout) -> Diagnosis | None:
    """A line indented by an odd number of spaces in a file indented in steps of two.

    The parser notices such a line at the first line after it that cannot fit, often the
    next key; the line that breaks the pattern is the one to fix.
    """
    if not any(problem in error.problem for problem in _MISFITS):
        return None
    if not 0 <= error.line < len(layout.lines) or not _steps_of_two(layout):
        return None
    if indentation(layout.lines[error.line]) % 2:
        return None  # the line the parser names is itself the odd one
    for index in range(error.line - 1, -1, -1):
        if not layout.is_content(index):
            continue
        spaces = indentation(layout.lines[index])
        if spaces % 2:
            return (
                codes.SYNTAX,
                index + 1,
                spaces + 1,
                f"Indrykningen passer ikke: linjen er rykket {spaces} mellemrum ind, men linjerne "
                "i filen er rykket ind i trin på 2 mellemrum. Ret antallet af mellemrum foran.",
            )
        if spaces == 0:
            return None
    return None


def _steps_of_two(layout: Layout) -> bool:
    """True when (nearly) every indented line is indented by an even number of spaces."""
    spaces = [
        indentation(line)
        for index, line in enumerate(layout.lines)
        if layout.is_content(index) and indentation(line)
    ]
    odd = sum(1 for n in spaces if n % 2)
    return len(spaces) >= 4 and odd <= max(1, len(spaces) // 20)


_RECOGNISERS: tuple[Callable[[_Error, Layout], Diagnosis | None], ...] = (
    _unclosed_quote,
    _unclosed_bracket,
    _off_grid,
    _simple_key,
    _list_item,
    _dash_without_space,
    _first_item_without_dash,
    _colon_in_value,
    _indentation,
)
