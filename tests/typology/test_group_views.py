"""What case pages show of a multi-rater assessment and of the change since the last one."""

from __future__ import annotations

from pathlib import Path

from kbtools.loading import load_path
from kbtools.typology.cases import load_case
from kbtools.typology.group_views import change_view, ratings_view

REPO = Path(__file__).resolve().parents[2]
ORDER = ["kantine", "klub", "kompagni"]


def _expected_disagreements(day: str) -> list[str]:
    """An independent oracle: read the rating files and apply the rule by hand."""
    ratings = []
    for file in sorted((REPO / "cases" / "fjordkommune" / "bedoemmelser" / day).glob("*.yaml")):
        document, _ = load_path(file)
        assert document is not None
        ratings.append(document.data)
    found = []
    for parameter in ["mandat", "maal", "ressourcer", "institutionalisering", "laering",
                      "projektindsatser", "forhold", "udbytte"]:  # fmt: skip
        ranks = [ORDER.index(r["niveauer"][parameter]) for r in ratings]
        medians = set()
        for system in {r["system"] for r in ratings}:
            own = sorted(
                ORDER.index(r["niveauer"][parameter]) for r in ratings if r["system"] == system
            )
            medians.add(own[(len(own) - 1) // 2])
        if max(ranks) - min(ranks) == 2 or len(medians) > 1:
            found.append(parameter)
    return found


def test_disagreements_are_exactly_the_rule() -> None:
    case = load_case(REPO, "fjordkommune")
    assert [a.date for a in case.assessments] == ["2025-03-10", "2025-09-15"]
    for assessment in case.assessments:
        view = ratings_view(assessment)
        assert view is not None and view.count == 8
        assert view.systems == ("beskæftigelse", "uddannelse", "erhvervsfremme")
        listed = [row.parameter.id for row in view.disagreements]
        assert listed == _expected_disagreements(assessment.date)
    latest = ratings_view(case.assessments[-1])
    assert latest is not None
    assert [row.parameter.id for row in latest.disagreements] == ["mandat", "laering", "udbytte"]
    laering = next(row for row in latest.parameters if row.parameter.id == "laering")
    assert laering.why == (
        "Læring: bedømmelserne spænder fra kantinen til kompagniet (1 i kantinen, 6 i klubben "
        "og 1 i kompagniet) og systemerne ser forskelligt på den (Beskæftigelse: Klubben; "
        "Uddannelse: Kantinen; Erhvervsfremme: Klubben)."
    )
    assert laering.level.name == "Klubben"


def test_single_rater_cases_have_no_ratings_view_but_show_the_change() -> None:
    case = load_case(REPO, "midtby")
    assert all(ratings_view(a) is None for a in case.assessments)
    change = change_view(case.assessments)
    assert change is not None and change.after == "18. marts 2020"
    assert change_view(case.assessments[:1]) is None


def test_change_texts() -> None:
    case = load_case(REPO, "fjordkommune")
    change = change_view(case.assessments)
    assert change is not None
    texts = {c.parameter.id: c.text for c in change.changes}
    assert texts["mandat"] == "Ét niveau op" and texts["maal"] == "Uændret"
    assert change.summary.startswith("Fra 10. marts 2025 til 15. september 2025 har 5 parametre")
