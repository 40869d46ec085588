"""The finding codes of the schema check, one per kind of schema rule that a value breaks."""

from __future__ import annotations

from kbtools.findings import Code, Level

MISSING = Code(
    "skema-mangler",
    Level.FEJL,
    "Et element, som skemaet kræver, mangler. Beskeden siger hvilket, og positionen er det "
    "afsnit, det skal stå i.",
    "Elementet »varighed« (Varighed) mangler i filen.",
)
TYPE = Code(
    "skema-type",
    Level.FEJL,
    "Værdien er af den forkerte slags: fx en tekst, hvor der skal stå et tal, eller en enkelt "
    "værdi, hvor der skal stå en liste.",
    "»lks« (LKS-aftale) skal være true eller false, men er teksten »nej«. Skriv true eller "
    "false (ikke ja/nej, yes/no eller on/off).",
)
VALUE = Code(
    "skema-vaerdi",
    Level.FEJL,
    "Værdien er ikke en af dem, skemaet tillader. Beskeden foreslår den, der ligner mest, "
    "eller lister de tilladte værdier.",
    "»system« (System) må ikke være teksten »skole«. Tilladte værdier: …",
)
UNKNOWN_KEY = Code(
    "skema-ukendt-noegle",
    Level.FEJL,
    "Nøglen findes ikke på dette sted i skemaet, ofte en stavefejl. Beskeden foreslår den "
    "nøgle, der ligner mest.",
    "Nøglen »formaal« findes ikke her. Mente du »formål«?",
)
DATE = Code(
    "skema-dato",
    Level.FEJL,
    "En dato er ikke en rigtig dato skrevet som ÅÅÅÅ-MM-DD.",
    "»start« (Start) skal være en rigtig dato skrevet som ÅÅÅÅ-MM-DD, men er teksten »2027-02-30«.",
)
TOO_FEW = Code(
    "skema-for-faa",
    Level.FEJL,
    "En liste har færre punkter, end skemaet kræver (eller er tom).",
    "»opgaver« (Opgaver) skal have mindst 1 punkt.",
)
TOO_MANY = Code(
    "skema-for-mange",
    Level.FEJL,
    "En liste har flere punkter, end skemaet tillader.",
    "»parametre« (Parametre) må højst have 8 punkter, men har 9.",
)
EMPTY_TEXT = Code(
    "skema-tom-tekst",
    Level.FEJL,
    "En tekst, der skal udfyldes, er tom.",
    "»navn« (Navn) må ikke være tom.",
)
EMPTY = Code(
    "skema-tom",
    Level.FEJL,
    "En gruppe af beløb pr. år er tom; den skal indeholde mindst ét beløb.",
    "»pr_år« (Beløb pr. år) må ikke være tom.",
)
PATTERN = Code(
    "skema-moenster",
    Level.FEJL,
    "En tekst har ikke den form, feltet kræver (fx et id med små bogstaver og bindestreger "
    "eller en e-mailadresse med @).",
    "»id« (Id) har en form, der ikke er tilladt: teksten »Jobcenter A«. Et id må kun have små "
    "bogstaver, …",
)
KEY_NAME = Code(
    "skema-noegle",
    Level.FEJL,
    "En nøgle har ikke den form, skemaet kræver her (fx et årstal med fire cifre).",
    "Nøglen »17« under »pr_år« har en form, der ikke er tilladt. Skriv årstallet med fire "
    "cifre, fx 2027.",
)
MINIMUM = Code(
    "skema-minimum",
    Level.FEJL,
    "Et tal er mindre end det mindste, feltet tillader (fx et negativt beløb).",
    "»timer« (Timer) skal være større end 0, men er tallet 0.",
)
INVALID = Code(
    "skema-ugyldig",
    Level.FEJL,
    "Værdien bryder en anden regel i skemaet. Beskeden siger hvilken.",
    "»…« er ugyldig (…).",
)

#: The code for each JSON Schema keyword a value can break.
BY_KEYWORD = {
    "required": MISSING,
    "type": TYPE,
    "enum": VALUE,
    "const": VALUE,
    "additionalProperties": UNKNOWN_KEY,
    "format": DATE,
    "minItems": TOO_FEW,
    "maxItems": TOO_MANY,
    "minLength": EMPTY_TEXT,
    "minProperties": EMPTY,
    "pattern": PATTERN,
    "propertyNames": KEY_NAME,
    "minimum": MINIMUM,
    "exclusiveMinimum": MINIMUM,
}

CODES = (
    MISSING,
    TYPE,
    VALUE,
    UNKNOWN_KEY,
    DATE,
    TOO_FEW,
    TOO_MANY,
    EMPTY_TEXT,
    EMPTY,
    PATTERN,
    KEY_NAME,
    MINIMUM,
    INVALID,
)
