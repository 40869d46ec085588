"""The one Danish summary of findings (»1 fejl, 2 advarsler og 3 anbefalinger«).

The CLI's last line, the check on a case page and the browser's check answers (the builder's
summary and its word per section) all use :func:`counts_text`, so the count is worded the
same everywhere; no other module, in Python or JavaScript, words a count of findings.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from kbtools.danish import format_list, format_number, plural
from kbtools.findings import Finding, Level

_WORDS = {
    Level.FEJL: ("fejl", "fejl"),
    Level.ADVARSEL: ("advarsel", "advarsler"),
    Level.ANBEFALING: ("anbefaling", "anbefalinger"),
}


def counts(findings: Iterable[Finding]) -> dict[Level, int]:
    """How many findings of each level, every level present."""
    result = dict.fromkeys(Level, 0)
    for finding in findings:
        result[finding.level] += 1
    return result


def counts_text(findings: Iterable[Finding], *, zeros: bool = True) -> str:
    """»1 fejl, 0 advarsler og 3 anbefalinger«, or »ingen fejl, advarsler eller anbefalinger«.

    Without ``zeros``, only the levels there are findings of: »1 fejl og 3 anbefalinger«, and
    '' when there are none (a short label, such as the builder's word by each section).
    """
    found = counts(findings)
    if not any(found.values()):
        return "ingen fejl, advarsler eller anbefalinger" if zeros else ""
    levels = [level for level in Level if zeros or found[level]]
    return format_list(plural(found[level], *_WORDS[level]) for level in levels)


def check_summary(findings: Sequence[Finding], subject: str, missing_parts: int = 0) -> str:
    """»Aftalen har 1 fejl, 0 advarsler og 2 anbefalinger.« for one checked file (``subject``:
    »Aftalen«, »Filen«); with ``missing_parts`` (parts of it not there at all, counted apart
    from ``findings``) it starts »3 af aftalens dele mangler.«"""
    text = f"{subject} har {counts_text(findings)}."
    if missing_parts:
        text = f"{format_number(missing_parts)} af {subject.lower()}s dele mangler. {text}"
    return text


def summary(findings: Sequence[Finding], files: int, skipped: int = 0) -> str:
    """``2 filer kontrolleret: 1 fejl, …`` and, after a folder walk, the files skipped."""
    text = f"{plural(files, 'fil', 'filer')} kontrolleret: {counts_text(findings)}."
    if skipped:
        text += f" {plural(skipped, 'YAML-fil', 'YAML-filer')} uden skema: sprunget over."
    return text
