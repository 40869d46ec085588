"""What a check may need besides the file itself: the reference date and, for a follow-up,
the agreement it follows up on.

Most rules look at one file only. A few need more: whether an agreement has run out depends
on the day it is checked (``kbtools validate --dato``, default today), and a follow-up
(``skema: opfølgning/1``) is checked against the agreement in its folder. The front ends say
what they know (:func:`kbtools.api.check_file`, :func:`kbtools.api.check_bytes`); the
agreement is chosen by :mod:`kbtools.kinds.followup_agreement`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from kbtools.danish import parse_iso_date
from kbtools.loading import Document


@dataclass(frozen=True)
class AgreementChoice:
    """The agreement a follow-up is checked against, and the ones it was chosen from.

    ``agreement`` is None when no agreement applies; then ``candidates`` says whether there
    were agreements at all (none of them covers the year) or none.
    """

    agreement: Document | None = None
    candidates: tuple[Document, ...] = ()


@dataclass(frozen=True)
class Context:
    """The reference date (»today«) and, when the file is a follow-up, its agreement."""

    today: dt.date = field(default_factory=dt.date.today)
    agreement: AgreementChoice = field(default_factory=AgreementChoice)


def agreement_period(data: Any) -> tuple[dt.date, dt.date] | None:
    """An agreement's ``varighed`` as (start, slut), or None when it is not two dates."""
    duration = data.get("varighed") if isinstance(data, dict) else None
    if not isinstance(duration, dict):
        return None
    start, end = duration.get("start"), duration.get("slut")
    first = parse_iso_date(start) if isinstance(start, str) else None
    last = parse_iso_date(end) if isinstance(end, str) else None
    return (first, last) if first is not None and last is not None else None
