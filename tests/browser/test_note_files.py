"""The files the follow-up form adds to its status note (``read_note_file``): a file is taken
exactly when the note would read it from a folder (typology assessments without errors,
versions of the agreement: :func:`kbtools.render.note_sources.note_sources`), is named in
words, and a file that is not taken says why."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest

from kbtools.browser.entry import call
from kbtools.kinds.followup_agreement import agreements_from_texts
from kbtools.render.note_sources import note_sources

ROOT = Path(__file__).resolve().parents[2]
FJORD = ROOT / "cases" / "fjordkommune"
CASE_FILES = sorted((ROOT / "cases").rglob("*.yaml"))
TEST_FILES = sorted((ROOT / "tests" / "data").rglob("*.yaml"))


def _read(name: str, content: str | bytes) -> Any:
    given = (
        {"text": content}
        if isinstance(content, str)
        else {"base64": base64.b64encode(content).decode()}
    )
    answer = json.loads(call("read_note_file", json.dumps({"name": name, **given})))
    assert "error" not in answer, answer
    return answer


@pytest.mark.parametrize("path", CASE_FILES + TEST_FILES, ids=lambda p: p.name)
def test_a_file_is_taken_exactly_when_the_note_reads_it(path: Path) -> None:
    content = path.read_bytes()
    kind = _read(path.name, content)["kind"]
    assert (kind == "assessment") == bool(note_sources({}, [(path.name, content)]).assessments)
    assert (kind == "agreement") == bool(agreements_from_texts([(path.name, content)]))


def test_each_kind_is_named_in_words() -> None:
    assessment = _read("vurdering-2025-09.yaml", (FJORD / "vurdering-2025-09.yaml").read_bytes())
    assert assessment["kind"] == "assessment"
    assert assessment["about"] == "typologivurdering fra 15. september 2025"
    agreement = _read("aftale.yaml", (FJORD / "aftale.yaml").read_bytes())
    assert agreement["kind"] == "agreement"
    assert agreement["about"] == "aftale, version 2 af 1. december 2024"


def test_a_file_not_taken_has_findings_that_say_why() -> None:
    broken = (FJORD / "vurdering-2025-09.yaml").read_text("utf-8")
    broken = broken.replace("dato: 2025-09-15", "dato: 2025-13-45")
    answer = _read("vurdering.yaml", broken)
    assert answer["kind"] is None
    [error] = [found for found in answer["findings"] if found["level"] == "fejl"]
    assert (error["code"], error["line"], error["column"]) == ("skema-dato", 6, 7)
    followup = _read("opfoelgning-2025.yaml", (FJORD / "opfoelgning-2025.yaml").read_bytes())
    assert followup["kind"] is None
    assert _read("billede.yaml", b"\x89PNG\r\n\x1a\n\x00")["kind"] is None
