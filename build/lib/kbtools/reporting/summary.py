"""The Danish one-line summary shared by the reporters."""

from __future__ import annotations

from collections.abc import Sequence

from kbtools.danish import plural
from kbtools.findings import Finding, Level


def summary(findings: Sequence[Finding], files: int, skipped: int = 0) -> str:
    """``2 filer kontrolleret: 1 fejl, …`` and, after a folder walk, the files skipped."""
    counts = {level: 0 for level in Level}
    for finding in findings:
        counts[finding.level] += 1
    text = (
        f"{plural(files, 'fil', 'filer')} kontrolleret: "
        f"{plural(counts[Level.FEJL], 'fejl', 'fejl')}, "
        f"{plural(counts[Level.ADVARSEL], 'advarsel', 'advarsler')}, "
        f"{plural(counts[Level.ANBEFALING], 'anbefaling', 'anbefalinger')}."
    )
    if skipped:
        text += f" {plural(skipped, 'YAML-fil', 'YAML-filer')} uden skema: sprunget over."
    return text
