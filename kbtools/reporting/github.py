"""GitHub Actions workflow commands, so findings show up as annotations on the diff."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from kbtools.findings import Finding, Level
from kbtools.reporting.summary import summary
from kbtools.reporting.visible import visible

_COMMAND = {Level.FEJL: "error", Level.ADVARSEL: "warning", Level.ANBEFALING: "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def report(findings: Sequence[Finding], files: int, out: TextIO, skipped: int = 0) -> None:
    for f in findings:
        message = visible(f.message) + (f" Læs mere: {f.help_url}" if f.help_url else "")
        out.write(
            f"::{_COMMAND[f.level]} file={_escape_property(visible(f.file))},line={f.line},"
            f"col={f.column},title={_escape_property(f.code)}::{_escape_data(message)}\n"
        )
    out.write(summary(findings, files, skipped) + "\n")
