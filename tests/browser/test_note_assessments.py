"""The follow-up form's typology assessments for the status note (``read_assessment``): a file
is taken exactly when the note would show it (:func:`kbtools.render.note_sources.note_sources`
reads the same files from a folder), and a file that is not taken says why."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest

from kbtools.browser.entry import call
from kbtools.render.note_sources import note_sources

ROOT = Path(__file__).resolve().parents[2]
CASE_FILES = sorted((ROOT / "cases").rglob("*.yaml"))
TEST_FILES = sorted((ROOT / "tests" / "data").rglob("*.yaml"))


def _read(name: str, text: str | bytes) -> Any:
    given = {"text": text} if isinstance(text, str) else {"base64": base64.b64encode(text).decode()}
    answer = json.loads(call("read_assessment", json.dumps({"name": name, **given})))
    assert "error" not in answer, answer
    return answer


@pytest.mark.parametrize("path", CASE_FILES + TEST_FILES, ids=lambda p: p.name)
def test_a_file_is_taken_exactly_when_the_note_shows_it(path: Path) -> None:
    content = path.read_bytes()
    shown = note_sources({}, [(path.name, content)]).assessments
    answer = _read(path.name, content)
    assert (answer["date"] is not None) == bool(shown) == (len(shown) == 1)


def test_an_assessment_is_named_by_its_date_in_words() -> None:
    path = ROOT / "cases" / "fjordkommune" / "vurdering-2025-09.yaml"
    answer = _read(path.name, path.read_text("utf-8"))
    assert answer["date"] == "15. september 2025" and answer["isAssessment"] is True


def test_a_file_not_taken_says_whether_it_is_an_assessment_with_errors() -> None:
    path = ROOT / "cases" / "fjordkommune" / "vurdering-2025-09.yaml"
    broken = path.read_text("utf-8").replace("dato: 2025-09-15", "dato: 2025-13-45")
    answer = _read(path.name, broken)
    assert answer["date"] is None and answer["isAssessment"] is True
    assert answer["counts"]["errors"] == 1 and "1 fejl" in answer["summary"]
    agreement = ROOT / "cases" / "fjordkommune" / "aftale.yaml"
    other = _read(agreement.name, agreement.read_text("utf-8"))
    assert other["date"] is None and other["isAssessment"] is False
