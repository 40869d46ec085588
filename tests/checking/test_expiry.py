"""Warnings before and after an agreement runs out, counted from a reference date that the
CLI (``--dato``), the API and the browser's functions take, and that defaults to today."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from browser_json import as_cli_json
from cli import run

from kbtools import check_bytes, check_file
from kbtools.browser import entry
from kbtools.danish import parse_danish_date
from kbtools.findings import Finding, Level

ROOT = Path(__file__).resolve().parents[2]
FJORD = ROOT / "cases" / "fjordkommune" / "aftale.yaml"  # runs to 31 December 2029
TEXT = FJORD.read_text("utf-8")
CHANGES = "https://lks-vidensbasen.github.io/partnerskabsaftalen/aendringer.html"


def expiry(text: str, today: dt.date) -> list[Finding]:
    findings = check_bytes(text.encode(), "aftale.yaml", today=today).findings
    return [f for f in findings if f.code.startswith("aftale-udl")]


@pytest.mark.parametrize(
    ("today", "code"),
    [
        (dt.date(2029, 10, 1), None),  # 91 days left
        (dt.date(2029, 10, 2), "aftale-udloeber-snart"),  # 90 days left
        (dt.date(2029, 12, 31), "aftale-udloeber-snart"),  # the last day
        (dt.date(2030, 1, 1), "aftale-udloebet"),
        (dt.date(2024, 1, 1), None),  # not started yet
    ],
)
def test_the_warning_depends_on_the_reference_date(today: dt.date, code: str | None) -> None:
    assert [f.code for f in expiry(TEXT, today)] == ([code] if code else [])


def test_ending_soon_says_what_to_do_quoting_the_agreements_own_extension_clause() -> None:
    (finding,) = expiry(TEXT, dt.date(2029, 11, 1))
    assert finding.level is Level.ADVARSEL
    assert (finding.line, finding.column, finding.path) == (115, 9, ("varighed", "slut"))
    assert finding.message == (
        "Aftalen slutter om 60 dage (31. december 2029). Tag stilling nu: forhandl en ny "
        "aftale, forlæng den (aftalen siger: »Parterne tager stilling til forlængelse i 2028.«), "
        "eller aftal, at den slutter. Se »Når aftalen skal genforhandles« på LKS-vidensbasen."
    )
    assert finding.help_url == CHANGES
    assert finding.values == {"end": "2029-12-31", "days": 60}
    assert finding.reader_message == finding.message  # no keys: readers see the same words
    (last_day,) = expiry(TEXT, dt.date(2029, 12, 31))
    assert last_day.message.startswith("Aftalen slutter i dag (31. december 2029).")
    (one,) = expiry(TEXT, dt.date(2029, 12, 30))
    assert one.message.startswith("Aftalen slutter om 1 dag ")


@pytest.mark.parametrize("today", [dt.date(2029, 11, 1), dt.date(2030, 1, 1)])
def test_the_warning_is_in_words_the_builders_users_know(today: dt.date) -> None:
    """The builder shows kbtools' message for these codes (ab-wording.mjs has no sentence of
    its own for them), so the message names no key, no file and no line."""
    (finding,) = expiry(TEXT, today)
    assert finding.reader_message == finding.message
    assert not re.search(r"»(varighed|slut|forlængelse)«|[Ff]ilen|linje|YAML", finding.message)
    wording = (ROOT / "kbtools" / "sphinxext" / "static" / "ab-wording.mjs").read_text("utf-8")
    assert f'"{finding.code}"' not in wording


def test_an_ended_agreement_without_an_extension_clause_says_to_agree_one() -> None:
    text = TEXT.replace("  forlængelse: Parterne tager stilling til forlængelse i 2028.\n", "")
    (finding,) = expiry(text, dt.date(2030, 3, 1))
    assert finding.code == "aftale-udloebet" and finding.help_url == CHANGES
    assert finding.message == (
        "Aftalen sluttede 31. december 2029 og gælder ikke længere. Forhandl en ny aftale, "
        "forlæng den (aftalen siger ikke hvordan, så aftal det skriftligt), eller skriv ned, at "
        "samarbejdet er afsluttet. Se »Når aftalen skal genforhandles« på LKS-vidensbasen."
    )


def test_an_end_before_the_start_is_only_the_dates_rules_finding() -> None:
    text = TEXT.replace("slut: 2029-12-31", "slut: 2024-06-30")
    codes = [
        f.code for f in check_bytes(text.encode(), "a.yaml", today=dt.date(2030, 1, 1)).findings
    ]
    assert "aftale-slut-foer-start" in codes and "aftale-udloebet" not in codes


def test_the_default_reference_date_is_today() -> None:
    ended = check_file(ROOT / "cases" / "midtby" / "aftale.yaml").findings  # ended in 2021
    assert [f.code for f in ended if f.level is Level.ADVARSEL] == ["aftale-udloebet"]


@pytest.mark.parametrize("value", ["2029-11-01", "1.11.2029", "01-11-2029", "1. nov. 2029"])
def test_validate_takes_the_date_as_iso_or_as_danes_write_it(value: str) -> None:
    code, out, _ = run("validate", "--format", "text", "--dato", value, str(FJORD))
    assert code == 0 and "[aftale-udloeber-snart] Aftalen slutter om 60 dage" in out
    code, out, _ = run("validate", "--format", "text", "--strict", "--dato", value, str(FJORD))
    assert code == 1


@pytest.mark.parametrize("value", ["2029-02-30", "i morgen", "2029/11", ""])
def test_a_date_that_cannot_be_read_is_a_danish_usage_error(value: str) -> None:
    code, out, err = run("validate", "--dato", value, str(FJORD))
    assert code == 2 and out == ""
    assert f"argument --dato: »{value}« er ikke en dato. Skriv datoen som ÅÅÅÅ-MM-DD" in err
    assert "Traceback" not in err


def test_the_browser_gives_the_same_warning_for_the_date_it_is_given() -> None:
    code, out, _ = run("validate", "--format", "json", "--dato", "2029-11-01", str(FJORD))
    assert code == 0
    expected = json.loads(out)["fund"]
    args = {"text": TEXT, "name": str(FJORD), "date": "2029-11-01"}
    for name in ("check", "load", "render_html"):
        answer = json.loads(entry.call(name, json.dumps(args)))
        shown = [as_cli_json(f) for f in answer["findings"]]
        assert shown == expected, name
    assert "1 advarsel" in answer["summary"]
    wrong = json.loads(entry.call("check", json.dumps({**args, "date": "30.2.2029"})))
    assert set(wrong) == {"error"} and "er ikke en dato" in wrong["error"]


DATES = [
    "2027-12-31",
    "2027-1-5",
    "31-12-2027",
    "31.12.2027",
    "31/12/2027",
    "1.1.2027",
    "31. december 2027",
    "31 dec 2027",
    "3. ma 2027",
    "30-02-2027",
    "31.12-2027",
    "2027",
    "i dag",
    " 5.6.2027 ",
    "5. JUNI 2027",
]


def test_dates_are_read_as_the_builder_reads_them() -> None:
    """kbtools.danish.parse_danish_date and the builder's parseDate (ab-values.mjs) agree."""
    node = shutil.which("node")
    assert node is not None, "node mangler. Kør ./bootstrap.sh."
    module = (ROOT / "kbtools" / "sphinxext" / "static" / "ab-values.mjs").as_uri()
    script = (
        f"import {{ parseDate }} from {json.dumps(module)};"
        f"console.log(JSON.stringify({json.dumps(DATES)}.map(parseDate)));"
    )
    result = subprocess.run(
        [node, "--input-type=module", "-e", script], capture_output=True, text=True, check=True
    )
    builder = json.loads(result.stdout)
    ours = [str(day) if (day := parse_danish_date(text)) else text for text in DATES]
    assert ours == builder
    assert parse_danish_date("3. ma 2027") is None  # »ma« is too short to be a month
