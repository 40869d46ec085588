"""Danish explanations of PyYAML's parser errors, with the position to show."""

from __future__ import annotations

import yaml

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
        "Der mangler et kolon (:) efter en nøgle, eller en tekst fortsætter på næste linje uden "
        "at være indrykket. Tjek linjen og linjen før.",
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
        "did not find expected ',' or ']'",
        codes.SYNTAX,
        "En liste i firkantede parenteser [ … ] bliver ikke lukket, eller der mangler et komma "
        "mellem punkterne.",
    ),
    (
        "did not find expected ',' or '}'",
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
        "special characters are not allowed",
        codes.ENCODING,
        "Filen indeholder et styretegn, som ikke må stå i en tekstfil. Slet det.",
    ),
    (
        "control characters are not allowed",
        codes.ENCODING,
        "Filen indeholder et styretegn, som ikke må stå i en tekstfil. Slet det.",
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


def describe_yaml_error(exc: yaml.YAMLError, text: str) -> tuple[Code, int, int, str]:
    """Return (code, line, column, Danish message) for a PyYAML error (1-based position)."""
    problem = str(getattr(exc, "problem", "") or "")
    context = str(getattr(exc, "context", "") or "")
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if isinstance(exc, yaml.reader.ReaderError):
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        return (
            codes.ENCODING,
            line,
            column,
            "Filen indeholder et styretegn, som ikke må stå i en tekstfil. Slet det.",
        )
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    for fragment, code, message in _PROBLEMS:
        if fragment in problem or fragment in context:
            return code, line, column, message
    detail = problem or context or type(exc).__name__
    return (
        codes.SYNTAX,
        line,
        column,
        f"Filen er ikke gyldig YAML. Tjek stavning, kolon og indrykning (teknisk: {detail}).",
    )
