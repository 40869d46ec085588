"""The one value every check produces: a located, coded, Danish finding."""

from __future__ import annotations

import enum
from dataclasses import dataclass

DOCS_BASE_URL = "https://lks-vidensbasen.github.io/"


class Level(enum.StrEnum):
    """How serious a finding is. The values are what users read."""

    FEJL = "fejl"
    ADVARSEL = "advarsel"
    ANBEFALING = "anbefaling"


@dataclass(frozen=True, order=True)
class Finding:
    """One problem in one file.

    ``line`` and ``column`` are 1-based and point at the offending node (or at the parent
    mapping when a key is missing). ``code`` is stable and ASCII, ``message`` is Danish,
    ``help_url`` links to the docs page that explains the element.
    """

    file: str
    line: int
    column: int
    level: Level
    code: str
    message: str
    help_url: str = ""


def docs_url(page: str) -> str:
    """Absolute URL of a docs page given relative to the site root."""
    return DOCS_BASE_URL + page
