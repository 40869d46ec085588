"""The one Danish summary of findings (»1 fejl, 2 advarsler og 3 anbefalinger«).

The CLI's last line, the check on a case page and the browser's check answers (the builder
shows it) all use :func:`counts_text`, so the count is worded the same everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from kbtools.danish import plural
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


def counts_text(findings: Iterable[Finding]) -> str:
    """»1 fejl, 0 advarsler og 3 anbefalinger«, or »ingen fejl, advarsler eller anbefalinger«."""
    found = counts(findings)
    if not any(found.values()):
        return "ingen fejl, advarsler eller anbefalinger"
    parts = [plural(found[level], *_WORDS[level]) for level in Level]
    return f"{', '.join(parts[:-1])} og {parts[-1]}"


def summary(findings: Sequence[Finding], files: int, skipped: int = 0) -> str:
    """``2 filer kontrolleret: 1 fejl, …`` and, after a folder walk, the files skipped."""
    text = f"{plural(files, 'fil', 'filer')} kontrolleret: {counts_text(findings)}."
    if skipped:
        text += f" {plural(skipped, 'YAML-fil', 'YAML-filer')} uden skema: sprunget over."
    return text
