"""Follow-ups (``skema: opfølgning/1``) checked against the agreement in their folder: the
agreement chosen, and each rule with its message, level and place in the file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kbtools import check_bytes, check_file
from kbtools.findings import Finding, Level
from kbtools.kinds import FOLLOWUP
from kbtools.kinds.followup_agreement import (
    agreement_for_followup,
    agreements_in_folder,
    choose_agreement,
    version_key,
)

ROOT = Path(__file__).resolve().parents[2]
CASE = ROOT / "cases" / "fjordkommune"
AGREEMENT = (CASE / "aftale.yaml").read_text("utf-8")
FOLLOWUP_2026 = (CASE / "opfoelgning-2026.yaml").read_text("utf-8")
GOAL_1 = "80 virksomheder har fået et fælles besøg om året."
GOAL_2 = "200 medarbejdere i små virksomheder har fået opkvalificering."


def changed(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def findings_of(followup: str, agreements: tuple[str, ...] = (AGREEMENT,)) -> list[Finding]:
    """The findings of a follow-up given with agreements, as the browser gives them."""
    given = [(f"aftale-{n}.yaml", text.encode()) for n, text in enumerate(agreements)]
    return list(check_bytes(followup.encode(), "opfoelgning.yaml", agreements=given).findings)


def only(findings: list[Finding], code: str) -> Finding:
    found = [f for f in findings if f.code == code]
    assert len(found) == 1, [(f.code, f.message) for f in findings]
    return found[0]


def line_of(text: str, fragment: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), 1) if fragment in line)


@pytest.mark.parametrize("name", ["opfoelgning-2025.yaml", "opfoelgning-2026.yaml"])
def test_the_examples_are_follow_ups_without_findings(name: str) -> None:
    result = check_file(CASE / name)
    assert result.kind is FOLLOWUP
    assert result.findings == ()


def test_without_an_agreement_goals_and_budget_are_not_checked(tmp_path: Path) -> None:
    shutil.copy(CASE / "opfoelgning-2026.yaml", tmp_path)
    findings = list(check_file(tmp_path / "opfoelgning-2026.yaml").findings)
    finding = only(findings, "opfoelgning-ingen-aftale")
    assert finding.level is Level.ADVARSEL
    assert "ikke kontrolleret mod aftalen" in finding.message
    assert [f.code for f in findings] == ["opfoelgning-ingen-aftale"]
    assert [f.code for f in findings_of(FOLLOWUP_2026, ())] == ["opfoelgning-ingen-aftale"]


def test_a_year_outside_the_agreement_is_an_error_at_the_year() -> None:
    text = changed(FOLLOWUP_2026, "år: 2026", "år: 2031")
    finding = only(findings_of(text), "opfoelgning-aar-uden-for-aftale")
    assert finding.level is Level.FEJL
    assert (finding.line, finding.column, finding.path) == (line_of(text, "år: 2031"), 5, ("år",))
    assert finding.message == (
        "Opfølgningen er for 2031, men aftalen (aftale-0.yaml, version 2) løber fra 1. januar "
        "2025 til 31. december 2029. Ret året, eller læg opfølgningen ved den aftale, der gælder "
        "for året."
    )
    assert not [f for f in findings_of(text) if f.code.startswith("opfoelgning-maal")]


def test_every_goal_of_the_agreement_needs_a_status() -> None:
    text = changed(FOLLOWUP_2026, GOAL_2, "Et mål, aftalen ikke har, om noget helt andet.")
    findings = findings_of(text)
    missing = only(findings, "opfoelgning-maal-mangler")
    assert missing.level is Level.FEJL and missing.path == ("mål",)
    assert (missing.line, missing.column) == (line_of(text, f"- mål: {GOAL_1}"), 3)
    assert missing.message.startswith(f"Målet »{GOAL_2}« fra aftalen har ingen status.")
    unknown = only(findings, "opfoelgning-ukendt-maal")
    assert unknown.message.endswith("Skriv målet præcis, som det står i aftalen.")


def test_an_unknown_goal_suggests_the_goal_that_has_no_status_yet() -> None:
    text = changed(FOLLOWUP_2026, GOAL_1, "80 virksomheder har fået fælles besøg i året.")
    unknown = only(findings_of(text), "opfoelgning-ukendt-maal")
    assert unknown.path == ("mål", 0, "mål")
    assert (unknown.line, unknown.column) == (line_of(text, "fælles besøg i året"), 10)
    assert unknown.message.endswith(f"Mente du »{GOAL_1}«?")
    # one mistake, one finding: the goal it names is not reported as missing as well
    assert [f.code for f in findings_of(text)] == ["opfoelgning-ukendt-maal"]


def test_a_goal_that_already_has_a_status_is_never_suggested() -> None:
    text = changed(FOLLOWUP_2026, GOAL_1, GOAL_2)  # the second goal twice, the first missing
    text = changed(text, f"- mål: {GOAL_2}", "- mål: 200 medarbejdere har fået opkvalificering.")
    findings = findings_of(text)
    unknown = only(findings, "opfoelgning-ukendt-maal")
    assert GOAL_2 not in unknown.message
    assert f"»{GOAL_1}«" in only(findings, "opfoelgning-maal-mangler").message


def test_a_goal_with_two_statuses_is_an_error() -> None:
    text = changed(FOLLOWUP_2026, GOAL_2, GOAL_1)
    findings = findings_of(text)
    twice = only(findings, "opfoelgning-maal-dobbelt")
    assert twice.path == ("mål", 1, "mål") and twice.level is Level.FEJL
    assert "nr. 1" in twice.message
    assert f"»{GOAL_2}«" in only(findings, "opfoelgning-maal-mangler").message


def test_goals_compare_without_case_or_extra_spaces() -> None:
    text = changed(FOLLOWUP_2026, GOAL_1, "80  virksomheder HAR fået et fælles besøg om året.")
    assert findings_of(text) == []


def test_a_unit_other_than_the_agreements_is_an_error_and_amounts_are_not_compared() -> None:
    text = changed(FOLLOWUP_2026, "enhed: 1.000 kr.", "enhed: kr.")
    text = changed(text, "beløb: 806", "beløb: 806000")
    findings = findings_of(text)
    assert [f.code for f in findings] == ["opfoelgning-enhed"]
    assert findings[0].path == ("økonomi", "enhed")
    assert findings[0].message.startswith(
        "Forbruget står i »kr.«, men aftalens budget står i »1.000 kr.«."
    )


def test_spending_more_than_ten_percent_over_a_line_is_a_warning_with_both_amounts() -> None:
    text = changed(FOLLOWUP_2026, "beløb: 806", "beløb: 880")  # 800 + 10 %: still in order
    assert findings_of(text) == []
    text = changed(FOLLOWUP_2026, "beløb: 806", "beløb: 880.5")
    over = only(findings_of(text), "opfoelgning-overforbrug")
    assert over.level is Level.ADVARSEL and over.path == ("økonomi", "forbrug", 0, "beløb")
    assert (over.line, over.column) == (line_of(text, "beløb: 880.5"), 14)
    assert over.message.startswith(
        "På »Fælles virksomhedsservice« er der brugt 880,5 (1.000 kr.), men budgettet for 2026 "
        "er 800 (1.000 kr.), altså 10,1 % over."
    )


def test_spending_on_a_line_is_added_up_when_the_line_is_listed_twice() -> None:
    text = changed(
        FOLLOWUP_2026,
        "      beløb: 806\n",
        "      beløb: 806\n    - post: Fælles virksomhedsservice\n      beløb: 100\n",
    )
    over = only(findings_of(text), "opfoelgning-overforbrug")
    assert "brugt 906 (1.000 kr.)" in over.message and over.path[2] == 1


def test_an_unknown_budget_line_is_an_error_suggesting_an_unused_line() -> None:
    text = changed(FOLLOWUP_2026, "post: Udvikling af partnerskabet", "post: Udvikling af LKS")
    unknown = only(findings_of(text), "opfoelgning-ukendt-post")
    assert unknown.level is Level.FEJL and unknown.path == ("økonomi", "forbrug", 1, "post")
    assert unknown.message == (
        "Posten »Udvikling af LKS« står ikke i aftalens budget. "
        "Mente du »Udvikling af partnerskabet«?"
    )
    text = changed(FOLLOWUP_2026, "post: Udvikling af partnerskabet", "post: Husleje")
    unknown = only(findings_of(text), "opfoelgning-ukendt-post")
    assert unknown.message.endswith(
        "Budgettets poster er »Fælles virksomhedsservice« og »Udvikling af partnerskabet«."
    )


def test_a_line_that_already_has_spending_is_never_suggested() -> None:
    text = changed(FOLLOWUP_2026, "post: Udvikling af partnerskabet", "post: Fælles service")
    unknown = only(findings_of(text), "opfoelgning-ukendt-post")
    assert "Mente du" not in unknown.message


def test_a_year_without_budget_is_a_warning() -> None:
    text = changed(FOLLOWUP_2026, "år: 2026", "år: 2028")  # the agreement runs to 2029
    finding = only(findings_of(text), "opfoelgning-aar-uden-budget")
    assert finding.level is Level.ADVARSEL and finding.path == ("år",)
    assert "intet beløb for 2028" in finding.message


def test_recommended_fields_are_recommended() -> None:
    text = changed(
        FOLLOWUP_2026, "    værdi: 86 sambesøg i det fælles CRM til og med november.\n", ""
    )
    start = text.index("læring:")
    text = text[:start] + text[text.index("ændringer:") :]
    findings = [f for f in findings_of(text) if f.code == "opfoelgning-anbefalet"]
    assert [(f.path, f.level) for f in findings] == [
        (("læring",), Level.ANBEFALING),
        (("mål", 0, "værdi"), Level.ANBEFALING),
    ]
    assert findings[0].message == (
        "Overvej at tilføje »læring« (Det har vi lært). Det er ikke et krav, men vidensbasen "
        "anbefaler det."
    )
    assert findings[1].reader_message.startswith("Overvej at tilføje »Indikatorens værdi«.")


# -- which agreement applies -------------------------------------------------------------


def _agreement_version(version: str, day: str, start: str, end: str) -> str:
    text = changed(AGREEMENT, 'version: "2"', f'version: "{version}"')
    text = changed(text, "versionsdato: 2024-12-01", f"versionsdato: {day}")
    text = changed(text, "start: 2025-01-01", f"start: {start}")
    return changed(text, "slut: 2029-12-31", f"slut: {end}")


def test_the_newest_agreement_covering_the_year_applies(tmp_path: Path) -> None:
    versions = {
        "aftale-v1.yaml": _agreement_version("1", "2023-12-01", "2024-01-01", "2026-12-31"),
        "aftale-v2.yaml": _agreement_version("2", "2024-12-01", "2025-01-01", "2029-12-31"),
        "aftale-v3.yaml": _agreement_version("3", "2026-06-01", "2027-01-01", "2031-12-31"),
        "aftale-v10.yaml": _agreement_version("10", "2024-12-01", "2025-01-01", "2029-12-31"),
    }
    for name, text in versions.items():
        (tmp_path / name).write_text(text, "utf-8")
    (tmp_path / "noter.yaml").write_text("skema: typologivurdering/1\n", "utf-8")
    (tmp_path / "opfoelgning-2026.yaml").write_text(FOLLOWUP_2026, "utf-8")
    found = agreements_in_folder(tmp_path)
    assert [Path(d.file).name for d in found] == sorted(versions)
    choice = agreement_for_followup(tmp_path / "opfoelgning-2026.yaml")
    assert choice.agreement is not None
    assert Path(choice.agreement.file).name == "aftale-v10.yaml"  # same date: version 10 > 2
    oldest = choose_agreement(found, 2024).agreement
    assert oldest is not None and Path(oldest.file).name == "aftale-v1.yaml"
    assert choose_agreement(found, 2040).agreement is None
    assert choose_agreement(found, "2026").agreement is None  # a year is a number
    assert check_file(tmp_path / "opfoelgning-2026.yaml").findings == ()
    by_version = sorted((d.data for d in found), key=version_key)
    assert [data["version"] for data in by_version] == ["1", "2", "10", "3"]


def test_validate_checks_a_follow_up_against_its_folder_from_anywhere(tmp_path: Path) -> None:
    from cli import run

    folder = tmp_path / "lks"
    shutil.copytree(CASE, folder)
    text = changed(FOLLOWUP_2026, "beløb: 806", "beløb: 950")
    (folder / "opfoelgning-2026.yaml").write_text(text, "utf-8")
    for target in (folder, folder / "opfoelgning-2026.yaml"):
        code, out, _ = run("validate", "--format", "text", "--dato", "2026-12-07", str(target))
        assert code == 0, out
        assert "[opfoelgning-overforbrug]" in out and "[opfoelgning-ingen-aftale]" not in out
