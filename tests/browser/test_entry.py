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
