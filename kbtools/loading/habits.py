"""Parser errors that come from habits of other editors, told with advice that fixes them.

- Word (and e-mail) puts »•«, »*« or »–« in front of a list item, where YAML wants »- «.
- A »#« in a sentence (»ledelse # og deres vækstplaner«) starts a comment in YAML, so the
  rest of the sentence silently disappears from the signed document.
- Two keys written on one line (``maal: klub ressourcer: kompagni``) look to YAML like a
  text with a colon in it; putting that text in quotes would make it one wrong value.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from kbtools.findings import Code
from kbtools.loading import codes
from kbtools.loading.layout import Layout, indentation
from kbtools.schemas import load_schema, schema_files

#: (code, 1-based line, 1-based column, Danish message), as in :mod:`.diagnose`
Diagnosis = tuple[Code, int, int, str]

#: One space and then »#« right after an unquoted text: YAML reads the rest of the line as a
#: comment. A comment meant as one is set off by two spaces or a tab, as yamllint asks
#: (``min-spaces-from-content: 2``); a »#« in a sentence has the one space between words.
_COMMENT_AFTER = re.compile(r" #")

#: The start of a »key: value« line.
_KEY_LIKE = re.compile(r"[^\s:#][^:]*:(\s|$)")

#: Characters other editors put in front of a list item.
BULLETS = "*•·‣▪◦–—"


@cache
def known_keys() -> frozenset[str]:
    """Every key any file kind's schema knows (``maal``, ``ressourcer``, ``navn`` …)."""
    return frozenset(
        key
        for path in schema_files()
        for key in _property_names(load_schema(path.name.removesuffix(".schema.json")))
    )


def _property_names(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        properties = node.get("properties")
        if isinstance(properties, dict):
            yield from properties
        for value in node.values():
            yield from _property_names(value)
    elif isinstance(node, list):
        for value in node:
            yield from _property_names(value)


def bullet(layout: Layout, candidates: list[int | None]) -> Diagnosis | None:
    """A line among ``candidates`` (0-based) that starts with a bullet instead of »- «."""
    for index in sorted({c for c in candidates if c is not None and 0 <= c < len(layout.lines)}):
        line = layout.lines[index]
        column = indentation(line)
        char = line[column : column + 1]
        if char and char in BULLETS and line[column + 1 : column + 2] in (" ", "\t"):
            item = line[column + 2 :].strip()
            if _among_keys(layout, index, column, item):
                advice = (
                    f"Her står nøgler, ikke en liste: slet »{char} «, så linjen lyder »{item}«."
                )
            else:
                advice = (
                    "Et punkt i en liste skrives med »- « (bindestreg og mellemrum) foran: "
                    f"»- {item}«."
                )
            return (
                codes.SYNTAX,
                index + 1,
                column + 1,
                f"Linjen starter med »{char}« (et punkttegn som i Word). {advice}",
            )
    return None


def _among_keys(layout: Layout, index: int, column: int, item: str) -> bool:
    """Whether a bulleted ``item`` (»værdisæt: Åbenhed«) is one more key among keys: then
    »- « would make it a list the file cannot have there. Not when the line right above is a
    key that opens it (»værdisæt:«): then the bullets are that key's list."""
    if not _KEY_LIKE.match(item):
        return False
    deeper = False
    for above in reversed(layout.lines[:index]):
        stripped = above.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if indentation(above) > column:
            deeper = True
            continue
        if indentation(above) < column or stripped.startswith(("- ", "-\t")):
            return False
        return ":" in stripped and not (stripped.endswith(":") and not deeper)
    return False


def colon_in_value(line: str, index: int, key: str, value: str, column: int) -> Diagnosis:
    """A second »: « on a key's line (``column``: 0-based, where the parser noticed it).

    When the word before the second colon is a key of the format and a short value comes
    before it, it is most likely a second key that belongs on a line of its own; else the
    colon is part of a text, which then needs quotes.
    """
    before, _, after = value.partition(": ")
    words = before.split()
    if 2 <= len(words) <= 4 and words[-1] in known_keys() and after.strip():
        second = words[-1]
        first_value = " ".join(words[:-1])
        spaces = indentation(line) + (2 if line.lstrip(" ").startswith("- ") else 0)
        level = f"{spaces} mellemrum inde" if spaces else "helt ude til venstre"
        second_line = f"{second}: {after.strip()}"
        return (
            codes.SYNTAX,
            index + 1,
            column - len(second) + 1,
            f"Der står to nøgler på samme linje: »{key}: {first_value}« og »{second_line}«. "
            f"Skriv »{second_line}« på en ny linje under, med samme indrykning som »{key}« "
            f"({level}). Er det i stedet én tekst, så sæt hele teksten i anførselstegn: "
            f'{key}: "{value}"',
        )
    return (
        codes.SYNTAX,
        index + 1,
        column + 1,
        f"Teksten efter »{key}:« indeholder selv et kolon med mellemrum efter (»: «). Sæt hele "
        f'teksten i anførselstegn: {key}: "{value}"',
    )


def cut_by_comment(text: str, start: int, end: int) -> tuple[int, str] | None:
    """(offset of the »#«, Danish message) when the unquoted text ``text[start:end]`` is
    followed on its line by » #« and more, which is most likely the rest of the text."""
    match = _COMMENT_AFTER.match(text, end)  # first, and in place: most texts end otherwise
    if match is None:
        return None
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    hash_at = match.end() - 1
    rest = text[hash_at + 1 : line_end].strip()
    if not rest:
        return None
    written = text[start:line_end].rstrip()
    if "\n" in written:
        quoted = "hele teksten i anførselstegn"
    elif '"' not in written:
        quoted = f'hele teksten i anførselstegn: "{written}"'
    else:
        quoted = "hele teksten i enkelte anførselstegn: '" + written.replace("'", "''") + "'"
    return (
        hash_at,
        f"Teksten stopper ved »#«, fordi »#« efter et mellemrum starter en kommentar: »{rest}« "
        f"kommer ikke med. Hører det til teksten, så sæt {quoted}. Er det en kommentar, så "
        "flyt den til sin egen linje.",
    )
