"""The file kinds kbtools knows, keyed by the value of their ``skema:`` key."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kbtools.findings import Finding
    from kbtools.loading import Document

Rule = Callable[["Document"], Iterator["Finding"]]


@dataclass(frozen=True)
class Kind:
    """A file format: its schema (name in ``kbtools/schemas``) and its cross-field rules."""

    skema: str
    schema_name: str
    label: str
    rules: Callable[[], Iterable[Rule]]


def _agreement_rules() -> Iterable[Rule]:
    from kbtools.checking.rules import AGREEMENT_RULES

    return AGREEMENT_RULES


KINDS: dict[str, Kind] = {
    "partnerskabsaftale/1": Kind(
        "partnerskabsaftale/1", "partnerskabsaftale-1", "partnerskabsaftale", _agreement_rules
    ),
}


def _assessment_rules() -> Iterable[Rule]:
    from kbtools.typology.rules import check_direction, check_parameters

    return (check_parameters, check_direction)


KINDS["typologivurdering/1"] = Kind(
    "typologivurdering/1", "typologivurdering-1", "typologivurdering", _assessment_rules
)


def register(kind: Kind) -> None:
    """Add a file kind (used by other parts of kbtools, e.g. typology assessments)."""
    KINDS[kind.skema] = kind
