"""What a follow-up's folder holds for its status note (:class:`NoteSources`).

The CLI reads the YAML files beside the follow-up (:func:`folder_files`); the browser gets
the same files from the page. Both pass them to :func:`note_sources` as names and bytes, which
checks each with :func:`kbtools.api.check_bytes`, so the CLI and the browser build the same
note from the same files.

- The agreement is the one the follow-up belongs to (:func:`belongs_to`).
- The previous version is the agreement file in the folder that comes right before it, by
  ``versionsdato`` and then ``version``; an agreement that cannot be loaded is left out.
- The assessments are the folder's typology assessments without errors, oldest first.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kbtools.render.note import NoteSources

#: The YAML files a folder may hold.
SUFFIXES = (".yaml", ".yml")


def folder_files(followup: Path) -> list[tuple[str, bytes]]:
    """The other YAML files in the follow-up's folder, by name, as (path, content)."""
    folder = followup.resolve().parent
    own = followup.resolve()
    found = []
    for path in sorted(folder.iterdir()):
        if path.suffix in SUFFIXES and path.is_file() and path.resolve() != own:
            try:
                found.append((str(path), path.read_bytes()))
            except OSError:
                continue  # a file that cannot be read is not part of the note
    return found


def belongs_to(followup: Any, agreements: list[dict[str, Any]]) -> dict[str, Any] | None:
    """STUB until the follow-up kind's own lookup is merged (branch work-followup): the
    agreement whose ``varighed`` holds the follow-up's year, else the newest version."""
    year = followup.get("år") if isinstance(followup, dict) else None
    for data in sorted(agreements, key=_version_key, reverse=True):
        term = data.get("varighed")
        if isinstance(term, dict) and isinstance(year, int):
            start, end = str(term.get("start", ""))[:4], str(term.get("slut", ""))[:4]
            if start <= str(year) <= end:
                return data
    return max(agreements, key=_version_key) if agreements else None


def _version_key(data: dict[str, Any]) -> tuple[str, str]:
    return (str(data.get("versionsdato") or ""), str(data.get("version") or ""))


def note_sources(followup: Any, files: Iterable[tuple[str, bytes]]) -> NoteSources:
    """The agreement, its previous version and the assessments among ``files``."""
    from kbtools.api import check_bytes
    from kbtools.kinds import AGREEMENT, ASSESSMENT
    from kbtools.loading import codes
    from kbtools.typology.cases import assessment_of

    load_codes = {code.id for code in codes.CODES}
    agreements: list[dict[str, Any]] = []
    assessments = []
    for name, content in files:
        result = check_bytes(content, name)
        if not isinstance(result.data, dict):
            continue
        if result.kind is AGREEMENT and not any(f.code in load_codes for f in result.findings):
            agreements.append(result.data)
        elif result.kind is ASSESSMENT and not result.has_errors:
            assessments.append(assessment_of(Path(name), result.data))
    assessments.sort(key=lambda a: a.date)
    agreement = belongs_to(followup, agreements)
    earlier = [
        data
        for data in agreements
        if agreement is not None
        and data is not agreement
        and _version_key(data) < _version_key(agreement)
    ]
    previous = max(earlier, key=_version_key) if earlier else None
    return NoteSources(agreement, previous, tuple(assessments))
