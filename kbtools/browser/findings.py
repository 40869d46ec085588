"""Findings as the browser's pages get them: plain data with English ASCII keys.

The CLI's ``--format json`` is a public format with Danish keys (``fil``, ``linje``, ``kode``
…, documented for users); the pages' JavaScript is code, so it gets the same facts under
English names, and the counts and texts it shows made here, by
:mod:`kbtools.reporting.summary`, never counted or worded again in JavaScript.

One finding::

    {"file", "line", "column", "level", "code", "message", "help", "path", "title", "values",
     "readerMessage", "missingPart"}

``level`` is the finding's level as users read it (``fejl``, ``advarsel``, ``anbefaling``);
``path`` the keys and list indices of the element it is about; ``missingPart`` is true for a
required part of the file that is not there at all (the builder shows it as »Mangler«, not as
an error: a blank form is not wrong, only not filled in yet).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kbtools.checking.rules.recommended import RECOMMENDED_MISSING
from kbtools.checking.schema_codes import MISSING
from kbtools.findings import Finding, Level
from kbtools.reporting.summary import check_summary, counts, counts_text

_LEVEL_NAMES = {
    Level.FEJL: "errors",
    Level.ADVARSEL: "warnings",
    Level.ANBEFALING: "recommendations",
}


def is_missing_part(finding: Finding) -> bool:
    """A required top-level element that is not in the file at all."""
    return finding.code == MISSING.id and len(finding.path) == 1


def finding_data(finding: Finding) -> dict[str, Any]:
    """One finding for a page's JavaScript."""
    return {
        "file": finding.file,
        "line": finding.line,
        "column": finding.column,
        "level": finding.level.value,
        "code": finding.code,
        "message": finding.message,
        "help": finding.help_url,
        "path": list(finding.path),
        "title": finding.title,
        "values": dict(finding.values),
        "readerMessage": finding.reader_message,
        "missingPart": is_missing_part(finding),
    }


def _section_text(findings: Sequence[Finding]) -> str:
    """The word by a section in the builder's list of parts: »mangler«, »2 fejl og 1
    advarsel«, »anbefalet, ikke udfyldt« or ''."""
    missing = any(is_missing_part(f) for f in findings)
    counted = [f for f in findings if not is_missing_part(f) and f.code != RECOMMENDED_MISSING.id]
    words = counts_text(counted, zeros=False)
    if missing:
        return f"mangler, {words}" if words else "mangler"
    if not words and any(f.code == RECOMMENDED_MISSING.id for f in findings):
        return "anbefalet, ikke udfyldt"
    return words


def sections(findings: Sequence[Finding]) -> dict[str, dict[str, Any]]:
    """Per top-level element with findings: its word (:func:`_section_text`) and whether it
    has errors (a missing part is not counted as one)."""
    per: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.path and isinstance(finding.path[0], str):
            per.setdefault(finding.path[0], []).append(finding)
    return {
        key: {
            "text": _section_text(found),
            "hasErrors": any(f.level is Level.FEJL and not is_missing_part(f) for f in found),
        }
        for key, found in per.items()
    }


def findings_answer(findings: Sequence[Finding], subject: str) -> dict[str, Any]:
    """The findings of one checked file, with the counts, the summary (``subject``:
    »Aftalen«, »Filen«) and the words per section the page shows."""
    missing = [f for f in findings if is_missing_part(f)]
    rest = [f for f in findings if not is_missing_part(f)]
    return {
        "findings": [finding_data(f) for f in findings],
        "counts": {
            **{_LEVEL_NAMES[level]: count for level, count in counts(rest).items()},
            "missingParts": len(missing),
        },
        "summary": check_summary(rest, subject, len(missing)),
        "sections": sections(findings),
    }
