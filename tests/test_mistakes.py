"""A corpus of the mistakes people make when they copy an example (tests/data/mistakes).

Each file carries its expected errors and warnings as trailing ``# forventet: linje:kolonne
kode`` comments (or ``# forventet: ingen fund`` when the file must load clean); recommendations
are left out, they do not depend on the mistake. One mistake gives one finding, at the line
and column where the mistake is, never a cascade and never advice to delete anything.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from kbtools import check_file
from kbtools.findings import Level

ROOT = Path(__file__).resolve().parents[1]
MISTAKES = sorted((ROOT / "tests" / "data" / "mistakes").glob("*.yaml"))
EXPECTED = re.compile(r"^# forventet: (\d+):(\d+) (\S+)$", re.MULTILINE)
NOTHING = "# forventet: ingen fund"
#: The day the mistakes are checked on: every agreement they were copied from is running, so
#: no warning that an agreement has run out is mixed in with the mistake's own finding.
CHECKED_ON = dt.date(2025, 6, 1)


def expected(path: Path) -> list[tuple[int, int, str]]:
    text = path.read_text(encoding="utf-8")
    found = [(int(line), int(col), code) for line, col, code in EXPECTED.findall(text)]
    assert found or NOTHING in text, f"{path.name} lists no expected findings"
    return found


@pytest.mark.parametrize("path", MISTAKES, ids=lambda p: p.stem)
def test_a_mistake_gives_one_located_finding(path: Path) -> None:
    findings = check_file(path, today=CHECKED_ON).findings
    findings = tuple(f for f in findings if f.level is not Level.ANBEFALING)
    assert [(f.line, f.column, f.code) for f in findings] == expected(path)
    for finding in findings:
        assert finding.help_url.startswith("https://")
        assert not re.search(r"\b(slet|fjern) (den|dem|linjen|nøglen|teksten)\b", finding.message)


def test_the_corpus_covers_the_usual_mistakes() -> None:
    names = " ".join(path.stem for path in MISTAKES)
    for kind in (
        "manglende-kolon",
        "manglende-bindestreg",
        "uafsluttet-anfoerselstegn",
        "tabulator",
        "haardt-mellemrum",
        "dekomponeret",
        "tusindtalspunktum",
        "email",
        "aarstal-17",
        "forkert-indrykning",
        "word-linjeskift",
        "nulbredde",
        "uafsluttet-tuborg",
    ):
        assert kind in names, kind
