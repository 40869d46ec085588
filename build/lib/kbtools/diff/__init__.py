"""What changed between two versions of an agreement, in plain Danish.

Used for renegotiations: the consultant wants »Jobcenter Eksempelby: minimumstid 10 → 20 timer
pr. måned«, not a line diff. The comparison is driven by the schema
(:mod:`kbtools.diff.walker`): labels are its titles, list items are matched by the key it
declares (``x-nøgle``: a party's ``id``, a goal's ``mål`` …), never by position, so
reordering a list is not a change, and a field added to the schema shows up without new code.

The input is plain loaded data that may not be valid; the diff never raises on it.
"""

from __future__ import annotations

from typing import Any

from kbtools.diff.matching import same_content
from kbtools.diff.walker import ADDED, CHANGED, REMOVED, Change, Walker

__all__ = ["ADDED", "CHANGED", "REMOVED", "Change", "diff_agreements", "same_content"]


def diff_agreements(old: Any, new: Any, schema: dict[str, Any] | None = None) -> list[Change]:
    """Every change from ``old`` to ``new`` (plain loaded data), in the schema's element order.

    ``schema`` defaults to the agreement schema; tests pass a small one of their own.
    """
    if schema is None:
        from kbtools.kinds import AGREEMENT

        schema = AGREEMENT.schema
    before = old if isinstance(old, dict) else {}
    after = new if isinstance(new, dict) else {}
    return Walker(schema, before, after).run()
