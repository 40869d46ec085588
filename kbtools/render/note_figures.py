"""A follow-up's figures, read against its agreement: each goal's status and the budget
against the spending per budget line. The status note (:mod:`kbtools.render.note`) and the
case pages' »Status år for år« (:mod:`kbtools.render.status_years`) both show these, so they
always agree. The data may have errors (a draft); nothing here raises on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from kbtools.amounts import exact, exact_sum, is_amount
from kbtools.danish import format_date, format_number, format_percent, format_value
from kbtools.render.blocks import dicts, sentence

#: Goals the follow-up says nothing about.
NO_STATUS = "Ingen status"
#: A goal the follow-up names that is not in the agreement.
NOT_AGREED = "Ikke et mål i aftalen"


def text(value: Any) -> str:
    """A value as readable text; empty for a missing one."""
    return "" if value is None else format_value(value)


@dataclass(frozen=True)
class GoalStatus:
    """One goal: its text, the status as a word with a capital (»På vej«), the agreement's
    indicator and deadline as a sentence, and the follow-up's value and comment."""

    goal: str
    status: str
    indicator: str
    value: str


def _status(value: Any) -> str:
    shown = text(value)
    return shown[:1].upper() + shown[1:] if shown else NO_STATUS


def _value(entry: dict[Any, Any]) -> str:
    parts = [text(entry.get(key)) for key in ("værdi", "kommentar")]
    return " ".join(sentence(part) for part in parts if part)


def goal_statuses(data: dict[str, Any], agreement: dict[str, Any]) -> list[GoalStatus]:
    """The agreement's goals in its order (matched by their text), then goals only the
    follow-up names."""
    purpose = agreement.get("formål")
    agreed = dicts(purpose.get("mål")) if isinstance(purpose, dict) else []
    followed = {str(g.get("mål")).strip(): g for g in dicts(data.get("mål"))}
    found = []
    for goal in agreed:
        entry = followed.pop(str(goal.get("mål")).strip(), {})
        deadline = goal.get("frist")
        indicator = text(goal.get("indikator"))
        if deadline is not None:
            shown = format_date(deadline) if isinstance(deadline, str) else text(deadline)
            indicator = (
                f"{sentence(indicator)} Frist: {shown}." if indicator else f"Frist: {shown}."
            )
        status = _status(entry.get("status"))
        found.append(GoalStatus(text(goal.get("mål")), status, indicator, _value(entry)))
    for entry in followed.values():
        status = _status(entry.get("status"))
        found.append(GoalStatus(text(entry.get("mål")), status, NOT_AGREED, _value(entry)))
    return found


@dataclass(frozen=True)
class Line:
    """A budget line's budget for the year and the spending on it (None: not given, or in a
    draft not a number; ``unread`` then names which of the two was written but not a number,
    so a total over it is not shown as if it were complete)."""

    post: str
    budget: Decimal | None
    spent: Decimal | None
    unread: frozenset[str] = frozenset()

    @property
    def over(self) -> bool:
        return self.spent is not None and self.budget is not None and self.spent > self.budget

    @property
    def used(self) -> str:
        """The share of the budget spent (»93 %«), or »–«."""
        return share_used(self.spent, self.budget)


def amount(value: Decimal | None) -> str:
    return "–" if value is None else format_number(value)


def share_used(spent: Decimal | None, budget: Decimal | None) -> str:
    if spent is None or budget is None:
        return "–"
    return format_percent(spent, budget) or "–"


def _economy(data: dict[str, Any]) -> dict[str, Any]:
    value = data.get("økonomi")
    return value if isinstance(value, dict) else {}


def units(data: dict[str, Any], agreement: dict[str, Any]) -> tuple[str, str]:
    """The unit of the spending and of the agreement's budget (»1.000 kr.«)."""
    spent = text(_economy(data).get("enhed"))
    agreed = text(_economy(agreement).get("enhed"))
    return (spent or agreed or "kr.", agreed or spent or "kr.")


def _per_year(post: dict[Any, Any], year: str) -> Any:
    amounts = post.get("pr_år")
    if not isinstance(amounts, dict):
        return None
    return next((value for key, value in amounts.items() if str(key) == year), None)


def budget_lines(data: dict[str, Any], agreement: dict[str, Any], year: str) -> list[Line]:
    """The agreement's budget lines in its order with the year's budget and spending, then
    the lines only the follow-up names (no budget)."""
    spending: dict[str, list[Any]] = {}
    for item in dicts(_economy(data).get("forbrug")):
        spending.setdefault(text(item.get("post")), []).append(item.get("beløb"))
    lines = []
    for post in dicts(_economy(agreement).get("budget")):
        key = text(post.get("navn"))
        lines.append(_line(key, _per_year(post, year), spending.pop(key, None)))
    return lines + [_line(key, None, amounts) for key, amounts in spending.items()]


def _line(post: str, budget: Any, spending: list[Any] | None) -> Line:
    """The line of ``post``: its ``budget`` for the year as written (None: none) and the
    amounts spent on it (None: the follow-up names no spending on it)."""
    spent = None if spending is None else exact_sum(spending)
    unread = set()
    if budget is not None and not is_amount(budget):
        unread.add("budget")
    if spending is not None and spent is None:
        unread.add("spent")
    return Line(post, exact(budget) if is_amount(budget) else None, spent, frozenset(unread))


def line_total(lines: list[Line]) -> Line:
    """»I alt«: the budgets and the spending added up exactly."""
    budgets = [line.budget for line in lines if line.budget is not None]
    spent = [line.spent for line in lines if line.spent is not None]
    unread = frozenset().union(*(line.unread for line in lines))
    return Line(
        "I alt",
        sum(budgets, Decimal(0)) if budgets and "budget" not in unread else None,
        sum(spent, Decimal(0)) if spent and "spent" not in unread else None,
        unread,
    )
