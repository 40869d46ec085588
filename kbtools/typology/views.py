"""What readers see of the typology: case pages, the comparison page and ``kbtools typology``.

The functions here turn loaded cases and agreements into small frozen values that every front
end only has to lay out: the Sphinx directives turn them into docutils nodes, the CLI into lines
of text. All decisions live here (which assessment is shown, how a level or a direction is
named, how the cases are counted), so the front ends never look at level ids, raw dates or
inference rules. Levels carry their Danish name, dates are written the Danish way through
:mod:`kbtools.danish`, and no Sphinx is imported.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kbtools.danish import format_date, format_list, parse_iso_date, plural
from kbtools.data.typology import load_typology
from kbtools.findings import Finding, Level
from kbtools.reporting.summary import counts_text
from kbtools.schemas.titles import fill
from kbtools.typology.cases import Assessment, Case
from kbtools.typology.inference import Indication, infer
from kbtools.typology.reader_text import READING_GUIDE, CaseFinding


@dataclass(frozen=True)
class ParameterRef:
    """A parameter of the typology, e.g. ``mandat`` »Mandat og ledelsesmæssig opbakning«."""

    id: str
    name: str

    @property
    def short_name(self) -> str:
        """The name without its explanation in brackets (for chart axes and narrow tables)."""
        return self.name.split(" (")[0]


@dataclass(frozen=True)
class LevelRef:
    """A level of the typology with its Danish name; ``rank`` is 1 for the lowest level."""

    id: str
    name: str
    rank: int


@dataclass(frozen=True)
class AssessedParameter:
    """One parameter in one assessment: the level, why, and where it is heading."""

    parameter: ParameterRef
    level: LevelRef
    direction: LevelRef | None
    justification: str

    @property
    def level_text(self) -> str:
        """»Klubben«, or »Klubben (på vej mod kompagniet)« when a direction is given."""
        if self.direction is None:
            return self.level.name
        return f"{self.level.name} (på vej mod {self.direction.name.lower()})"


@dataclass(frozen=True)
class Profile:
    """One assessment as readers see it: every parameter, in the typology's order."""

    date: str
    method: str
    assessors: str
    parameters: tuple[AssessedParameter, ...]

    @property
    def byline(self) -> str:
        """»18. marts 2020 (selvevaluering, vurderet af Styregruppen i LKS Midtby)«."""
        return f"{self.date} ({self.method}, vurderet af {self.assessors})"

    @property
    def levels_text(self) -> str:
        """»Mandat og ledelsesmæssig opbakning: Kompagniet; Mål: Klubben; …«."""
        return "; ".join(f"{p.parameter.name}: {p.level.name}" for p in self.parameters)


@dataclass(frozen=True)
class Development:
    """One parameter's level at each assessment, oldest first."""

    parameter: ParameterRef
    levels: tuple[LevelRef, ...]

    @property
    def text(self) -> str:
        """»Mål: Klubben → Klubben → Kompagniet«."""
        return f"{self.parameter.name}: " + " → ".join(level.name for level in self.levels)


@dataclass(frozen=True)
class History:
    """The development over time: the assessments' dates and one row per parameter."""

    dates: tuple[str, ...]
    rows: tuple[Development, ...]


@dataclass(frozen=True)
class AgreementIndication:
    """What an agreement points to for one parameter (``level`` None: it says nothing)."""

    parameter: ParameterRef
    level: LevelRef | None
    evidence: tuple[str, ...]
    missing: tuple[str, ...]
    assessed: LevelRef | None = None  # the case's latest assessment, for comparison

    @property
    def evidence_text(self) -> str:
        return fill(" ".join(self.evidence), readers=True)

    @property
    def missing_text(self) -> str:
        """What is missing, with element titles (»Et kommissorium med »Fælles mål«.«)."""
        return fill(" ".join(self.missing), readers=True)


@dataclass(frozen=True)
class Party:
    """A party of an agreement and the system (policy area) it belongs to."""

    name: str
    system: str


@dataclass(frozen=True)
class AgreementView:
    """An agreement's title, its parties and what it points to in the typology."""

    title: str
    parties: tuple[Party, ...]
    indications: tuple[AgreementIndication, ...]

    @property
    def differences(self) -> str:
        """Where the agreement points elsewhere than the latest assessment, in plain words."""
        items = [
            f"{i.parameter.short_name} (vurderingen: {i.assessed.name}, aftalen: {i.level.name})"
            for i in self.indications
            if i.level and i.assessed and i.level.id != i.assessed.id
        ]
        if not items:
            return "Hvor aftalen peger på et niveau, er det det samme som i den seneste vurdering."
        return (
            f"Her er de forskellige for {format_list(items)}. Det er ikke en fejl: vurderingen "
            "ser på, hvordan partnerskabet arbejder, aftalen kun på, hvad der er skrevet ned."
        )

    @property
    def summary(self) -> str:
        """»Partnerskabsaftale for … . Parter: Jobcenter Midtby (beskæftigelse), … og …«."""
        parties = format_list(f"{party.name} ({party.system})" for party in self.parties)
        return f"{self.title}. Parter: {parties}."


@dataclass(frozen=True)
class CaseView:
    """Everything a case page shows.

    ``scale`` is the typology's levels, lowest first (the charts' scale); ``latest`` is None
    while the case has no valid assessment. ``left_out`` are the errors that kept a file off
    the page; front ends report them where the author will see them (a build warning).
    """

    name: str
    title: str
    display_name: str
    scale: tuple[LevelRef, ...]
    latest: Profile | None
    history: History
    agreement: AgreementView | None
    findings: tuple[CaseFinding, ...]
    check_summary: str
    left_out: tuple[Finding, ...]

    @property
    def reading_guide(self) -> str:
        return READING_GUIDE.format(levels=format_list(level.name for level in self.scale))

    @property
    def radar_label(self) -> str:
        """The text alternative of the radar chart of the latest profile."""
        if self.latest is None:
            return ""
        return (
            f"Radardiagram over profilen for {self.title} den {self.latest.date}: "
            f"{self.latest.levels_text}"
        )

    @property
    def development_label(self) -> str:
        """The text alternative of the development chart."""
        count = plural(len(self.history.dates), "vurdering", "vurderinger")
        steps = "; ".join(row.text for row in self.history.rows)
        return f"Udviklingen for {self.title} over {count}: {steps}"


@dataclass(frozen=True)
class ComparisonRow:
    """One case in the comparison: its title, the date shown and a level per parameter;
    ``name`` is the case folder's name and ``display_name`` its short name (»Midtby«)."""

    title: str
    name: str
    display_name: str
    date: str
    levels: tuple[LevelRef, ...]


@dataclass(frozen=True)
class LevelCount:
    level: LevelRef
    count: int


@dataclass(frozen=True)
class DistributionRow:
    """How many cases are at each level for one parameter."""

    parameter: ParameterRef
    counts: tuple[LevelCount, ...]


@dataclass(frozen=True)
class Comparison:
    """The comparison page: one row per assessed case and the distribution per parameter.

    ``invalid_date`` is the ``:dato:`` text when it is not a date (the latest assessments are
    shown instead, and a front end says so).
    """

    caption: str
    parameters: tuple[ParameterRef, ...]
    scale: tuple[LevelRef, ...]
    rows: tuple[ComparisonRow, ...]
    distribution: tuple[DistributionRow, ...]
    invalid_date: str | None = None


def parameters() -> tuple[ParameterRef, ...]:
    """The typology's parameters, in its order."""
    typology = load_typology()
    return tuple(ParameterRef(p.id, p.name) for p in typology.parameters)


def scale() -> tuple[LevelRef, ...]:
    """The typology's levels, lowest first."""
    typology = load_typology()
    return tuple(level_ref(level_id) for level_id in typology.level_ids)


def level_ref(level_id: str) -> LevelRef:
    typology = load_typology()
    return LevelRef(level_id, typology.level(level_id).name, typology.rank(level_id) + 1)


def profile(assessment: Assessment) -> Profile:
    """One assessment with every parameter in the typology's order and a Danish date."""
    assessed = []
    for parameter in parameters():
        item = assessment.parameters[parameter.id]
        direction = level_ref(item.direction) if item.direction else None
        level = level_ref(item.level)
        assessed.append(AssessedParameter(parameter, level, direction, item.justification))
    return Profile(
        format_date(assessment.date),
        assessment.method,
        format_list(assessment.assessors),
        tuple(assessed),
    )


def history(assessments: Sequence[Assessment]) -> History:
    """The development per parameter over ``assessments`` (oldest first)."""
    rows = tuple(
        Development(
            parameter,
            tuple(level_ref(a.parameters[parameter.id].level) for a in assessments),
        )
        for parameter in parameters()
    )
    return History(tuple(format_date(a.date) for a in assessments), rows)


def agreement_view(
    data: dict[str, Any], fallback_title: str, latest: Profile | None = None
) -> AgreementView:
    """An error-free agreement's title, parties and typology indications (compared with
    ``latest`` when given)."""
    title = data.get("titel")
    parties = tuple(
        Party(str(p.get("navn", "")), str(p.get("system", "")))
        for p in data.get("parter", [])
        if isinstance(p, dict)
    )
    assessed = {p.parameter.id: p.level for p in latest.parameters} if latest else {}
    indications = tuple(_indication(i, assessed) for i in infer(data))
    return AgreementView(
        str(title) if isinstance(title, str) else fallback_title, parties, indications
    )


def _indication(indication: Indication, assessed: dict[str, LevelRef]) -> AgreementIndication:
    parameter = next(p for p in parameters() if p.id == indication.parameter)
    level = level_ref(indication.level) if indication.level else None
    return AgreementIndication(
        parameter, level, indication.evidence, indication.missing, assessed.get(parameter.id)
    )


def case_view(case: Case) -> CaseView:
    """Everything the page of ``case`` shows."""
    latest = profile(case.latest) if case.latest is not None else None
    agreement = (
        agreement_view(case.agreement, case.title, latest) if case.agreement is not None else None
    )
    return CaseView(
        name=case.name,
        title=case.title,
        display_name=case.display_name,
        scale=scale(),
        latest=latest,
        history=history(case.assessments),
        agreement=agreement,
        findings=tuple(_case_finding(f) for f in case.findings),
        check_summary=_check_summary(case.findings),
        left_out=tuple(f for f in case.findings if f.level is Level.FEJL),
    )


def _case_finding(finding: Finding) -> CaseFinding:
    level = str(finding.level).capitalize()
    return CaseFinding(level, Path(finding.file).name, finding.line, finding.reader_message)


def _check_summary(findings: Sequence[Finding]) -> str:
    return f"Kontrol af casens filer: {counts_text(findings)}."


def comparison(cases: Sequence[Case], day: str | None = None) -> Comparison:
    """Every case at its latest assessment, or at its latest on or before ``day`` (ISO)."""
    invalid = day if day is not None and parse_iso_date(day) is None else None
    if invalid is not None:
        day = None
    chosen = [
        (case, assessment)
        for case in cases
        if (assessment := case.as_of(day) if day else case.latest) is not None
    ]
    rows = tuple(
        ComparisonRow(
            case.title,
            case.name,
            case.display_name,
            format_date(assessment.date),
            tuple(p.level for p in profile(assessment).parameters),
        )
        for case, assessment in chosen
    )
    return Comparison(
        caption=f"Casene pr. {format_date(day)}" if day else "Casene ved seneste vurdering",
        parameters=parameters(),
        scale=scale(),
        rows=rows,
        distribution=_distribution(rows),
        invalid_date=invalid,
    )


def _distribution(rows: Sequence[ComparisonRow]) -> tuple[DistributionRow, ...]:
    return tuple(
        DistributionRow(
            parameter,
            tuple(
                LevelCount(level, sum(1 for row in rows if row.levels[index].id == level.id))
                for level in scale()
            ),
        )
        for index, parameter in enumerate(parameters())
    )
