"""Typology views (kbtools.typology.views) without Sphinx: what the case pages, the comparison
page and ``kbtools typology`` show, for the repository's own cases."""

from __future__ import annotations

import dataclasses
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kbtools.cli import main
from kbtools.typology.cases import Case, load_case
from kbtools.typology.views import (
    CaseView,
    agreement_view,
    case_view,
    comparison,
    parameters,
    scale,
)

REPO = Path(__file__).resolve().parents[2]
BROKEN_ROOT = REPO / "tests" / "roots" / "test-typology-cases-broken"
ISO_DATE = re.compile(r"\d{4}-\d\d-\d\d")


@pytest.fixture(scope="module")
def midtby() -> CaseView:
    return case_view(load_case(REPO, "midtby"))


def _strings(value: object) -> list[str]:
    """Every text inside a view (dataclasses, tuples and strings, recursively)."""
    if isinstance(value, str):
        return [value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [s for f in dataclasses.fields(value) for s in _strings(getattr(value, f.name))]
    if isinstance(value, tuple | list):
        return [s for item in value for s in _strings(item)]
    return []


def test_the_views_module_imports_no_sphinx() -> None:
    code = (
        "import sys, kbtools.typology.views, kbtools.commands.typology; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sphinx', 'docutils')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_scale_and_parameters_follow_the_typology() -> None:
    assert [(level.id, level.name, level.rank) for level in scale()] == [
        ("kantine", "Kantinen", 1),
        ("klub", "Klubben", 2),
        ("kompagni", "Kompagniet", 3),
    ]
    names = [p.short_name for p in parameters()]
    assert names[:3] == ["Mandat og ledelsesmæssig opbakning", "Mål", "Ressourcer"]
    assert len(names) == 8


def test_latest_profile_has_danish_date_levels_directions_and_justifications(
    midtby: CaseView,
) -> None:
    latest = midtby.latest
    assert latest is not None
    assert latest.byline == "18. marts 2020 (selvevaluering, vurderet af Styregruppen i LKS Midtby)"
    assert [p.parameter.id for p in latest.parameters] == [p.id for p in parameters()]
    mandate, goals = latest.parameters[0], latest.parameters[1]
    assert (mandate.level.name, mandate.direction, mandate.level_text) == (
        "Kompagniet",
        None,
        "Kompagniet",
    )
    assert goals.direction is not None and goals.direction.id == "kompagni"
    assert goals.level_text == "Klubben (på vej mod kompagniet)"
    assert goals.justification == "Et kommissorium med fælles mål er under udarbejdelse."


def test_development_over_time_per_parameter(midtby: CaseView) -> None:
    assert midtby.history.dates == ("15. marts 2018", "20. marts 2019", "18. marts 2020")
    resources = midtby.history.rows[2]
    assert resources.parameter.id == "ressourcer"
    assert [level.rank for level in resources.levels] == [1, 2, 2]
    assert (
        resources.text == "Ressourcer (medarbejdere, tid og økonomi): Kantinen → Klubben → Klubben"
    )
    assert midtby.development_label.startswith(
        "Udviklingen for Partnerskabsaftale for LKS Midtby (fiktivt eksempel) over 3 vurderinger: "
        "Mandat og ledelsesmæssig opbakning: Klubben → Klubben → Kompagniet; Mål: "
    )


def test_chart_labels_name_the_case_the_date_and_every_level(midtby: CaseView) -> None:
    assert midtby.radar_label.startswith(
        "Radardiagram over profilen for Partnerskabsaftale for LKS Midtby (fiktivt eksempel) den "
        "18. marts 2020: Mandat og ledelsesmæssig opbakning: Kompagniet; Mål: Klubben; "
    )
    assert midtby.radar_label.endswith("Udbytte: Klubben")


def test_agreement_summary_and_indications(midtby: CaseView) -> None:
    agreement = midtby.agreement
    assert agreement is not None
    assert agreement.summary == (
        "Partnerskabsaftale for LKS Midtby (fiktivt eksempel). Parter: Jobcenter Midtby "
        "(beskæftigelse), Midtby Erhvervsråd (erhvervsfremme) og Midtby Tekniske Skole "
        "(uddannelse)."
    )
    mandate = agreement.indications[0]
    assert mandate.parameter.name == "Mandat og ledelsesmæssig opbakning"
    assert mandate.level is not None and mandate.level.name == "Klubben"
    assert mandate.evidence_text == "Alle tre systemer er med."
    assert mandate.missing_text == "Et kommissorium med mandat."
    learning = agreement.indications[4]
    assert (learning.level, learning.evidence_text) == (None, "")


def test_findings_of_the_case_files(midtby: CaseView) -> None:
    assert midtby.check_summary == "Kontrol af casens filer: 0 fejl, 1 advarsel og 3 anbefalinger."
    assert midtby.findings[0].text == (
        "Anbefaling om aftalen: Overvej at tilføje »Kommissorium«. "
        "Det er ikke et krav, men vidensbasen anbefaler det."
    )
    assert midtby.left_out == ()
    # the agreement ended in 2021: the case page says so, as kbtools validate does
    ended = [f.text for f in midtby.findings if f.level == "Advarsel"]
    assert ended == [
        "Advarsel om aftalen: Aftalen sluttede 31. december 2021 og gælder ikke længere. "
        "Forhandl en ny aftale, forlæng den (aftalen siger: »Parterne tager stilling til "
        "forlængelse senest et år før udløb.«), eller skriv ned, at samarbejdet er afsluttet. "
        "Se »Når aftalen skal genforhandles« på LKS-vidensbasen."
    ]


def test_a_broken_assessment_is_left_out_and_reported() -> None:
    view = case_view(load_case(BROKEN_ROOT, "brudt"))
    assert [(f.code, f.line) for f in view.left_out] == [("skema-vaerdi", 12)]
    assert view.latest is not None and view.latest.byline.startswith("15. marts 2018 ")
    assert view.history.dates == ("15. marts 2018",)
    assert view.agreement is None and view.title == "brudt"
    assert view.check_summary == "Kontrol af casens filer: 1 fejl, 0 advarsler og 0 anbefalinger."
    assert view.findings[0].text.startswith("Fejl om vurderingen fra marts 2019: »Niveau« må")


@pytest.mark.parametrize("name", ["midtby", "fjordkommune", "hedeby"])
def test_no_raw_date_reaches_a_reader(name: str) -> None:
    view = case_view(load_case(REPO, name))
    assert [s for s in _strings(view) if ISO_DATE.search(s)] == []
    assert not ISO_DATE.search(view.radar_label + view.development_label)


def _cases() -> list[Case]:
    return [load_case(REPO, name) for name in ("fjordkommune", "hedeby", "midtby")]


def test_comparison_at_the_latest_assessments() -> None:
    view = comparison(_cases())
    assert view.caption == "Casene ved seneste vurdering" and view.invalid_date is None
    assert [(row.title.split(" for ")[1], row.date) for row in view.rows] == [
        ("LKS Fjordkommune (fiktivt eksempel)", "15. september 2025"),
        ("Partnerskab Hedeby (fiktivt eksempel)", "12. november 2025"),
        ("LKS Midtby (fiktivt eksempel)", "18. marts 2020"),
    ]
    assert [level.id for level in view.rows[2].levels][:2] == ["kompagni", "klub"]
    mandate = view.distribution[0]
    assert [(c.level.name, c.count) for c in mandate.counts] == [
        ("Kantinen", 1),
        ("Klubben", 0),
        ("Kompagniet", 2),
    ]
    assert all(sum(c.count for c in row.counts) == 3 for row in view.distribution)


def test_comparison_as_of_a_date_shows_only_cases_assessed_by_then() -> None:
    view = comparison(_cases(), "2019-06-30")
    assert view.caption == "Casene pr. 30. juni 2019"
    assert [row.date for row in view.rows] == ["20. marts 2019"]


def test_comparison_with_an_invalid_date_shows_the_latest_and_says_so() -> None:
    view = comparison(_cases(), "2019-13-01")
    assert view.invalid_date == "2019-13-01"
    assert view.caption == "Casene ved seneste vurdering" and len(view.rows) == 3


def test_agreement_view_falls_back_to_the_file_name_without_a_title() -> None:
    view = agreement_view({"parter": []}, fallback_title="aftale.yaml")
    assert view.title == "aftale.yaml" and view.parties == ()
    assert len(view.indications) == 8


def test_cli_output_for_midtby_is_unchanged(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["typology", str(REPO / "cases" / "midtby" / "aftale.yaml")]) == 0
    expected = (Path(__file__).parent / "midtby-typology.txt").read_text(encoding="utf-8")
    assert capsys.readouterr().out == expected
