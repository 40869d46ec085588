"""»Status år for år« (kbtools.render.status_years): the follow-ups of all years side by side,
from the same figures as the status note."""

from __future__ import annotations

from pathlib import Path

from kbtools.render.status_years import YearEntry, status_years
from kbtools.typology.cases import load_case

ROOT = Path(__file__).resolve().parents[2]


def _fjord() -> list[YearEntry]:
    case = load_case(ROOT, "fjordkommune")
    assert [f.year for f in case.followups] == [2025, 2026]
    return [YearEntry(f.year, f.file.stem, f.data, case.agreement) for f in case.followups]


def test_goals_over_the_years_in_words() -> None:
    view = status_years(_fjord())
    assert view is not None
    assert view.years == ("2025", "2026")
    goal, (first, second) = view.goals[0]
    assert goal == "80 virksomheder har fået et fælles besøg om året."
    assert first[0] == "På vej." and first[1].startswith("61 sambesøg")
    assert second[0] == "Nået." and second[1].startswith("86 sambesøg")
    assert view.notes == (("2025", "opfoelgning-2025"), ("2026", "opfoelgning-2026"))


def test_budget_against_spending_per_year() -> None:
    view = status_years(_fjord())
    assert view is not None
    assert view.money == (("2025", "1.000", "930", "93 %"), ("2026", "1.000", "1.024", "102 %"))
    assert view.money_caption == "Budget og forbrug pr. år (beløb i 1.000 kr.)"
    assert view.over_text == (
        "I 2026 brugte partnerskabet mere end budgettet på 2 poster: Fælles "
        "virksomhedsservice (101 %) og Udvikling af partnerskabet (109 %)."
    )


def test_a_goal_a_year_does_not_mention_shows_a_dash() -> None:
    entries = _fjord()
    first = entries[0]
    goals = [g for g in first.data["mål"] if g["mål"].startswith("80")]
    entries[0] = YearEntry(first.year, first.stem, {**first.data, "mål": goals}, first.agreement)
    view = status_years(entries)
    assert view is not None
    by_goal = dict(view.goals)
    assert by_goal["200 medarbejdere i små virksomheder har fået opkvalificering."][0] == (
        "Ingen status.",
        "",
    )


def test_no_follow_ups_no_section() -> None:
    assert status_years([]) is None
