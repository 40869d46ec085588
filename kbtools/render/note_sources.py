"""What a follow-up's folder holds for its status note (:class:`NoteSources`).

The CLI reads the YAML files beside the follow-up (:func:`folder_files`); the browser gets
the same files from the page. Both pass them to :func:`note_sources` as names and bytes, so
the CLI and the browser build the same note from the same files.

- The agreement is the one the follow-up is checked against, chosen by the follow-up kind's
  own lookup (:func:`kbtools.kinds.followup_agreement.choose_agreement`).
- The previous version is the agreement in the folder that comes right before it in the same
  order (``versionsdato``, then ``version``).
- The assessments are the folder's typology assessments without errors, oldest first.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kbtools.render.note import NoteSources

if TYPE_CHECKING:
    from kbtools.api import CheckResult


def folder_files(followup: Path) -> list[tuple[str, bytes]]:
    """The other YAML files in the follow-up's folder, by name, as (path, content)."""
    from kbtools.walk import is_yaml_name

    own = followup.resolve()
    found = []
    try:
        paths = sorted(followup.parent.iterdir())
    except OSError:
        return []
    for path in paths:
        if not is_yaml_name(path.name) or not path.is_file() or path.resolve() == own:
            continue
        try:
            found.append((str(path), path.read_bytes()))
        except OSError:
            continue  # a file that cannot be read is not part of the note
    return found


def note_sources(followup: Any, files: Sequence[tuple[str, bytes]]) -> NoteSources:
    """The agreement, its previous version and the assessments among ``files``."""
    from kbtools.kinds.followup_agreement import (
        agreements_from_texts,
        choose_agreement,
        version_key,
    )

    year = followup.get("år") if isinstance(followup, dict) else None
    candidates = agreements_from_texts(files)
    chosen = choose_agreement(candidates, year).agreement
    agreement = chosen.data if chosen is not None else None
    previous = None
    if chosen is not None:
        key = version_key(chosen.data)
        earlier = [c.data for c in candidates if c is not chosen and version_key(c.data) < key]
        previous = max(earlier, key=version_key) if earlier else None
    return NoteSources(agreement, previous, _assessments(files))


def note_file(name: str, content: bytes) -> tuple[str, str] | None:
    """What a file given for the note is to it, as :func:`note_sources` reads it among the
    folder's files, and in words: ``("agreement", "aftale, version 1 af 1. juni 2024")`` for
    a version of the agreement, ``("assessment", "typologivurdering fra 10. marts 2025")`` for
    a typology assessment it shows, None for anything else."""
    from kbtools.danish import format_date
    from kbtools.kinds.followup_agreement import agreements_from_texts
    from kbtools.render.note import version_name

    agreements = agreements_from_texts([(name, content)])
    if agreements:
        return "agreement", "aftale, " + version_name(agreements[0].data)
    assessments = _assessments([(name, content)])
    if assessments:
        return "assessment", "typologivurdering fra " + format_date(assessments[0].date)
    return None


def shown_assessment(result: CheckResult) -> bool:
    """Whether a checked file is an assessment the note shows: a typology assessment without
    errors."""
    from kbtools.kinds import ASSESSMENT

    return result.kind is ASSESSMENT and not result.has_errors and isinstance(result.data, dict)


def _assessments(files: Iterable[tuple[str, bytes]]) -> tuple[Any, ...]:
    from kbtools.api import check_bytes
    from kbtools.typology.cases import assessment_of

    found = []
    for name, content in files:
        result = check_bytes(content, name)
        if shown_assessment(result):
            found.append(assessment_of(Path(name), result.data))
    return tuple(sorted(found, key=lambda a: a.date))
