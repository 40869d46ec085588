"""The finding codes of loading: a file that cannot be read, or is not the YAML we accept."""

from __future__ import annotations

from kbtools.findings import Code, Level

UNREADABLE = Code(
    "fil-ulaeselig",
    Level.FEJL,
    "Filen findes ikke, er en mappe eller kan ikke læses (fx manglende adgang).",
    "Filen findes ikke.",
)
TOO_BIG = Code(
    "yaml-for-stor",
    Level.FEJL,
    "Filen er større end en aftale kan være (over 1.000.000 bytes), så den læses ikke.",
    "Filen er for stor. En aftale må højst fylde 1.000.000 bytes.",
)
TOO_DEEP = Code(
    "yaml-for-dyb",
    Level.FEJL,
    "Filen har flere indrykningsniveauer, end en aftale kan have.",
    "Filen er indlejret mere end 100 niveauer. Det kan ikke være en aftale.",
)
UNEXPECTED = Code(
    "yaml-uventet",
    Level.FEJL,
    "Indlæsningen stødte på en uventet fejl. Meld den gerne til LKS-vidensbasen.",
    "Filen kunne ikke indlæses på grund af en uventet fejl (…).",
)
ENCODING = Code(
    "yaml-kodning",
    Level.FEJL,
    "Filen er ikke gemt som UTF-8 (fx som UTF-16 eller i en gammel Windows-tegnkodning). Gem "
    "den som UTF-8.",
    "Filen er ikke gemt som UTF-8 (der står et tegn, som ikke kan læses, …). Gem filen som UTF-8.",
)
NUL = Code(
    "yaml-nul-tegn",
    Level.FEJL,
    "Filen indeholder et NUL-tegn og er sandsynligvis ikke en tekstfil.",
    "Filen indeholder et NUL-tegn (byte 0). Er det en tekstfil? …",
)
CONTROL = Code(
    "yaml-styretegn",
    Level.FEJL,
    "Filen indeholder et usynligt styretegn, som ikke må stå i en YAML-fil, fx det lodrette "
    "tabulatortegn (U+000B), som Word indsætter ved Shift+Enter. Erstat det med et almindeligt "
    "mellemrum.",
    "Her står et lodret tabulatortegn (U+000B), som Word indsætter ved Shift+Enter. …",
)
INVISIBLE = Code(
    "yaml-usynligt-tegn",
    Level.FEJL,
    "Et tegn, man ikke kan se, står et sted, hvor det ændrer, hvad filen betyder: fx et hårdt "
    "mellemrum (U+00A0) i indrykningen eller efter et kolon, eller et nulbredde-mellemrum "
    "(U+200B) i en nøgle. Erstat det med et almindeligt mellemrum.",
    "Her står et hårdt mellemrum (U+00A0) i værdien. Det kan ikke ses, men det ændrer, hvad "
    "filen betyder. …",
)
TAB = Code(
    "yaml-tabulator",
    Level.FEJL,
    "En linje er indrykket med et tabulatortegn. YAML kræver mellemrum.",
    "Linjen er indrykket med et tabulatortegn. Brug mellemrum, ikke tabulatortegn, til indrykning.",
)
SYNTAX = Code(
    "yaml-syntaks",
    Level.FEJL,
    "Filen er ikke gyldig YAML: et kolon, et anførselstegn, en parentes eller indrykningen "
    "passer ikke. Beskeden siger hvad, og positionen hvor.",
    "Der mangler et kolon (:) efter »formaal«. En nøgle skrives med kolon efter, fx »formaal:«.",
)
MULTIPLE_DOCUMENTS = Code(
    "yaml-flere-dokumenter",
    Level.FEJL,
    "Filen indeholder mere end ét dokument (en linje med »---«). En fil er én aftale.",
    "Filen indeholder mere end ét dokument (en linje med »---« eller »...«). …",
)
ANCHOR = Code(
    "yaml-anker",
    Level.FEJL,
    "Ankre (&navn) og henvisninger (*navn) er ikke tilladt; skriv værdien ud hvert sted.",
    "Ankre (&navn) og henvisninger (*navn) er ikke tilladt. …",
)
TAG = Code(
    "yaml-tag",
    Level.FEJL,
    "Typeangivelser (tags, der starter med »!«) er ikke tilladt.",
    "Typeangivelser (tags) som »!!str« er ikke tilladt. …",
)
EMPTY = Code(
    "yaml-tom",
    Level.FEJL,
    "Filen er tom.",
    "Filen er tom. Den skal indeholde en aftale, en vurdering eller en bedømmelse.",
)
TOP_LEVEL = Code(
    "yaml-topniveau",
    Level.FEJL,
    "Filen skal bestå af nøgler og værdier, men den er en liste eller en enkelt tekst.",
    "Filen skal bestå af nøgler og værdier (som »skema: …«), men den indeholder en liste.",
)
KEY = Code(
    "yaml-noegle",
    Level.FEJL,
    "En nøgle er en liste eller en tabel; en nøgle skal være et ord eller en tekst.",
    "En nøgle skal være et ord eller en tekst, ikke en liste eller en tabel.",
)
DUPLICATE_KEY = Code(
    "yaml-dobbelt-noegle",
    Level.FEJL,
    "Den samme nøgle står to gange i samme afsnit, så kun den første bliver læst. Ofte mangler "
    "der »- « foran et nyt punkt i en liste.",
    "Nøglen »titel« står to gange i samme afsnit (første gang i linje 1), så kun den første "
    "bliver læst. …",
)
AMBIGUOUS_NUMBER = Code(
    "yaml-tvetydigt-tal",
    Level.FEJL,
    "Et tal med punktum som tusindtalsseparator (fx 10.000) kan også læses som et decimaltal. "
    "Skriv beløb uden punktum.",
    "»10.000« kan læses både som et decimaltal og som et tal med tusindtalspunktum. …",
)
LARGE_NUMBER = Code(
    "yaml-for-stort-tal",
    Level.FEJL,
    "Et tal er uendeligt eller større end 999.999.999.999 (fx 1.0e999 eller et tal med "
    "hundredvis af cifre). Så store tal hører ikke hjemme i en aftale; tjek tallet, eller "
    "skriv beløbet i en større enhed (mio. kr.).",
    "»1.0e999« er et for stort tal: et tal må højst være 999.999.999.999 (og mindst …",
)
DECIMAL_COMMA = Code(
    "yaml-decimalkomma",
    Level.FEJL,
    "Et tal med decimalkomma i krøllede parenteser (fx {timer: 7,5}) bliver læst som to "
    "ting, fordi kommaet skiller værdierne ad. Brug punktum som decimaltegn (7.5).",
    "»7,5« er læst som to ting, fordi et komma i { … } skiller værdierne ad, så »5« blev en "
    "ny nøgle. Brug punktum som decimaltegn: 7.5.",
)
COMMENT_IN_TEXT = Code(
    "yaml-kommentar-i-tekst",
    Level.ADVARSEL,
    "En tekst uden anførselstegn fortsætter efter » #«. YAML læser alt fra »#« som en "
    "kommentar, så resten af teksten kommer ikke med i aftalen. Sæt teksten i anførselstegn.",
    "Teksten stopper ved »#«, fordi »#« efter et mellemrum starter en kommentar: »og deres "
    "vækstplaner« kommer ikke med. …",
)

CODES = (
    UNREADABLE,
    TOO_BIG,
    TOO_DEEP,
    UNEXPECTED,
    ENCODING,
    NUL,
    CONTROL,
    INVISIBLE,
    TAB,
    SYNTAX,
    MULTIPLE_DOCUMENTS,
    ANCHOR,
    TAG,
    EMPTY,
    TOP_LEVEL,
    KEY,
    DUPLICATE_KEY,
    AMBIGUOUS_NUMBER,
    LARGE_NUMBER,
    DECIMAL_COMMA,
    COMMENT_IN_TEXT,
)
