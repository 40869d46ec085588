"""The browser's functions answer strict JSON, which JavaScript's ``JSON.parse`` reads."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kbtools.browser import entry

ROOT = Path(__file__).resolve().parents[2]
MINIMAL = (ROOT / "tests" / "data" / "agreements" / "valid" / "minimal.yaml").read_text("utf-8")


def _strict(answer: str) -> Any:
    def refuse(constant: str) -> None:
        raise AssertionError(f"not JSON: {constant}")

    return json.loads(answer, parse_constant=refuse)


@pytest.mark.parametrize("name", ["check", "load", "render_html", "render_docx"])
def test_an_infinite_amount_gives_strict_json(name: str) -> None:
    text = MINIMAL.replace("2027: 100, 2028", "2027: 1.0e999, 2028", 1)
    answer = _strict(entry.call(name, json.dumps({"text": text, "name": "aftale.yaml"})))
    assert "error" not in answer
    assert [f["code"] for f in answer["findings"]] == ["yaml-for-stort-tal"]
    if name == "load":
        assert answer["data"]["økonomi"]["budget"][0]["pr_år"]["2027"] == "1.0e999"


def test_an_answer_that_is_not_json_becomes_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(entry.FUNCTIONS, "uendelig", lambda args: {"x": float("inf")})
    answer = _strict(entry.call("uendelig", "{}"))
    assert set(answer) == {"error"}


def test_a_check_answer_has_structured_findings_and_one_summary() -> None:
    text = MINIMAL.replace("værdisæt: [Åbenhed]\n", "")
    answer = _strict(entry.call("check", json.dumps({"text": text, "name": "aftale.yaml"})))
    assert answer["summary"] == "Aftalen har 0 fejl, 0 advarsler og 1 anbefaling."
    assert answer["sections"] == {
        "værdisæt": {"text": "anbefalet, ikke udfyldt", "hasErrors": False}
    }
    first = answer["findings"][0]
    assert first["values"]["key"] == first["path"][0] and not first["missingPart"]
    assert first["title"] and first["readerMessage"].startswith("Overvej at tilføje »")


CASE = ROOT / "cases" / "fjordkommune"


@pytest.mark.parametrize("year", [2025, 2026])
def test_a_follow_up_is_checked_against_the_agreement_given_with_it(year: int) -> None:
    """As ``kbtools validate`` checks the example next to its agreement: the same findings
    (none), and without the agreement the answer says that goals and budget went unchecked."""
    from cli import run

    path = CASE / f"opfoelgning-{year}.yaml"
    _, out, _ = run("validate", "--format", "json", "--dato", "2026-12-07", str(path))
    expected = json.loads(out)["fund"]
    agreement = {"name": str(CASE / "aftale.yaml"), "text": (CASE / "aftale.yaml").read_text()}
    args = {"text": path.read_text("utf-8"), "name": str(path), "date": "2026-12-07"}
    answer = _strict(entry.call("check", json.dumps({**args, "agreements": [agreement]})))
    assert answer["findings"] == expected == []
    assert answer["summary"] == "Opfølgningen har ingen fejl, advarsler eller anbefalinger."
    alone = _strict(entry.call("check", json.dumps(args)))
    assert [f["code"] for f in alone["findings"]] == ["opfoelgning-ingen-aftale"]
    spent = args["text"].replace("beløb: 188", "beløb: 400").replace("beløb: 218", "beløb: 400")
    over = _strict(
        entry.call("check", json.dumps({**args, "text": spent, "agreements": [agreement]}))
    )
    assert [f["code"] for f in over["findings"]] == ["opfoelgning-overforbrug"]
    assert over["findings"][0]["path"] == ["økonomi", "forbrug", 1, "beløb"]
