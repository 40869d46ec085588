"""Danish explanations of the parsers' errors (the fallback of :mod:`.diagnose`).

The fragments cover the English of both libyaml (the CLI's parser) and PyYAML's pure-Python
parser (the browser's), which word the same problem differently. No English reaches the user:
a problem no fragment matches gets a general Danish message, never the parser's words.
"""

from __future__ import annotations

from kbtools.findings import Code
from kbtools.loading import codes

#: (fragment of PyYAML's English problem text, code, Danish explanation). First match wins.
_PROBLEMS: tuple[tuple[str, Code, str], ...] = (
    (
        "exceeded maximum nesting depth",
        codes.TOO_DEEP,
        "Filen er indlejret for dybt (for mange niveauer af indrykning eller parenteser). Det "
        "kan ikke være en aftale.",
    ),
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
        "found invalid Unicode character escape code",
        codes.SYNTAX,
        "Teksten i dobbelte anførselstegn indeholder en kode efter »\\u« eller »\\U«, som ikke "
        "er et gyldigt tegn. Skriv tegnet direkte, eller brug enkelte anførselstegn (').",
    ),
    (
        # libyaml: »did not find expected hexdecimal number«, PyYAML: »… hexadecimal numbers«
        "decimal number",
        codes.SYNTAX,
        "Teksten i dobbelte anførselstegn indeholder »\\x«, »\\u« eller »\\U« uden en gyldig "
        "tegnkode efter. Brug enkelte anførselstegn (') i stedet.",
    ),
    (
        "sequence entries are not allowed",
        codes.SYNTAX,
        "Et punkt i en liste (»- «) kan ikke stå på samme linje som nøglen. Skriv punktet på en "
        "ny linje, rykket ind under nøglen; er bindestregen en del af en tekst, så sæt hele "
        "teksten i anførselstegn.",
    ),
    (
        "mapping keys are not allowed",
        codes.SYNTAX,
        "»? « (spørgsmålstegn og mellemrum) betyder noget særligt i YAML og kan ikke stå her. "
        "Sæt hele teksten i anførselstegn.",
    ),
    (
        "a tab character",
        codes.TAB,
        "Der står et tabulatortegn, hvor YAML ikke tillader det. Brug mellemrum, ikke "
        "tabulatortegn, til indrykning.",
    ),
    (
        "chomping or indentation indicators",  # PyYAML: »|x«
        codes.SYNTAX,
        "Efter »|« eller »>« må der ikke stå mere på linjen; teksten begynder på linjen under, "
        "rykket ind. Er »|« eller »>« en del af teksten, så sæt hele teksten i anførselstegn.",
    ),
    (
        "indentation indicator",  # »|0« or »>0«
        codes.SYNTAX,
        "Efter »|« eller »>« kan der stå et tal fra 1 til 9 (hvor mange mellemrum teksten er "
        "rykket ind), men ikke 0. Fjern tallet.",
    ),
    (
        "comment or line break",  # libyaml: »|x«; both: text after a quoted text
        codes.SYNTAX,
        "Her står mere på linjen, end YAML tillader efter det foregående (fx tekst efter »|«, "
        "»>« eller et afsluttende anførselstegn). Sæt hele teksten i anførselstegn, eller flyt "
        "resten til en ny linje.",
    ),
    (
        "while scanning an a",  # an anchor or an alias: »& x«, »* x«
        codes.SYNTAX,
        "Et »*« eller »&« først i en værdi læses som en henvisning eller et anker i YAML. Er det "
        "et punkt i en liste, så skriv »- « i stedet; ellers sæt hele teksten i anførselstegn.",
    ),
    (
        "directive",  # »%YAML«, »%TAG« or an unknown »%…« at the start of a line
        codes.SYNTAX,
        "En linje, der starter med »%«, læses som en besked til YAML-læseren. Ryk linjen ind "
        "under sin nøgle, sæt teksten i anførselstegn, eller fjern linjen.",
    ),
    (
        "incompatible YAML document",
        codes.SYNTAX,
        "Filen angiver en YAML-version, som ikke kan læses. Fjern linjen, der starter med »%YAML«.",
    ),
    (
        " tag",  # »while scanning a tag«, »did not find expected tag URI«, »non-specific tag«
        codes.TAG,
        "Typeangivelser (tags, der starter med »!«) er ikke tilladt. Sæt værdien i "
        "anførselstegn i stedet.",
    ),
    (
        "document indicator",  # libyaml: a line »---« or »...« inside a quoted text
        codes.MULTIPLE_DOCUMENTS,
        "En linje, der starter med »---« eller »...«, afslutter dokumentet, også inde i en "
        "tekst. Ryk linjen ind, eller skriv teksten anderledes.",
    ),
    (
        "document separator",  # PyYAML's words for the same
        codes.MULTIPLE_DOCUMENTS,
        "En linje, der starter med »---« eller »...«, afslutter dokumentet, også inde i en "
        "tekst. Ryk linjen ind, eller skriv teksten anderledes.",
    ),
    (
        "expected the node content",  # PyYAML's »did not find expected node content«
        codes.SYNTAX,
        "Der mangler en værdi her. Tjek for tegn som »,«, »]« eller »}« et uventet sted.",
    ),
    (
        "unclosed '[' or '{'",
        codes.SYNTAX,
        "En parentes »[« eller »{« bliver ikke lukket, eller indrykningen passer ikke. Afslut "
        "parentesen; er den en del af en tekst, så sæt hele teksten i anførselstegn.",
    ),
    (
        "control characters are not allowed",
        codes.CONTROL,
        "Her står et usynligt styretegn, som ikke må stå i en YAML-fil. Erstat det med et "
        "almindeligt mellemrum.",
    ),
    (
        "that cannot start any token",  # PyYAML: »found character '@' that cannot …«
        codes.SYNTAX,
        "Linjen starter med et tegn, som ikke kan stå først i YAML (fx @ eller `). Sæt teksten "
        "i anførselstegn.",
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
    return (
        codes.SYNTAX,
        line,
        column,
        "Filen er ikke gyldig YAML her. Tjek kolon, anførselstegn, parenteser og indrykning på "
        "denne linje og linjen før.",
    )
