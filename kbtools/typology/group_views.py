"""What a case page shows of a multi-rater assessment, and the change since the one before.

When an assessment keeps every participant's rating (``kbtools vurdering saml``), readers see
per parameter how the ratings are spread and what each system says, which parameters the group
disagrees on (the section »Hvor er I uenige?«) and how the profile has changed since the
previous assessment. Like :mod:`kbtools.typology.views`, everything is decided here and comes
out as small frozen values with Danish texts; the Sphinx side only lays them out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kbtools.danish import format_date, format_list, plural
from kbtools.typology.cases import Assessment
from kbtools.typology.ratings import DISCUSS_RULE, PROPOSAL_RULE, Spread, spreads, system_order
from kbtools.typology.views import LevelRef, ParameterRef, level_ref, parameters

#: Heading of the section that lists the parameters to discuss.
DISAGREEMENT_HEADING = "Hvor er I uenige?"


@dataclass(frozen=True)
class SystemView:
    """One system's median level on a parameter (»Beskæftigelse: Klubben«)."""

    system: str
    level: LevelRef

    @property
    def text(self) -> str:
        return f"{self.system.capitalize()}: {self.level.name}"


@dataclass(frozen=True)
class RatedParameter:
    """One parameter of a multi-rater assessment: the group's level and the spread."""

    parameter: ParameterRef
    level: LevelRef
    counts: tuple[tuple[LevelRef, int], ...]
    systems: tuple[SystemView, ...]
    full_span: bool
    systems_differ: bool

    @property
    def discuss(self) -> bool:
        return self.full_span or self.systems_differ

    @property
    def counts_text(self) -> str:
        """»1 i kantinen, 5 i klubben og 2 i kompagniet« (only the levels someone chose)."""
        return format_list(
            f"{count} i {level.name.lower()}" for level, count in self.counts if count
        )

    @property
    def span(self) -> int:
        """Levels between the lowest and the highest rating (0 when all agree)."""
        used = [rank for rank, (_, count) in enumerate(self.counts) if count]
        return max(used) - min(used) if used else 0

    @property
    def systems_text(self) -> str:
        """»Beskæftigelse: Klubben; Uddannelse: Kantinen; …«, or »Alle systemer: Klubben«
        (only systems with at least two ratings of the parameter are compared)."""
        if not self.systems:
            return "Intet system har mindst to bedømmelser"
        if len(self.systems) > 1 and not self.systems_differ:
            return f"Alle systemer: {self.systems[0].level.name}"
        return "; ".join(view.text for view in self.systems)

    @property
    def why(self) -> str:
        """Why the parameter is listed under »Hvor er I uenige?«, in plain words."""
        reasons = []
        if self.full_span:
            reasons.append(
                f"bedømmelserne spænder fra {self.counts[0][0].name.lower()} til "
                f"{self.counts[-1][0].name.lower()} ({self.counts_text})"
            )
        if self.systems_differ:
            reasons.append(f"systemerne ser forskelligt på den ({self.systems_text})")
        return f"{self.parameter.name}: " + " og ".join(reasons) + "."


@dataclass(frozen=True)
class RatingsView:
    """The ratings behind the latest assessment."""

    date: str
    count: int
    systems: tuple[str, ...]
    parameters: tuple[RatedParameter, ...]

    @property
    def intro(self) -> str:
        who = format_list(system for system in self.systems)
        return (
            f"Vurderingen den {self.date} bygger på {plural(self.count, 'deltager', 'deltagere')}"
            f" fra {who}, som hver har bedømt parametrene for sig. {PROPOSAL_RULE} "
            "Tabellen viser, hvor mange der valgte hvert niveau, og medianen for hvert system."
        )

    @property
    def disagreements(self) -> tuple[RatedParameter, ...]:
        return tuple(p for p in self.parameters if p.discuss)

    @property
    def disagreement_intro(self) -> str:
        if not self.disagreements:
            return f"I er enige om alle parametre. {DISCUSS_RULE}"
        return f"{DISCUSS_RULE} Det gælder disse parametre:"

    @property
    def table_caption(self) -> str:
        return f"Deltagernes bedømmelser den {self.date}"


@dataclass(frozen=True)
class Change:
    """One parameter's level at the previous and at the latest assessment."""

    parameter: ParameterRef
    before: LevelRef
    after: LevelRef

    @property
    def text(self) -> str:
        steps = self.after.rank - self.before.rank
        if steps == 0:
            return "Uændret"
        size = "Ét niveau" if abs(steps) == 1 else f"{abs(steps)} niveauer"
        return f"{size} {'op' if steps > 0 else 'ned'}"


@dataclass(frozen=True)
class ChangeView:
    """The change from the previous assessment to the latest."""

    before: str
    after: str
    changes: tuple[Change, ...]

    @property
    def summary(self) -> str:
        moved = [c.parameter.name for c in self.changes if c.before != c.after]
        if not moved:
            return f"Fra {self.before} til {self.after} er profilen uændret."
        return (
            f"Fra {self.before} til {self.after} har "
            f"{plural(len(moved), 'parameter', 'parametre')} flyttet sig: {format_list(moved)}."
        )


def _rated(parameter: ParameterRef, item: Spread) -> RatedParameter:
    assert item.proposal is not None
    return RatedParameter(
        parameter=parameter,
        level=level_ref(item.proposal),
        counts=tuple((level_ref(level), count) for level, count in item.counts),
        systems=tuple(SystemView(system, level_ref(level)) for system, level in item.by_system),
        full_span=item.full_span,
        systems_differ=item.systems_differ,
    )


def ratings_view(assessment: Assessment) -> RatingsView | None:
    """The ratings behind ``assessment`` (None when it keeps none).

    The group's level is the assessment's own (what the group agreed on), not recomputed.
    """
    if not assessment.ratings:
        return None
    by_id = {item.parameter: item for item in spreads(assessment.ratings)}
    rows = []
    for parameter in parameters():
        item = by_id[parameter.id]
        if item.proposal is None:
            continue
        row = _rated(parameter, item)
        agreed = assessment.parameters[parameter.id].level
        rows.append(RatedParameter(**{**row.__dict__, "level": level_ref(agreed)}))
    systems = sorted({rating.system for rating in assessment.ratings}, key=system_order)
    return RatingsView(
        format_date(assessment.date), len(assessment.ratings), tuple(systems), tuple(rows)
    )


def change_view(assessments: Sequence[Assessment]) -> ChangeView | None:
    """The change between the last two assessments (None with fewer than two)."""
    if len(assessments) < 2:
        return None
    before, after = assessments[-2], assessments[-1]
    changes = tuple(
        Change(
            parameter,
            level_ref(before.parameters[parameter.id].level),
            level_ref(after.parameters[parameter.id].level),
        )
        for parameter in parameters()
    )
    return ChangeView(format_date(before.date), format_date(after.date), changes)
