"""Advice for a value of the wrong type that works when it is followed.

Each piece of advice is checked by following it: the value it suggests must pass the same
field's schema, not lead to the next error (»sæt i anførselstegn« on ``start: 2027`` only
turns a type error into a date error; »fx 15000« is no help for ``timer: "20"``).
"""

from __future__ import annotations

import re
from typing import Any

from kbtools.loading.build import MAX_NUMBER

#: Characters Word and other editors put in front of a list item.
BULLETS = "*•·‣▪◦–—"

_PLAIN_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?")
#: A number as people write it in a text: thousands separated by dots or spaces, a decimal
#: comma, a unit after it (»15.000 kr.«, »7,5 timer«, »20 t.«).
_WRITTEN_NUMBER = re.compile(
    r"(?P<whole>-?[0-9]{1,3}(?:[. ][0-9]{3})+|-?[0-9]+)(?:,(?P<fraction>[0-9]+))?"
    r"\s*(?:kr\.?|mio\.?(?: kr\.?)?|timer?|t\.?|%)?"
)


def number_from_text(text: str) -> str | None:
    """The number a text such as »20«, »7,5 timer« or »15.000 kr.« stands for, as YAML reads
    it (``20``, ``7.5``, ``15000``); None when the text is not one number."""
    stripped = text.strip()
    match = _WRITTEN_NUMBER.fullmatch(stripped)  # first: »10.000« is ten thousand here
    if match is None:
        return stripped if _PLAIN_NUMBER.fullmatch(stripped) else None
    whole = match["whole"].replace(".", "").replace(" ", "").lstrip("0") or "0"
    if whole == "-":
        whole = "-0"
    fraction = (match["fraction"] or "").rstrip("0")
    if len(fraction) == 3:
        fraction += "0"  # 7.125 would read as 7125 (a thousands separator); 7.1250 cannot
    return f"{whole}.{fraction}" if fraction else whole


def for_number(value: str) -> str:
    """What to write instead of the text ``value`` where a number belongs."""
    number = number_from_text(value)
    if number is not None and abs(float(number)) >= MAX_NUMBER:
        return "Tallet er for stort: et tal må højst være 999.999.999.999."
    if number is None:
        return (
            "Skriv kun tallet, uden enhed og tusindtalspunktum og med punktum som decimaltegn, "
            "fx 15000 eller 7.5."
        )
    if number == value.strip():
        return f"Fjern anførselstegnene, så værdien læses som et tal: {number}."
    return (
        f"Skriv tallet sådan: {number} (uden anførselstegn, enhed og tusindtalspunktum og med "
        "punktum som decimaltegn)."
    )


def for_date(value: Any) -> str:
    """What to write instead of ``value`` where a date (ÅÅÅÅ-MM-DD) belongs."""
    year = value if isinstance(value, int) and not isinstance(value, bool) else None
    example = f"{year}-01-01" if year is not None and 1000 <= year <= 9999 else "2027-01-01"
    return f"Skriv en hel dato som ÅÅÅÅ-MM-DD, fx {example}."


def for_list(value: Any) -> str:
    """What to write instead of ``value`` where a list belongs, or '' with no advice."""
    if isinstance(value, str) and value.lstrip()[:1] in BULLETS and value.strip():
        return (
            f"Teksten starter med »{value.lstrip()[0]}«: skriv hvert punkt på sin egen linje "
            "med »- « (bindestreg og mellemrum) foran i stedet."
        )
    return ""


#: Small repairs of a value copied from an e-mail or a web page, tried in turn.
_REPAIRS = (
    str.strip,
    lambda text: re.sub(r"^mailto:", "", text, flags=re.IGNORECASE),
    lambda text: text.removeprefix("<").removesuffix(">"),
    lambda text: text.rstrip(".,;:"),
)


def for_pattern(value: Any, pattern: str) -> str:
    """»Skriv den sådan: …« when small repairs (a »mailto:« or a full stop copied along) make
    ``value`` match ``pattern``; '' when they do not."""
    if not isinstance(value, str):
        return ""
    repaired = value
    for repair in _REPAIRS:
        repaired = repair(repaired)
    if repaired == value or not repaired or re.search(pattern, repaired) is None:
        return ""
    return f"Skriv den sådan: »{repaired}«."
