"""The Danish one-line summary shared by the reporters."""

from __future__ import annotations

from collections.abc import Sequence

from kbtools.danish import plural
from kbtools.findings import Finding, Level


def summary(findings: Sequence[Finding], files: int) -> str:
    counts = {level: 0 for level in Level}
    for finding in findings:
        counts[finding.level] += 1
    return (
        f"{plural(files, 'fil', 'filer')} kontrolleret: "
        f"{plural(counts[Level.FEJL], 'fejl', 'fejl')}, "
        f"{plural(counts[Level.ADVARSEL], 'advarsel', 'advarsler')}, "
        f"{plural(counts[Level.ANBEFALING], 'anbefaling', 'anbefalinger')}."
    )
