"""The file kinds kbtools knows. Each kind is defined once, in its own module here.

No other module spells a kind's ``skema:`` value or schema name: ask this package.
"""

from __future__ import annotations

from kbtools.kinds.agreement import AGREEMENT
from kbtools.kinds.assessment import ASSESSMENT
from kbtools.kinds.base import Kind
from kbtools.kinds.followup import FOLLOWUP
from kbtools.kinds.rating import RATING

#: Every kind, in the order messages list them.
KINDS: tuple[Kind, ...] = (AGREEMENT, ASSESSMENT, RATING, FOLLOWUP)


def by_skema(value: object) -> Kind | None:
    """The kind whose ``skema:`` value is ``value``, or None."""
    return next((kind for kind in KINDS if kind.skema == value), None)


__all__ = ["AGREEMENT", "ASSESSMENT", "FOLLOWUP", "KINDS", "RATING", "Kind", "by_skema"]
