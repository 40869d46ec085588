"""Participants' ratings of the typology and what they add up to.

Pure Python (it also runs in the browser): a :class:`Rating` is one participant's level per
parameter, and :func:`spread` says for one parameter how the ratings are spread, what each
system says, what the group's proposal is and whether the group should discuss it. The rules
are written once, here, and the texts :data:`PROPOSAL_RULE` and :data:`DISCUSS_RULE` say them
in Danish wherever a combined assessment or a case page is shown.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from kbtools.data.typology import load_typology
from kbtools.kinds import RATING

#: How the group's proposal is found (written into every combined assessment).
PROPOSAL_RULE = (
    "Gruppens forslag for hver parameter er medianen af deltagernes niveauer: det midterste "
    "niveau, når bedømmelserne stilles på række fra laveste til højeste. Er der et lige antal "
    "bedømmelser, og ligger de to midterste på hvert sit niveau, foreslås det laveste af dem."
)
#: When a parameter is marked for discussion.
DISCUSS_RULE = (
    "En parameter bør drøftes, når bedømmelserne spænder fra kantinen til kompagniet, eller "
    "når systemerne ikke har samme median. Et system sammenlignes kun på en parameter, som "
    "mindst to deltagere fra systemet har bedømt: én persons bedømmelse er ikke systemets."
)
#: How many participants of one system must have rated a parameter before the system's median
#: is compared with the others' (see :data:`DISCUSS_RULE`).
MIN_SYSTEM_RATERS = 2

#: The key of the ratings in a combined assessment.
RATINGS_KEY = "bedømmelser"
#: The fields of a rating that a combined assessment keeps (the rest is the same for all).
RATER_FIELDS = ("navn", "system", "rolle", "niveauer", "begrundelser")


@dataclass(frozen=True)
class Rating:
    """One participant's rating: level id and reason by parameter id."""

    name: str
    system: str
    role: str | None
    levels: Mapping[str, str]
    reasons: Mapping[str, str]

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Rating:
        """A rating from a valid rating file or an item of a combined assessment."""
        levels = data.get("niveauer")
        reasons = data.get("begrundelser")
        role = data.get("rolle")
        return cls(
            name=str(data.get("navn", "")),
            system=str(data.get("system", "")),
            role=str(role) if isinstance(role, str) else None,
            levels={str(k): str(v) for k, v in (levels or {}).items()},
            reasons={str(k): str(v) for k, v in (reasons or {}).items()},
        )

    def as_data(self) -> dict[str, Any]:
        """The rating as it is kept in a combined assessment (``RATER_FIELDS``)."""
        data: dict[str, Any] = {"navn": self.name, "system": self.system}
        if self.role:
            data["rolle"] = self.role
        data["niveauer"] = dict(self.levels)
        if self.reasons:
            data["begrundelser"] = dict(self.reasons)
        return data


@dataclass(frozen=True)
class Spread:
    """How the ratings of one parameter are spread.

    ``counts`` is the number of ratings per level id (every level, lowest first);
    ``by_system`` is each system's median level id, in the order the format lists the systems,
    for the systems with at least :data:`MIN_SYSTEM_RATERS` ratings of the parameter;
    ``proposal`` is the median level id of all ratings (None when nobody rated it).
    """

    parameter: str
    counts: tuple[tuple[str, int], ...]
    by_system: tuple[tuple[str, str], ...]
    proposal: str | None

    @property
    def total(self) -> int:
        return sum(count for _, count in self.counts)

    @property
    def span(self) -> int:
        """Steps between the lowest and the highest rating (0 when all agree)."""
        used = [rank for rank, (_, count) in enumerate(self.counts) if count]
        return max(used) - min(used) if used else 0

    @property
    def full_span(self) -> bool:
        """True when the ratings reach from the lowest level to the highest."""
        return self.span >= len(self.counts) - 1 > 0

    @property
    def systems_differ(self) -> bool:
        return len({level for _, level in self.by_system}) > 1

    @property
    def discuss(self) -> bool:
        """True when the group should talk about this parameter (see :data:`DISCUSS_RULE`)."""
        return self.full_span or self.systems_differ


def system_order(system: str) -> int:
    """Sort key: the systems in the order the format lists them (beskæftigelse first)."""
    known: list[str] = RATING.schema["properties"]["system"]["enum"]
    return known.index(system) if system in known else len(known)


def lower_median(ranks: Sequence[int]) -> int:
    """The median of ``ranks``; of the two middle values of an even count, the lower."""
    if not ranks:
        raise ValueError("no ranks")
    ordered = sorted(ranks)
    return ordered[(len(ordered) - 1) // 2]


def median_level(level_ids: Sequence[str]) -> str | None:
    """The (lower) median of level ids, or None for no levels (unknown ids are ignored)."""
    typology = load_typology()
    ranks = [typology.rank(level) for level in level_ids if level in typology.level_ids]
    return typology.level_ids[lower_median(ranks)] if ranks else None


def spread(ratings: Sequence[Rating], parameter: str) -> Spread:
    """How ``ratings`` are spread on ``parameter``."""
    typology = load_typology()
    given = [(r.system, r.levels[parameter]) for r in ratings if parameter in r.levels]
    counts = tuple(
        (level, sum(1 for _, rated in given if rated == level)) for level in typology.level_ids
    )
    systems: dict[str, list[str]] = {}
    for system, level in given:
        systems.setdefault(system, []).append(level)
    by_system = tuple(
        (system, median)
        for system, levels in sorted(systems.items(), key=lambda item: system_order(item[0]))
        if len(levels) >= MIN_SYSTEM_RATERS and (median := median_level(levels)) is not None
    )
    return Spread(parameter, counts, by_system, median_level([level for _, level in given]))


def spreads(ratings: Sequence[Rating]) -> tuple[Spread, ...]:
    """The spread of every parameter, in the typology's order."""
    return tuple(spread(ratings, parameter) for parameter in load_typology().parameter_ids)


def ratings_of(data: Any) -> tuple[Rating, ...]:
    """The ratings kept in a combined assessment (none for an assessment without them)."""
    items = data.get(RATINGS_KEY) if isinstance(data, dict) else None
    if not isinstance(items, list):
        return ()
    return tuple(Rating.from_data(item) for item in items if isinstance(item, dict))
