"""Hver deltager står kun én gang i en samlet vurdering.

En vurdering, der er samlet fra flere deltageres bedømmelser, gemmer hver bedømmelse under
»bedømmelser«. Den samme person må kun stå der én gang; ellers tæller personens bud dobbelt i
gruppens forslag. Navne sammenlignes uden forskel på store og små bogstaver. En begrundelse
skal også her høre til et valgt niveau.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kbtools.checking.context import Context
from kbtools.checking.rules.base import items, make
from kbtools.checking.rules.rating_content import reason_message, reasons_without_level
from kbtools.findings import Code, Finding, Level
from kbtools.loading import Document

KEY = "bedømmelser"

DUPLICATE_RATER = Code(
    "vurdering-bedoemmer-dobbelt",
    Level.FEJL,
    "Den samme deltager står mere end én gang under »bedømmelser«.",
    "»Henrik Dahl« står også i bedømmelse nr. 1. Hver deltager må kun bedømme én gang.",
)
REASON_WITHOUT_LEVEL = Code(
    "vurdering-begrundelse-uden-niveau",
    Level.FEJL,
    "En deltagers begrundelse står ved en parameter, deltageren ikke har valgt et niveau for.",
    "Der er en begrundelse for »laering«, men intet niveau. …",
)
CODES = (DUPLICATE_RATER, REASON_WITHOUT_LEVEL)


def rater_key(name: str) -> str:
    """How two raters' names are compared: case and surrounding spaces do not count."""
    return " ".join(name.split()).casefold()


def check(document: Document, schema: dict[str, Any], context: Context) -> Iterator[Finding]:
    seen: dict[str, int] = {}
    for index, rating in items(document.data, KEY):
        name = rating.get("navn")
        if isinstance(name, str) and name.strip():
            key = rater_key(name)
            if key in seen:
                yield make(
                    document,
                    (KEY, index, "navn"),
                    DUPLICATE_RATER,
                    f"»{name}« står også i bedømmelse nr. {seen[key] + 1}. Hver deltager må "
                    "kun bedømme én gang.",
                )
            else:
                seen[key] = index
        for parameter, reason_key in reasons_without_level(rating):
            path = (KEY, index, "begrundelser", reason_key)
            yield make(document, path, REASON_WITHOUT_LEVEL, reason_message(parameter))
