"""»Status år for år« on a case page: the follow-ups of all years side by side.

Goals over the years (a row per goal, a column per year: the status in words and the value)
and the budget against the spending per year, from the same figures as the status note
(:mod:`kbtools.render.note_figures`), so the page and the notes always agree. Pure values;
the Sphinx extension lays them out (:mod:`kbtools.sphinxext.case_status`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from kbtools.danish import format_list
from kbtools.render.blocks import sentence
from kbtools.render.note_figures import amount, budget_lines, goal_statuses, line_total, units

#: A goal a year's follow-up says nothing about (or a year before the goal was agreed).
NOT_FOLLOWED = "–"


@dataclass(frozen=True)
class YearEntry:
    """One year's follow-up: the year, its file's stem (the notes' file names), its data and
    the agreement it follows up on (None when the folder has none that applies)."""

    year: int
    stem: str
    data: dict[str, Any]
    agreement: dict[str, Any] | None


@dataclass(frozen=True)
class StatusYears:
    """The section's two tables and the notes to download, one per year."""

    years: tuple[str, ...]
    #: per goal, per year: the status as a sentence (»På vej.«) and the value and comment
    goals: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]
    #: per year: the year, the budget, the spending and the share used (all budget lines)
    money: tuple[tuple[str, str, str, str], ...]
    #: per year: the budget lines spent over their budget, with the share used
    over: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]
    unit: str
    notes: tuple[tuple[str, str], ...]  # (year, the file's stem)

    @property
    def intro(self) -> str:
        first, last = self.years[0], self.years[-1]
        span = f"fra {first} til {last}" if first != last else f"for {first}"
        return (
            f"Styregruppens opfølgning på aftalen {span}: status på hvert mål og forbruget "
            "mod budgettet. Status står med ord i hver celle."
        )

    @property
    def money_caption(self) -> str:
        return f"Budget og forbrug pr. år (beløb i {self.unit})"

    @property
    def over_text(self) -> str:
        """Which budget lines were overspent, year by year, in one or two sentences."""
        sentences = []
        for year, lines in self.over:
            count = "én post" if len(lines) == 1 else f"{len(lines)} poster"
            shown = format_list(f"{post} ({used})" for post, used in lines)
            sentences.append(
                f"I {year} brugte partnerskabet mere end budgettet på {count}: {shown}."
            )
        return " ".join(sentences) or "Ingen budgetpost er brugt ud over budgettet."


def status_years(entries: Sequence[YearEntry]) -> StatusYears | None:
    """The section for ``entries`` (oldest first); None without any."""
    if not entries:
        return None
    years = tuple(str(entry.year) for entry in entries)
    cells: dict[str, dict[str, tuple[str, str]]] = {}
    money: list[tuple[str, str, str, str]] = []
    over: list[tuple[str, tuple[tuple[str, str], ...]]] = []
    unit = ""
    for entry in entries:
        year = str(entry.year)
        agreement = entry.agreement or {}
        for goal in goal_statuses(entry.data, agreement):
            cells.setdefault(goal.goal, {})[year] = (sentence(goal.status), goal.value)
        lines = budget_lines(entry.data, agreement, year)
        if lines:
            all_lines = line_total(lines)
            money.append((year, amount(all_lines.budget), amount(all_lines.spent), all_lines.used))
        overspent = tuple((line.post, line.used) for line in lines if line.over)
        if overspent:
            over.append((year, overspent))
        unit = unit or units(entry.data, agreement)[0]
    goals = tuple(
        (goal, tuple(by_year.get(year, (NOT_FOLLOWED, "")) for year in years))
        for goal, by_year in cells.items()
    )
    notes = tuple((str(entry.year), entry.stem) for entry in entries)
    return StatusYears(years, goals, tuple(money), tuple(over), unit or "kr.", notes)
