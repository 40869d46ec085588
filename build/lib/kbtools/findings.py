"""The one value every check produces: a located, coded, Danish finding.

Every finding is made from a :class:`Code`, so a code has exactly one level and one meaning.
Each owner of a check declares its codes next to the check (the loader, the schema check, each
rule); :mod:`kbtools.codes` collects them into the registry that the docs page lists.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

DOCS_BASE_URL = "https://lks-vidensbasen.github.io/"

#: A path into the data, as in JSON Pointer: mapping keys (str) and list indices (int).
DataPath = tuple[str | int, ...]


class Level(enum.StrEnum):
    """How serious a finding is. The values are what users read."""

    FEJL = "fejl"
    ADVARSEL = "advarsel"
    ANBEFALING = "anbefaling"

    @property
    def rank(self) -> int:
        """0 for errors, 1 for warnings, 2 for recommendations (the order findings print in)."""
        return list(Level).index(self)


@dataclass(frozen=True, order=True)
class Finding:
    """One problem in one file.

    ``line`` and ``column`` are 1-based (characters, not bytes) and point at the offending node
    (or at the parent mapping when a key is missing). ``code`` is stable and ASCII, ``message``
    is Danish, ``help_url`` links to the docs page that explains the element. ``path`` is where
    in the data the problem is (empty when it is not about one value, e.g. a syntax error).
    """

    file: str
    line: int
    column: int
    level: Level
    code: str
    message: str
    help_url: str = ""
    path: DataPath = field(default=(), compare=False)


@dataclass(frozen=True)
class Code:
    """A finding code: one stable id, one level and one meaning, explained in Danish.

    ``meaning`` says what the finding means and how to fix it; ``example`` is a typical
    message (shortened with »…«). Both are listed on the docs page of all codes.
    """

    id: str
    level: Level
    meaning: str
    example: str

    def finding(
        self,
        file: str,
        line: int,
        column: int,
        message: str,
        *,
        help_url: str = "",
        path: DataPath = (),
    ) -> Finding:
        """A finding of this code at the given position."""
        return Finding(file, line, column, self.level, self.id, message, help_url, path)


def docs_url(page: str) -> str:
    """Absolute URL of a docs page given relative to the site root."""
    return DOCS_BASE_URL + page


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Findings in the order every front end shows them: by file, position, level and code."""
    return sorted(findings, key=lambda f: (f.file, f.line, f.column, f.level.rank, f.code))
