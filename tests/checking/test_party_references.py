"""A reference to a party that does not exist: advice that is right when followed.

Another party whose id merely looks alike can be another organisation (»erhvervsskole« and
»erhvervshus«), so the check names a party only when the reference is its id written
differently or its name."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

import pytest

from kbtools import check_bytes
from kbtools.checking import suggest as suggest_module
from kbtools.findings import Finding

ROOT = Path(__file__).resolve().parents[2]
MIDTBY = (ROOT / "cases" / "midtby" / "aftale.yaml").read_text("utf-8")
MINIMAL = (ROOT / "tests" / "data" / "agreements" / "valid" / "minimal.yaml").read_text("utf-8")
FIRST_ROLE = "  - part: jobcenter\n    rolle:"


def _unknown(text: str) -> list[Finding]:
    findings = check_bytes(text.encode(), "aftale.yaml").findings
    return [f for f in findings if f.code == "aftale-ukendt-part"]


def _referring_to(written: str) -> str:
    return MIDTBY.replace(FIRST_ROLE, f"  - part: {written}\n    rolle:", 1)


@pytest.mark.parametrize(
    "written", ["Jobcenter", "JOBCENTER", "job-center", "job center", "job_center", "Job-Center"]
)
def test_the_same_id_written_differently_is_suggested(written: str) -> None:
    (finding,) = _unknown(_referring_to(written))
    assert finding.message.endswith("Mente du »jobcenter«?")
    assert finding.values["suggestion"] == "jobcenter"
    assert not _unknown(_referring_to(str(finding.values["suggestion"])))  # the advice, followed


def test_aeoeaa_written_out_is_the_same_id() -> None:
    text = MIDTBY.replace("id: erhvervshus", "id: erhvervshøjskole").replace(
        "part: erhvervshus", "part: erhvervshøjskole"
    )
    (finding,) = _unknown(text.replace("part: erhvervshøjskole", "part: erhvervshoejskole", 1))
    assert finding.values["suggestion"] == "erhvervshøjskole"


def test_a_partys_name_points_to_its_id() -> None:
    (finding,) = _unknown(_referring_to("Jobcenter Midtby"))
    assert finding.message == (
        "Parten »Jobcenter Midtby« findes ikke under »parter«. »Jobcenter Midtby« er navnet på "
        "parten; skriv dens id, »jobcenter«."
    )
    assert not _unknown(_referring_to(str(finding.values["suggestion"])))


def test_a_removed_party_is_never_replaced_by_one_that_looks_alike() -> None:
    """The walk-through: the school removed, its references are not moved to the erhvervshus."""
    start = MIDTBY.index("  - id: erhvervsskole")
    end = MIDTBY.index("\nformål:")
    findings = _unknown(MIDTBY[:start] + MIDTBY[end:])
    assert len(findings) == 5  # role, steering group, consultant group, resources, signature
    for finding in findings:
        assert "suggestion" not in finding.values
        assert "Mente du" not in finding.message
        assert finding.message == (
            "Parten »erhvervsskole« findes ikke under »parter«. Tilføj parten under »parter«, "
            "eller skriv id'et på en af de kendte parter: »jobcenter«, »erhvervshus«."
        )


@pytest.mark.parametrize("written", ["jobcentret", "jobcenterr", "jbcenter", "erhvervshuse"])
def test_a_near_spelling_gets_no_suggestion(written: str) -> None:
    (finding,) = _unknown(_referring_to(written))
    assert "suggestion" not in finding.values
    assert "Tilføj parten under »parter«" in finding.message


def test_a_spelling_two_parties_share_suggests_neither() -> None:
    text = MIDTBY.replace("id: erhvervshus", "id: job-center").replace(
        "part: erhvervshus", "part: job-center"
    )
    (finding,) = _unknown(text.replace(FIRST_ROLE, "  - part: Jobcenter\n    rolle:", 1))
    assert "suggestion" not in finding.values


def test_thousands_of_parties_with_unknown_references_cost_a_look_up_each(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """No reference is compared with the parties one by one (that made 2,500 parties take
    seconds): each costs a spelling and a look-up, and the finding lists at most ten."""
    count = 2500
    parties = "".join(
        f"  - id: part-{n}\n    navn: Part {n}\n    system: beskæftigelse\n"
        f"    kontakt: {{navn: Person {n}}}\n"
        for n in range(count)
    )
    roles = "".join(f"  - {{part: prt-{n}, rolle: R, opgaver: [O]}}\n" for n in range(count))
    roles += "  - {part: Part-7, rolle: R, opgaver: [O]}\n"
    text = MINIMAL.replace("parter:\n", "parter:\n" + parties).replace(
        "roller:\n", "roller:\n" + roles
    )
    spelt: list[str] = []
    same_spelling = suggest_module.same_spelling

    def counting(value: str) -> str:
        spelt.append(value)
        return same_spelling(value)

    def never(*args: Any, **kwargs: Any) -> list[str]:
        raise AssertionError("a reference was compared with the parties one by one")

    monkeypatch.setattr(difflib, "get_close_matches", never)
    monkeypatch.setattr("kbtools.checking.rules.party_references.same_spelling", counting)
    findings = _unknown(text)
    assert len(findings) == count + 1
    assert findings[-1].values["suggestion"] == "part-7"
    assert len(spelt) <= 4 * (count + 2) + 2 * count  # parties (id, name) and references
    assert max(len(f.message) for f in findings) < 400  # no list of 2,500 ids
