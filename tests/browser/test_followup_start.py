"""A follow-up begun from its agreement (the follow-up form's first step, through the browser's
entry functions): the agreement's goals and budget lines, nothing the partnership must say
itself, and checked against the agreement it came from."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kbtools.browser.entry import call
from kbtools.loading import load_path
from kbtools.yaml_writer import to_yaml

CASE = Path(__file__).resolve().parents[2] / "cases" / "fjordkommune"
AGREEMENT = {"name": "aftale.yaml", "text": (CASE / "aftale.yaml").read_text("utf-8")}


def _call(name: str, args: dict[str, Any]) -> Any:
    answer = json.loads(call(name, json.dumps(args)))
    assert "error" not in answer, answer
    return answer


def test_it_has_the_agreements_goals_and_budget_lines() -> None:
    example, _ = load_path(CASE / "opfoelgning-2026.yaml")
    assert example is not None
    started = _call("start_followup", {**AGREEMENT, "year": 2026})["followup"]
    assert started["skema"] == "opfølgning/1" and started["år"] == 2026
    assert started["partnerskab"] == example.data["partnerskab"]  # as in the assessments
    assert [goal["mål"] for goal in started["mål"]] == [g["mål"] for g in example.data["mål"]]
    assert all(set(goal) == {"mål"} for goal in started["mål"])  # no status guessed
    posts = [line["post"] for line in example.data["økonomi"]["forbrug"]]
    assert [line["post"] for line in started["økonomi"]["forbrug"]] == posts
    assert started["økonomi"]["enhed"] == example.data["økonomi"]["enhed"]
    assert "dato" not in started and "læring" not in started


def test_checked_against_its_agreement_it_asks_only_for_what_the_partnership_knows() -> None:
    started = _call("start_followup", AGREEMENT)["followup"]
    assert started["år"] == 2025  # the agreement's first year
    args = {"text": to_yaml(started), "name": "opfoelgning-2025.yaml", "date": "2025-12-01"}
    answer = _call("check", {**args, "agreements": [AGREEMENT]})
    codes = {f["code"] for f in answer["findings"]}
    assert codes <= {"skema-mangler", "aftale-anbefalet-element", "opfoelgning-anbefalet"}
    missing = {f["path"][-1] for f in answer["findings"] if f["code"] == "skema-mangler"}
    assert missing >= {"dato", "status", "beløb"}
    example, _ = load_path(CASE / "opfoelgning-2025.yaml")
    assert example is not None
    filled = {**started, "dato": example.data["dato"], "mål": example.data["mål"]}
    filled["økonomi"] = example.data["økonomi"]
    answer = _call("check", {**args, "text": to_yaml(filled), "agreements": [AGREEMENT]})
    assert [f for f in answer["findings"] if f["level"] == "fejl"] == []


def test_a_file_that_is_not_an_agreement_starts_nothing() -> None:
    answer = _call("start_followup", {"text": "skema: opfølgning/1\n", "name": "x.yaml"})
    assert answer["followup"] is None and answer["findings"]


def test_the_partnership_is_named_as_in_the_title_when_it_follows_no_lead() -> None:
    from kbtools.browser.followup import partnership_name

    assert partnership_name(" Partnerskabsaftale for LKS Vestby ") == "LKS Vestby"
    assert partnership_name("partnerskabsaftale for  Nordby ") == "Nordby"
    assert partnership_name("Samarbejdsaftale, LKS Øby") == "Samarbejdsaftale, LKS Øby"
    assert partnership_name("Partnerskabsaftale for") == "Partnerskabsaftale for"
