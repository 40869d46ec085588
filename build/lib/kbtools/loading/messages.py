"""Danish explanations of PyYAML's parser errors (the fallback of :mod:`.diagnose`)."""

from __future__ import annotations

from kbtools.findings import Code
from kbtools.loading import codes

#: (fragment of PyYAML's English problem text, code, Danish explanation). First match wins.
_PROBLEMS: tuple[tuple[str, Code, str], ...] = (
    (
        "expected a single document",
        codes.MULTIPLE_DOCUMENTS,
        "Filen indeholder mere end ét dokument (en linje med »---« eller »...«). En fil må kun "
        "indeholde én aftale.",
    ),
    (
        "found character '\\t'",
        codes.TAB,
        "Der står et tabulatortegn, hvor YAML ikke tillader det. Brug mellemrum, ikke "
        "tabulatortegn, til indrykning.",
    ),
    (
        "could not find expected ':'",
        codes.SYNTAX,
        "Der mangler et kolon (:) efter en nøgle, eller en tekst fortsætter på en ny linje uden "
        "at være rykket ind. Tjek denne linje og linjen før.",
    ),
    (
        "mapping values are not allowed",
        codes.SYNTAX,
        "Der står et kolon (:) et sted, hvor det ikke er tilladt. Indeholder teksten »: «, så "
        "sæt hele teksten i anførselstegn. Ellers: tjek indrykningen.",
    ),
    (
        "found unexpected end of stream",
        codes.SYNTAX,
        "Filen slutter midt i en værdi. Mangler der et afsluttende anførselstegn?",
    ),
    (
        "found unexpected ':'",
        codes.SYNTAX,
        "Der står et kolon (:) et uventet sted. Sæt teksten i anførselstegn.",
    ),
    (
        "did not find expected key",
        codes.SYNTAX,
        "Indrykningen passer ikke: linjen står hverken under den forrige nøgle eller på samme "
        "niveau som den. Ret antallet af mellemrum foran.",
    ),
    (
        "did not find expected '-' indicator",
        codes.SYNTAX,
        "Indrykningen i en liste passer ikke. Hvert punkt skal starte med »- « på samme niveau.",
    ),
    (
        "did not find expected node content",
        codes.SYNTAX,
        "Der mangler en værdi her. Tjek for tegn som »,«, »]« eller »}« et uventet sted.",
    ),
    (
        "expected <block end>",
        codes.SYNTAX,
        "Indrykningen passer ikke. Tjek, at linjen har samme antal mellemrum foran som linjerne "
        "på samme niveau.",
    ),
    (
        "expected ',' or ']'",
        codes.SYNTAX,
        "En liste i firkantede parenteser [ … ] bliver ikke lukket, eller der mangler et komma "
        "mellem punkterne.",
    ),
    (
        "expected ',' or '}'",
        codes.SYNTAX,
        "En tabel i krøllede parenteser { … } bliver ikke lukket, eller der mangler et komma.",
    ),
    (
        "found unknown escape character",
        codes.SYNTAX,
        "Teksten i dobbelte anførselstegn indeholder en ukendt kode efter »\\«. Brug enkelte "
        "anførselstegn (') i stedet.",
    ),
    (
        "found undefined tag handle",
        codes.TAG,
        "Typeangivelser (tags, der starter med »!«) er ikke tilladt. Sæt værdien i "
        "anførselstegn i stedet.",
    ),
    (
        "found character that cannot start any token",
        codes.SYNTAX,
        "Linjen starter med et tegn, som ikke kan stå først i YAML (fx @ eller `). Sæt teksten "
        "i anførselstegn.",
    ),
    (
        "while scanning a quoted scalar",
        codes.SYNTAX,
        "Et anførselstegn bliver ikke lukket. Tjek, at teksten slutter med samme slags "
        "anførselstegn, som den starter med.",
    ),
)


def translate(problem: str, context: str, line: int, column: int) -> tuple[Code, int, int, str]:
    """(code, line, column, Danish message) for PyYAML's English ``problem``/``context``."""
    for fragment, code, message in _PROBLEMS:
        if fragment in problem or fragment in context:
            return code, line, column, message
    detail = problem or context or "ukendt"
    return (
        codes.SYNTAX,
        line,
        column,
        f"Filen er ikke gyldig YAML. Tjek stavning, kolon og indrykning (teknisk: {detail}).",
    )
