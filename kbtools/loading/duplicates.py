"""What to say about keys that stand twice in one section, so that following it helps.

- One key twice: the first one is read. Usually a different key was meant, or the second
  belongs with the first.
- A key twice right under a key written without a value (``kontakt:`` and then ``navn:`` at
  the same indentation): the lines belong *under* that key and are indented too little.
  Moving them up to the first »navn« would delete the contact's name.
- Many keys twice (the whole agreement pasted in again): one finding for them all, not one
  per key.
"""

from __future__ import annotations

from dataclasses import dataclass

from kbtools.danish import format_list

#: From this many keys standing twice in one section, they are told as one repeat.
REPEATED = 3


@dataclass(frozen=True)
class Duplicate:
    key: str
    line: int  # 1-based, where the key stands again
    column: int
    first_line: int  # 1-based, where it stood first
    #: the key just above at the same indentation, when it was written without a value
    empty_above: str | None


def messages(duplicates: list[Duplicate]) -> list[tuple[int, int, str]]:
    """(line, column, Danish message) for the keys of one section that stand twice."""
    if len(duplicates) >= REPEATED:
        return [_repeated(duplicates)]
    return [(d.line, d.column, _message(d)) for d in duplicates]


def _message(duplicate: Duplicate) -> str:
    key = duplicate.key
    said = (
        f"Nøglen »{key}« står to gange i samme afsnit (første gang i linje "
        f"{duplicate.first_line}), så kun den første bliver læst."
    )
    if duplicate.empty_above is not None:
        above = duplicate.empty_above
        return (
            f"{said} Nøglen lige over, »{above}:«, har ingen værdi: hører »{key}« og linjerne "
            f"under den til »{above}«, så ryk dem 2 mellemrum længere ind end »{above}«."
        )
    return (
        f"{said} Er det en anden nøgle, så ret navnet; hører indholdet til den første, så flyt "
        "det derop, så nøglen kun står én gang."
    )


def _repeated(duplicates: list[Duplicate]) -> tuple[int, int, str]:
    first = duplicates[0]
    names = [f"»{d.key}«" for d in duplicates[:REPEATED]]
    more = len(duplicates) - len(names)
    listed = format_list([*names, f"{more} til"] if more else names)
    return (
        first.line,
        first.column,
        f"Fra linje {first.line} står {len(duplicates)} nøgler, der allerede står længere oppe "
        f"i samme afsnit, igen ({listed}), som om indholdet er sat ind to gange. Kun det "
        "første bliver læst. Slet det, der står to gange, så hver nøgle kun står én gang.",
    )
