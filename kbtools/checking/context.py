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

from kbtools.loading import Document


@dataclass(frozen=True)
class AgreementChoice:
    """The agreement a follow-up is checked against, and the ones it was chosen from.

    ``agreement`` is None when no agreement applies; then ``candidates`` says whether there
    were agreements at all (none of them covers the year) or none. ``where`` says in Danish
    where they were looked for (»i mappen cases/fjordkommune«), for messages.
    """

    agreement: Document | None = None
    candidates: tuple[Document, ...] = ()
    where: str = "ved siden af opfølgningen"


@dataclass(frozen=True)
class Context:
    """The reference date (»today«) and, when the file is a follow-up, its agreement."""

    today: dt.date = field(default_factory=dt.date.today)
    agreement: AgreementChoice = field(default_factory=AgreementChoice)
