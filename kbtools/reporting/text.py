"""Plain text: ``fil:linje:kolonne: niveau [kode] besked`` and a summary line."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from kbtools.findings import Finding
from kbtools.reporting.summary import summary
from kbtools.reporting.visible import visible


def format_finding(finding: Finding) -> str:
    return (
        f"{visible(finding.file)}:{finding.line}:{finding.column}: {finding.level.value} "
        f"[{finding.code}] {visible(finding.message)}"
    )


def report(findings: Sequence[Finding], files: int, out: TextIO, skipped: int = 0) -> None:
    for finding in findings:
        out.write(format_finding(finding) + "\n")
        if finding.help_url:
            out.write(f"    Læs mere: {finding.help_url}\n")
    out.write(summary(findings, files, skipped) + "\n")
