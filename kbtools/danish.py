"""Every value → Danish text conversion users see: amounts, dates, durations, lists, counts.

Render, diff, the checks, the typology views and the docs call these functions instead of
``str()``, so that nothing raw reaches a reader: no ISO dates, no ``True``, no Python reprs.
Every function accepts odd input (the data may come from a file that merely parses) and
returns readable text instead of raising.

What a field holds (a date, an amount, a party reference …) is read from the schema by
:mod:`kbtools.schemas.annotations`; :func:`format_field` turns a value of such a field into
text. Only fields the schema declares ``format: date`` are written as dates, so a phone number
such as ``20121212`` stays a number.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Literal

MONTHS = (
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
)

#: What a field holds, as far as writing its value is concerned.
FieldKind = Literal["text", "choice", "date", "amount", "duration", "reference"]

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def quote(text: str) -> str:
    """'ESF' → '»ESF«' (Danish quotation marks around a text from the agreement)."""
    return f"»{text}«"


def yes_no(value: bool) -> str:
    """True → 'ja', False → 'nej'."""
    return "ja" if value else "nej"


def plural(count: int, singular: str, plural_form: str) -> str:
    """plural(1, 'fejl', 'fejl') → '1 fejl'; plural(2, 'advarsel', 'advarsler') → '2 advarsler'."""
    return f"{format_number(count)} {singular if count == 1 else plural_form}"


def format_list(items: Iterable[str], conjunction: str = "og") -> str:
    """['a', 'b', 'c'] → 'a, b og c'; one item as is; no items → ''."""
    words = list(items)
    if len(words) < 2:
        return "".join(words)
    return ", ".join(words[:-1]) + f" {conjunction} " + words[-1]


#: Significant digits a float keeps exactly: any decimal of up to 15 digits survives the trip
#: to a binary float and back (DBL_DIG), so a number typed in a file reads as typed, and the
#: binary artefacts of float arithmetic (1.1 + 2.2 = 3.3000000000000003) drop off.
_FLOAT_DIGITS = 15


def to_decimal(value: Any) -> Decimal | None:
    """A number as the exact decimal it stands for (a float to 15 significant digits);
    None for anything else (a bool, a text, infinity, not a number)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        return Decimal(format(value, f".{_FLOAT_DIGITS}g"))
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, Decimal) and value.is_finite():
        return value
    return None


def format_number(value: float | int | Decimal) -> str:
    """1500000 → '1.500.000'; 2.5 → '2,5'; -1234.5 → '-1.234,5' (Danish separators, all the
    decimals the number has and no more, as CLDR's ``da_DK`` writes them; never a float
    artefact: a float is read to 15 significant digits)."""
    if isinstance(value, float) and not math.isfinite(value):
        return "uendeligt" if value > 0 else "minus uendeligt" if value < 0 else "ikke et tal"
    number = to_decimal(value)
    if number is None:
        if isinstance(value, Decimal):  # a decimal infinity or NaN
            return format_number(float(value))
        return str(value)
    sign = "-" if number < 0 else ""
    integral, _, decimals = format(number.copy_abs(), "f").partition(".")
    grouped = f"{int(integral):,}".replace(",", ".")
    decimals = decimals.rstrip("0")
    return f"{sign}{grouped},{decimals}" if decimals else f"{sign}{grouped}"


def format_amount(value: float | int | Decimal, unit: str = "kr.") -> str:
    """1500000 → '1.500.000 kr.'; with unit '1.000 kr.' → '15.000 (1.000 kr.)'."""
    if unit == "kr.":
        return f"{format_number(value)} kr."
    return f"{format_number(value)} ({unit})"


def format_percent(part: Decimal, whole: Decimal) -> str | None:
    """742 of 800 → '93 %' (whole per cent, rounded half up, a space before the sign as
    Danish writes it); None when ``whole`` is not above 0."""
    if whole <= 0:
        return None
    share = (part * 100 / whole).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return f"{format_number(share)} %"


def parse_iso_date(text: str) -> _dt.date | None:
    """'2027-01-15' → date, or None when it is not a real date written ÅÅÅÅ-MM-DD."""
    if not isinstance(text, str) or not _ISO_DATE.fullmatch(text):
        return None
    try:
        return _dt.date.fromisoformat(text)
    except ValueError:
        return None


_NUMERIC_DATE = re.compile(r"(\d{1,2})([-./])(\d{1,2})\2(\d{4})", re.ASCII)
_WORDED_DATE = re.compile(r"([0-9]{1,2})\.?\s+([a-zæøå]+)\.?\s+([0-9]{4})")
_LOOSE_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})", re.ASCII)


def parse_danish_date(text: str) -> _dt.date | None:
    """A date as a Danish user types it, read as the agreement builder reads it
    (``parseDate`` in ``ab-values.mjs``): »2027-12-31«, »31-12-2027«, »31.12.2027«,
    »31/12/2027«, »1.1.2027« and »31. december 2027« (or »31. dec. 2027«); None for anything
    else, and for a date that does not exist (»30-02-2027«)."""
    t = str(text).strip().lower()
    parts: tuple[str, str, str] | None = None
    if match := _LOOSE_ISO_DATE.fullmatch(t):
        parts = (match[1], match[2], match[3])
    elif match := _NUMERIC_DATE.fullmatch(t):
        parts = (match[4], match[3], match[1])
    elif match := _WORDED_DATE.fullmatch(t):
        word = match[2]
        month = next(
            (
                i
                for i, name in enumerate(MONTHS)
                if name == word or (len(word) >= 3 and name.startswith(word))
            ),
            None,
        )
        if month is not None:
            parts = (match[3], str(month + 1), match[1])
    if parts is None:
        return None
    try:
        return _dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        return None


def format_date(value: _dt.date | str) -> str:
    """date(2027, 1, 15) or '2027-01-15' → '15. januar 2027'; other text is returned as is."""
    day = parse_iso_date(value) if isinstance(value, str) else value
    if not isinstance(day, _dt.date):
        return str(value)
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def format_duration(value: Any) -> str | None:
    """{'timer': 20, 'pr': 'måned'} → '20 timer pr. måned'; None when it is not such a value."""
    if not isinstance(value, Mapping):
        return None
    hours, period = value.get("timer"), value.get("pr")
    if not isinstance(hours, int | float) or isinstance(hours, bool) or not isinstance(period, str):
        return None
    return f"{format_number(hours)} {'time' if hours == 1 else 'timer'} pr. {period}"


def format_value(value: Any, quoted: bool = False) -> str:
    """Any loaded value as Danish text; texts in »…« when ``quoted``. Never a Python repr."""
    if value is None:
        return "(tom)"
    if isinstance(value, bool):
        return yes_no(value)
    if _is_number(value):
        return format_number(value)
    if isinstance(value, str):
        return quote(value) if quoted else value
    if isinstance(value, Mapping):
        if not value:
            return "(tom gruppe)"
        return "; ".join(f"{key}: {format_value(item, quoted)}" for key, item in value.items())
    if isinstance(value, list | tuple):
        if not value:
            return "(tom liste)"
        return format_list(format_value(item, quoted) for item in value)
    if isinstance(value, _dt.date):
        return format_date(value)
    return "(ukendt værdi)"


def format_field(
    value: Any,
    kind: FieldKind = "text",
    *,
    unit: str = "kr.",
    names: Mapping[str, str] | None = None,
    quoted: bool = False,
) -> str:
    """A value of a field that holds ``kind``; falls back to :func:`format_value`.

    ``choice`` values (from a fixed list) and party names are never quoted, free texts are
    when ``quoted``; ``reference`` values are looked up in ``names`` (an unknown id is quoted).
    """
    if kind == "date" and isinstance(value, str) and parse_iso_date(value):
        return format_date(value)
    if kind == "amount" and _is_number(value):
        return format_amount(value, unit)
    if kind == "duration" and (duration := format_duration(value)) is not None:
        return duration
    if kind == "reference" and isinstance(value, str):
        return (names or {}).get(value) or quote(value)
    if kind == "choice" and isinstance(value, str):
        return value
    return format_value(value, quoted)


#: Texts longer than this are shortened where a message names a value.
_LONGEST_SHOWN = 80


def describe_value(value: Any) -> str:
    """What a value is, for messages about a wrong type: 'teksten »x«', 'tallet 5', 'en liste'.

    Booleans are named as they are written in YAML (``true``/``false``): the messages tell
    the user what to write.
    """
    if value is None:
        return "tom"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        if len(value) > _LONGEST_SHOWN:  # a whole pasted document is not repeated back
            return f"teksten {quote(value[:_LONGEST_SHOWN] + '…')} ({len(value)} tegn)"
        return f"teksten {quote(value)}"
    if isinstance(value, int) and abs(value) < 10_000:
        return f"tallet {value}"  # as written: a year such as 2027 is never »2.027«
    if _is_number(value):
        return f"tallet {format_number(value)}"
    if isinstance(value, list | tuple):
        return "en liste"
    return "en række nøgler"
