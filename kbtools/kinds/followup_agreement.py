"""Which agreement a follow-up (``skema: opfølgning/1``) is checked against.

A follow-up lies in the same folder as its partnership's agreement. The agreement that
applies is a ``partnerskabsaftale/1`` file in that folder whose ``varighed`` covers the
follow-up's ``år``; when several do (a folder keeps each version of the agreement), the
newest by ``versionsdato`` and then ``version`` applies. No agreement, or none that covers
the year, is for the follow-up's rules to report (:mod:`kbtools.checking.rules.followup`).

:func:`agreement_for_followup` does the whole lookup for a file on disk, and is what other
parts (the status note, the case pages) call; :func:`choose_agreement` is the choice alone,
for callers that have the agreements already (the browser gets them as texts:
:func:`agreements_from_texts`). Nothing here raises: a file that cannot be read or is not an
agreement is simply not a candidate.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kbtools.checking.context import AgreementChoice, agreement_period
from kbtools.danish import parse_iso_date
from kbtools.kinds.agreement import AGREEMENT
from kbtools.loading import Document, load_bytes, load_path
from kbtools.walk import is_yaml_name


def agreement_for_followup(
    path: Path, year: Any = None, display: str | None = None
) -> AgreementChoice:
    """The agreement that applies to the follow-up at ``path`` for ``year`` (its ``år``;
    read from the file when not given), chosen among the agreements in the file's folder.
    ``display`` is how the follow-up's path is shown (the agreements are named alike)."""
    if year is None:
        document, _ = load_path(path)
        data = document.data if document is not None else None
        year = data.get("år") if isinstance(data, dict) else None
    folder_shown = Path(display).parent if display is not None else path.parent
    candidates = agreements_in_folder(path.parent, folder_shown)
    return choose_agreement(candidates, year)


def agreements_in_folder(folder: Path, shown: Path | None = None) -> tuple[Document, ...]:
    """The agreements (files with ``skema: partnerskabsaftale/1`` that load) directly in
    ``folder``, in name order; ``shown`` is how the folder is named in their file names."""
    shown = folder if shown is None else shown
    try:
        names = sorted(entry.name for entry in folder.iterdir() if is_yaml_name(entry.name))
    except OSError:
        return ()
    found = []
    for name in names:
        document, _ = load_path(folder / name, display=str(shown / name))
        if _is_agreement(document):
            assert document is not None
            found.append(document)
    return tuple(found)


def agreements_from_texts(texts: Iterable[tuple[str, bytes]]) -> tuple[Document, ...]:
    """The agreements among files given as (name, content), e.g. by the browser."""
    found = []
    for name, content in texts:
        document, _ = load_bytes(content, name)
        if _is_agreement(document):
            assert document is not None
            found.append(document)
    return tuple(found)


def choose_agreement(candidates: Iterable[Document], year: Any) -> AgreementChoice:
    """Of ``candidates`` (loaded agreements), the newest whose ``varighed`` covers ``year``."""
    candidates = tuple(candidates)
    covering = [c for c in candidates if _covers(c.data, year)]
    newest = max(covering, key=lambda c: version_key(c.data), default=None)
    return AgreementChoice(newest, candidates)


def _is_agreement(document: Document | None) -> bool:
    return (
        document is not None
        and isinstance(document.data, dict)
        and document.data.get("skema") == AGREEMENT.skema
    )


def _covers(data: Any, year: Any) -> bool:
    span = agreement_period(data)
    if span is None or not isinstance(year, int) or isinstance(year, bool):
        return False
    return span[0].year <= year <= span[1].year


def version_key(data: Any) -> tuple[dt.date, tuple[int, ...], str]:
    """The order of an agreement's versions, newer later: by ``versionsdato``, then by
    ``version`` read as numbers (»2.1« before »10«). The lookup chooses by it; a caller that
    wants the version before the chosen one sorts by it too."""
    day = data.get("versionsdato")
    parsed = parse_iso_date(day) if isinstance(day, str) else None
    version = str(data.get("version", ""))
    numbers = tuple(int(part) for part in re.findall(r"[0-9]+", version))
    return (parsed or dt.date.min, numbers, version)


#: The earlier, private name of :func:`version_key` (kept for callers written against it).
_version_key = version_key
