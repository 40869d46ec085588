"""A follow-up (``skema: opfølgning/1``) begun from its agreement, for the follow-up form.

The form starts a year's follow-up from the agreement it follows up on: the partnership's
name (from the agreement's title), the year, every goal of the agreement (by its own text, as
the follow-up's rules find it: :func:`kbtools.checking.rules.followup_goals.goal_texts`) and
every budget line (by its name: :func:`kbtools.checking.rules.followup_budget.budget_lines`)
in the agreement's unit. What only the partnership knows (the date, each goal's status, the
year's spending, what they learned) is left out, so the check asks for it.
"""

from __future__ import annotations

from typing import Any

from kbtools.checking.rules.followup_budget import budget_lines
from kbtools.checking.rules.followup_goals import goal_texts
from kbtools.kinds import FOLLOWUP

#: How the agreement schema's example names an agreement, »Partnerskabsaftale for LKS
#: Eksempelby«: the partnership's name (the follow-up's »LKS Eksempelby«) follows it.
TITLE_LEAD = "partnerskabsaftale for "


def partnership_name(title: str) -> str:
    """The partnership's name in an agreement's title: what follows »Partnerskabsaftale for«,
    or the whole title."""
    name = title.strip()
    rest = name[len(TITLE_LEAD) :].strip()
    return rest if name.lower().startswith(TITLE_LEAD) and rest else name


def followup_skeleton(agreement: dict[str, Any], year: int) -> dict[str, Any]:
    """The follow-up for ``year`` on ``agreement`` (its data), as far as the agreement says."""
    economy = agreement.get("økonomi")
    unit = economy.get("enhed") if isinstance(economy, dict) else None
    title = agreement.get("titel")
    followup: dict[str, Any] = {"skema": FOLLOWUP.skema}
    if isinstance(title, str) and title.strip():
        followup["partnerskab"] = partnership_name(title)
    followup["år"] = year
    followup["mål"] = [{"mål": text} for text in goal_texts(agreement)]
    followup["økonomi"] = {
        **({"enhed": unit} if isinstance(unit, str) else {}),
        "forbrug": [{"post": name} for name in budget_lines(agreement)],
    }
    return followup


def first_year(agreement: dict[str, Any]) -> int | None:
    """The year the agreement starts (``varighed.start``), or None."""
    duration = agreement.get("varighed")
    start = duration.get("start") if isinstance(duration, dict) else None
    if isinstance(start, str) and start[:4].isdigit():
        return int(start[:4])
    return None
