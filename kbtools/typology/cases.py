"""Example cases on disk: ``cases/<case>/aftale.yaml`` plus ``vurdering-*.yaml`` files and
the yearly follow-ups (``opfoelgning-*.yaml``).

Everything is loaded and validated with the same code as ``kbtools validate`` so the site
never shows data the CLI would reject without saying so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kbtools.findings import Finding
from kbtools.typology.ratings import Rating, ratings_of


@dataclass(frozen=True)
class ParameterAssessment:
    """How one parameter was assessed: a level id, why, and the level it is moving towards."""

    level: str
    justification: str
    direction: str | None = None


@dataclass(frozen=True)
class Assessment:
    """One valid assessment file: its ISO date and what was assessed, by parameter id."""

    file: Path
    date: str
    method: str
    assessors: tuple[str, ...]
    parameters: dict[str, ParameterAssessment]
    ratings: tuple[Rating, ...] = ()  # every participant's rating, when it keeps them


@dataclass(frozen=True)
class FollowUp:
    """One valid follow-up file: its year and its data."""

    file: Path
    year: int
    data: dict[str, Any]


@dataclass
class Case:
    """A case folder with what could be loaded and every finding for its files."""

    name: str
    folder: Path
    agreement: dict[str, Any] | None = None
    assessments: list[Assessment] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    followups: list[FollowUp] = field(default_factory=list)  # by year

    @property
    def files(self) -> list[Path]:
        return sorted(self.folder.glob("*.yaml"))

    @property
    def title(self) -> str:
        if self.agreement and isinstance(self.agreement.get("titel"), str):
            return str(self.agreement["titel"])
        return self.name

    @property
    def display_name(self) -> str:
        """The folder's name as readers write it: »midtby« → »Midtby«, »nord-by« → »Nord by«."""
        words = self.name.replace("_", " ").replace("-", " ").strip() or self.name
        return words[0].upper() + words[1:]

    @property
    def latest(self) -> Assessment | None:
        return self.assessments[-1] if self.assessments else None

    def as_of(self, day: str) -> Assessment | None:
        """The most recent assessment on or before ``day`` (ISO dates compare as text)."""
        earlier = [a for a in self.assessments if str(a.date) <= day]
        return earlier[-1] if earlier else None


#: A case folder's name becomes a page's file name, its address and its heading, and the
#: downloads' folder: letters (any alphabet), digits, hyphens and underscores, starting with a
#: letter or a digit. Nothing in it can be Markdown, HTML or a path.
_SAFE_NAME = re.compile(r"[^\W_][\w-]*")


def is_safe_case_name(name: str) -> bool:
    """True when ``name`` may name a case (see ``_SAFE_NAME``)."""
    return _SAFE_NAME.fullmatch(name) is not None


def case_folders(root: Path) -> list[str]:
    """Folders under ``root/cases`` that hold an agreement or an assessment, by any name."""
    base = root / "cases"
    if not base.is_dir():
        return []
    return sorted(p.name for p in base.iterdir() if p.is_dir() and any(p.glob("*.yaml")))


def case_names(root: Path) -> list[str]:
    """The cases: the case folders whose name is safe (the Sphinx extension warns about the
    others, see :func:`is_safe_case_name`)."""
    return [name for name in case_folders(root) if is_safe_case_name(name)]


_CACHE: dict[tuple[tuple[str, int, int], ...], Case] = {}


def load_case(root: Path, name: str) -> Case:
    """Load and validate one case, reusing the result while no file has changed.

    The case page and the comparison page both need every case in the same build; the key
    is each file's path, modification time and size, so an edited file is always re-read.
    """
    folder = root / "cases" / name
    key = tuple(
        (str(file), file.stat().st_mtime_ns, file.stat().st_size)
        for file in sorted(folder.glob("*.yaml"))
    )
    if key not in _CACHE:
        if len(_CACHE) > 5000:
            _CACHE.clear()
        _CACHE[key] = _load_case(root, name)
    return _CACHE[key]


def _load_case(root: Path, name: str) -> Case:
    """Load and validate every YAML file of one case. Files with errors are not rendered."""
    from kbtools.api import check_file
    from kbtools.kinds import AGREEMENT, ASSESSMENT, FOLLOWUP

    case = Case(name, root / "cases" / name)
    for file in case.files:
        result = check_file(file)
        case.findings.extend(result.findings)
        if result.has_errors or not isinstance(result.data, dict):
            continue
        if result.kind is AGREEMENT:
            case.agreement = result.data
        elif result.kind is ASSESSMENT:
            case.assessments.append(assessment_of(file, result.data))
        elif result.kind is FOLLOWUP and isinstance(result.data.get("år"), int):
            case.followups.append(FollowUp(file, int(result.data["år"]), result.data))
    case.assessments.sort(key=lambda a: a.date)
    case.followups.sort(key=lambda f: f.year)
    return case


def assessment_of(file: Path, data: dict[str, Any]) -> Assessment:
    """A valid assessment file's data as an :class:`Assessment`."""
    parameters = {
        str(item["parameter"]): ParameterAssessment(
            level=str(item["niveau"]),
            justification=str(item["begrundelse"]),
            direction=str(item["retning"]) if item.get("retning") else None,
        )
        for item in data["parametre"]
    }
    return Assessment(
        file,
        str(data["dato"]),
        str(data["metode"]),
        tuple(str(who) for who in data["vurderet_af"]),
        parameters,
        ratings_of(data),
    )
