"""`kbtools diff`: plain-Danish changes between two versions of an agreement."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from kbtools.cli import main
from kbtools.diff import ADDED, CHANGED, REMOVED, diff_agreements, same_content

BASE: dict[str, Any] = {
    "skema": "partnerskabsaftale/1",
    "titel": "Partnerskabsaftale for LKS Eksempelby",
    "parter": [
        {
            "id": "jobcenter",
            "navn": "Jobcenter Eksempelby",
            "system": "beskæftigelse",
            "kontakt": {"navn": "Anna Jensen", "email": "anna@eksempelby.dk"},
        },
        {
            "id": "skole",
            "navn": "Eksempelby Erhvervsskole",
            "system": "uddannelse",
            "kontakt": {"navn": "Bo Nielsen"},
        },
    ],
    "formål": {
        "beskrivelse": "Én indgang for virksomhederne.",
        "vision": "Ét hold.",
        "mål": [
            {"mål": "60 sambesøg om året", "frist": "2028-12-31"},
            {"mål": "40 i uddannelse"},
        ],
        "opgave": "Rekruttering.",
    },
    "roller": [
        {"part": "jobcenter", "rolle": "brobygger", "opgaver": ["booker besøg"]},
        {"part": "skole", "rolle": "kooperatør", "opgaver": ["kurser"]},
    ],
    "økonomi": {
        "enhed": "kr.",
        "budget": [{"navn": "Udvikling", "pr_år": {"2027": 150000, "2028": 150000}}],
        "finansiering": [{"navn": "ESF", "pr_år": {"2027": 150000, "2028": 150000}}],
    },
    "organisering": {
        "ansvar": "Styregruppen.",
        "indflydelse": "Én stemme hver.",
        "ledelse": "Delt.",
        "styregruppe": {
            "medlemmer": [{"part": "jobcenter"}, {"part": "skole"}],
            "opgaver": "Sætter retning.",
            "mødes": "hvert kvartal",
        },
    },
    "ressourcer": [
        {
            "part": "jobcenter",
            "bidrag": ["en konsulent"],
            "minimumstid": {"timer": 10, "pr": "måned"},
        },
        {"part": "skole", "bidrag": ["en konsulent"], "minimumstid": {"timer": 5, "pr": "uge"}},
    ],
    "varighed": {"start": "2027-01-01", "slut": "2029-12-31"},
    "underskrifter": [
        {"part": "jobcenter", "navn": "Dorte Lund", "titel": "jobcenterchef", "dato": "2026-12-01"},
        {"part": "skole", "navn": "Erik Sørensen", "titel": "direktør", "dato": "2026-12-03"},
    ],
}


def changed(**edits: Any) -> dict[str, Any]:
    data = copy.deepcopy(BASE)
    data.update(edits)
    return data


def texts(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    return [change.text for change in diff_agreements(old, new)]


def test_identical_agreements_have_no_changes() -> None:
    assert diff_agreements(BASE, copy.deepcopy(BASE)) == []


def test_reordering_lists_is_not_a_change() -> None:
    new = copy.deepcopy(BASE)
    for key in ("parter", "roller", "ressourcer", "underskrifter"):
        new[key].reverse()
    new["formål"]["mål"].reverse()
    assert diff_agreements(BASE, new) == []


def test_minimum_time_is_compared_by_party() -> None:
    new = copy.deepcopy(BASE)
    new["ressourcer"].reverse()
    new["ressourcer"][1]["minimumstid"]["timer"] = 20
    assert texts(BASE, new) == ["Jobcenter Eksempelby: minimumstid 10 → 20 timer pr. måned"]


def test_minimum_time_with_a_new_period() -> None:
    new = copy.deepcopy(BASE)
    new["ressourcer"][1]["minimumstid"] = {"timer": 2.5, "pr": "måned"}
    assert texts(BASE, new) == [
        "Eksempelby Erhvervsskole: minimumstid 5 timer pr. uge → 2,5 timer pr. måned"
    ]


def test_new_and_removed_party() -> None:
    new = copy.deepcopy(BASE)
    removed = new["parter"].pop(1)
    new["parter"].append(
        {
            "id": "erhvervshus",
            "navn": "Erhvervshus Eksempel",
            "system": "erhvervsfremme",
            "kontakt": {"navn": "Cecilie"},
        }
    )
    changes = diff_agreements(BASE, new)
    assert [(c.kind, c.text) for c in changes] == [
        (REMOVED, f"Part fjernet: {removed['navn']} (uddannelse)"),
        (ADDED, "Part tilføjet: Erhvervshus Eksempel (erhvervsfremme)"),
    ]


def test_renamed_party_and_new_contact_person() -> None:
    new = copy.deepcopy(BASE)
    new["parter"][0]["navn"] = "Jobcenter Nyby"
    new["parter"][0]["kontakt"] = {"navn": "Karl Holm"}
    assert texts(BASE, new) == [
        "Jobcenter Nyby: navn: »Jobcenter Eksempelby« → »Jobcenter Nyby«",
        "Jobcenter Nyby: kontaktperson: navn: »Anna Jensen« → »Karl Holm«",
        "Jobcenter Nyby: kontaktperson: e-mail: »anna@eksempelby.dk« er fjernet",
    ]


def test_duration_extended_and_shortened_with_danish_dates() -> None:
    longer = changed(varighed={"start": "2027-01-01", "slut": "2030-12-31"})
    assert texts(BASE, longer) == [
        "Varighed forlænget til 31. december 2030 (før 31. december 2029)"
    ]
    shorter = changed(varighed={"start": "2027-03-01", "slut": "2028-06-30"})
    assert texts(BASE, shorter) == [
        "Varighed: start: 1. januar 2027 → 1. marts 2027",
        "Varighed forkortet til 30. juni 2028 (før 31. december 2029)",
    ]


def test_budget_changes_use_danish_amounts_and_the_unit() -> None:
    new = copy.deepcopy(BASE)
    new["økonomi"]["budget"][0]["pr_år"]["2028"] = 1500000
    new["økonomi"]["budget"].append({"navn": "Arrangementer", "pr_år": {"2027": 50000}})
    new["økonomi"]["finansiering"] = []
    assert texts(BASE, new) == [
        "Budgetpost »Udvikling« 2028: 150.000 kr. → 1.500.000 kr.",
        "Budgetpost tilføjet: »Arrangementer« (2027: 50.000 kr.)",
        "Finansieringskilde fjernet: »ESF« (2027: 150.000 kr., 2028: 150.000 kr.)",
    ]
    thousands = copy.deepcopy(new)
    thousands["økonomi"]["enhed"] = "1.000 kr."
    assert texts(new, thousands) == ["Økonomi: enhed: kr. → 1.000 kr."]
    thousands_changed = copy.deepcopy(thousands)
    thousands_changed["økonomi"]["budget"][1]["pr_år"]["2027"] = 60
    assert texts(thousands, thousands_changed) == [
        "Budgetpost »Arrangementer« 2027: 50.000 (1.000 kr.) → 60 (1.000 kr.)"
    ]


def test_goals_are_matched_by_their_text() -> None:
    new = copy.deepcopy(BASE)
    new["formål"]["mål"][0]["frist"] = "2029-06-30"
    new["formål"]["mål"][1] = {"mål": "50 i uddannelse"}
    new["formål"]["beskrivelse"] = "Noget andet."
    assert texts(BASE, new) == [
        "Formål, vision og mål: formål: teksten er ændret.",
        "Mål »60 sambesøg om året«: frist: 31. december 2028 → 30. juni 2029",
        "Mål fjernet: »40 i uddannelse«",
        "Mål tilføjet: »50 i uddannelse«",
    ]


def test_signatures() -> None:
    new = copy.deepcopy(BASE)
    new["underskrifter"][0]["dato"] = "2026-12-10"
    del new["underskrifter"][1]
    assert [(c.kind, c.text) for c in diff_agreements(BASE, new)] == [
        (CHANGED, "Jobcenter Eksempelby: underskriftsdato: 1. december 2026 → 10. december 2026"),
        (
            REMOVED,
            "Underskrift fjernet: Eksempelby Erhvervsskole "
            "(»Erik Sørensen«, »direktør«, underskriftsdato 3. december 2026)",
        ),
    ]
    assert texts(new, BASE)[-1] == (
        "Underskrift tilføjet: Eksempelby Erhvervsskole "
        "(»Erik Sørensen«, »direktør«, underskriftsdato 3. december 2026)"
    )


def test_roles_groups_and_recommended_elements() -> None:
    new = copy.deepcopy(BASE)
    new["roller"][1]["opgaver"].append("praktikpladser")
    new["organisering"]["styregruppe"]["mødes"] = "hver måned"
    new["organisering"]["styregruppe"]["medlemmer"].append({"part": "skole", "navn": "Eva"})
    new["værdisæt"] = ["Vi deler viden."]
    assert texts(BASE, new) == [
        "Eksempelby Erhvervsskole: opgaver: »praktikpladser« er tilføjet",
        "Styregruppe: medlem tilføjet: »Eva«, Eksempelby Erhvervsskole",
        "Styregruppe: mødes: »hvert kvartal« → »hver måned«",
        "Elementet »Værdisæt« er tilføjet.",
    ]
    newer = copy.deepcopy(new)
    newer["værdisæt"] = ["Vi deler viden.", "Vi holder aftaler."]
    del newer["organisering"]["styregruppe"]
    assert texts(new, newer) == [
        "Organisering og ledelse: »Styregruppe« er fjernet.",
        "Værdisæt: »Vi holder aftaler.« er tilføjet",
    ]


def test_unknown_and_malformed_content_is_reported_not_crashed() -> None:
    new = changed(parter="ikke en liste", ekstra={"a": 1})
    result = texts(BASE, new)
    assert "Part fjernet: Jobcenter Eksempelby (beskæftigelse)" in result
    assert "Elementet »ekstra« er tilføjet." in result


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=15,
)
agreement_like = st.dictionaries(
    st.sampled_from([*BASE, "værdisæt", "møder", "kommissorium", "læring", "indsatser", "x"]),
    json_values,
    max_size=6,
)


@settings(max_examples=150, deadline=None)
@given(old=agreement_like, new=agreement_like)
@example(old={"titel": []}, new={"titel": {}})
@example(old={"skema": False}, new={"skema": 0})
def test_diff_never_raises_and_is_empty_for_equal_data(
    old: dict[str, Any], new: dict[str, Any]
) -> None:
    changes = diff_agreements(old, new)
    assert all(change.text for change in changes)
    assert diff_agreements(new, copy.deepcopy(new)) == []
    if not same_content(old, new):
        assert changes
    else:
        assert changes == []


# --- the command, through the project's loader -----------------------------------------

VALID = """\
skema: partnerskabsaftale/1
titel: Aftale
parter:
  - id: jobcenter
    navn: Jobcenter Eksempelby
    system: beskæftigelse
    kontakt:
      navn: Anna
ressourcer:
  - part: jobcenter
    bidrag: [en konsulent]
    minimumstid: {timer: 10, pr: måned}
varighed:
  start: 2027-01-01
  slut: 2029-12-31
"""


def write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_cli_identical_files_exit_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = write(tmp_path / "gammel.yaml", VALID)
    new = write(tmp_path / "ny.yaml", VALID)
    assert main(["diff", old, new]) == 0
    assert "Ingen ændringer" in capsys.readouterr().out


def test_cli_lists_changes_and_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = write(tmp_path / "gammel.yaml", VALID)
    text = VALID.replace("timer: 10", "timer: 20").replace("slut: 2029-12-31", "slut: 2030-12-31")
    new = write(tmp_path / "ny.yaml", text)
    assert main(["diff", old, new]) == 1
    out = capsys.readouterr().out.splitlines()
    assert "- Jobcenter Eksempelby: minimumstid 10 → 20 timer pr. måned" in out
    assert "- Varighed forlænget til 31. december 2030 (før 31. december 2029)" in out
    assert out[-1] == "2 ændringer i alt."
    assert Path(old).read_text(encoding="utf-8") == VALID  # never writes


@pytest.mark.parametrize("kind", ["missing", "folder"])
def test_cli_unreadable_input_exits_2_with_a_located_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    old = write(tmp_path / "gammel.yaml", VALID)
    other = tmp_path / "findes-ikke.yaml"
    if kind == "folder":
        other = tmp_path / "mappe"
        other.mkdir()
    assert main(["diff", old, str(other)]) == 2
    err = capsys.readouterr().err
    assert f"{other}:1:1: fejl [fil-ulaeselig]" in err
    assert "Traceback" not in err


def test_cli_yaml_error_exits_2_with_the_loaders_finding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = write(tmp_path / "gammel.yaml", VALID)
    bad = write(tmp_path / "ny.yaml", VALID.replace("titel: Aftale", "titel: Aftale\n\ttitel: x"))
    assert main(["diff", old, bad]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:" in err
    assert "fejl [yaml-" in err


def test_cli_refuses_a_file_that_is_not_an_agreement(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = write(tmp_path / "gammel.yaml", VALID)
    other = write(tmp_path / "vurdering.yaml", "skema: typologivurdering/1\n")
    assert main(["diff", old, other]) == 2
    assert f"{other}:1:" in capsys.readouterr().err
