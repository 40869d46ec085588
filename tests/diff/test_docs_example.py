"""The example output on the renegotiation page (docs/vedligeholdelse/diff.md) is real."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

from kbtools.danish import plural
from kbtools.diff import diff_agreements

PAGE = Path(__file__).resolve().parents[2] / "docs" / "vedligeholdelse" / "diff.md"

OLD: dict[str, Any] = {
    "parter": [
        {"id": "jobcenter", "navn": "Jobcenter Eksempelby", "system": "beskæftigelse"},
        {"id": "erhvervshus", "navn": "Erhvervshus Eksempel", "system": "erhvervsfremme"},
    ],
    "formål": {
        "beskrivelse": "Flere ufaglærte i uddannelse.",
        "mål": [{"mål": "40 ufaglærte medarbejdere påbegynder et uddannelsesforløb"}],
    },
    "økonomi": {
        "enhed": "kr.",
        "budget": [{"navn": "Udvikling af partnerskabet", "pr_år": {"2028": 150000}}],
    },
    "ressourcer": [{"part": "erhvervshus", "minimumstid": {"timer": 10, "pr": "måned"}}],
    "varighed": {"start": "2027-01-01", "slut": "2031-12-31"},
}


def test_the_example_on_the_renegotiation_page_is_what_kbtools_diff_says() -> None:
    new = copy.deepcopy(OLD)
    new["parter"].append({"id": "akasse", "navn": "A-kassen Eksempelby", "system": "andet"})
    new["formål"]["beskrivelse"] = "Flere ufaglærte og faglærte i uddannelse."
    new["formål"]["mål"][0]["mål"] = "50 ufaglærte medarbejdere påbegynder et uddannelsesforløb"
    new["økonomi"]["budget"][0]["pr_år"]["2028"] = 175000
    new["ressourcer"][0]["minimumstid"]["timer"] = 20
    new["varighed"]["slut"] = "2032-12-31"
    block = re.search(r"```text\n(.*?)```", PAGE.read_text(encoding="utf-8"), re.S)
    assert block is not None
    lines = block.group(1).splitlines()
    changes = [change.text for change in diff_agreements(OLD, new)]
    assert lines[1:-1] == [f"- {text}" for text in changes]
    assert lines[-1] == plural(len(changes), "ændring", "ændringer") + " i alt."
