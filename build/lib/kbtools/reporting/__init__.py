"""Reporting: findings → text for people, JSON for programs, annotations for GitHub.

Reporters are small functions in a registry; the exit code comes from the findings, not from
the reporter.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Protocol, TextIO

from kbtools.findings import Finding
from kbtools.reporting import github, jsonout, text


class Reporter(Protocol):
    """Writes ``findings`` from ``files`` checked files (``skipped`` YAML files had no skema)."""

    def __call__(
        self, findings: Sequence[Finding], files: int, out: TextIO, skipped: int = 0
    ) -> None: ...


REPORTERS: dict[str, Reporter] = {
    "text": text.report,
    "json": jsonout.report,
    "github": github.report,
}

FORMATS = ("auto", *REPORTERS)


def pick(name: str) -> Reporter:
    """The reporter for ``name``; ``auto`` is github inside GitHub Actions, else text."""
    if name == "auto":
        name = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    return REPORTERS[name]
