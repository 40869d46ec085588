"""The facilitator view's Python side, called as the browser calls it (JSON in, JSON out)."""

from __future__ import annotations

import base64
import json
from pathlib import Path

from kbtools import check_file
from kbtools.browser.entry import call
from kbtools.loading import load_bytes
from kbtools.typology.combine import combine

RATINGS = Path(__file__).resolve().parents[2] / "cases" / "fjordkommune" / "bedoemmelser"


def test_saml_through_the_browser_entry_matches_the_cli() -> None:
    files = sorted((RATINGS / "2025-03-10").glob("*.yaml"))
    payload = {
        "files": [
            {"name": f.name, "base64": base64.b64encode(f.read_bytes()).decode()} for f in files
        ]
    }
    answer = json.loads(call("combine", json.dumps(payload)))
    assert answer["findings"] == [] and answer["fileCount"] == 8
    document, _ = load_bytes(answer["yaml"].encode(), "v.yaml")
    assert document is not None
    assert document.data == combine([check_file(f) for f in files]).data
    overview = answer["overview"]
    assert overview["levelNames"] == ["Kantinen", "Klubben", "Kompagniet"]
    assert [p["id"] for p in overview["parameters"] if p["discuss"]] == [
        "ressourcer",
        "laering",
        "projektindsatser",
    ]
    assert len(overview["disagreements"]) == 3


def test_refusal_comes_back_as_findings_with_positions() -> None:
    text = (RATINGS / "2025-03-10" / "maja-holt.yaml").read_text("utf-8")
    payload = {"files": [{"name": "a.yaml", "text": text}, {"name": "b.yaml", "text": text}]}
    answer = json.loads(call("combine", json.dumps(payload)))
    assert answer["yaml"] is None and answer["overview"] is None
    (finding,) = answer["findings"]
    where = (finding["file"], finding["line"], finding["column"], finding["code"])
    assert where == ("b.yaml", 6, 7, "saml-samme-deltager")
    empty = json.loads(call("combine", json.dumps({"files": []})))
    assert empty == {
        "yaml": None,
        "overview": None,
        "findings": [],
        "fileCount": 0,
        "partnership": None,
        "date": None,
    }


def _payload(day: str, **extra: object) -> dict[str, object]:
    files = sorted((RATINGS / day).glob("*.yaml"))
    return {
        "files": [
            {"name": f.name, "base64": base64.b64encode(f.read_bytes()).decode()} for f in files
        ],
        **extra,
    }


def test_the_agenda_puts_the_widest_splits_first_with_every_reason() -> None:
    answer = json.loads(call("combine", json.dumps(_payload("2025-03-10"))))
    rows = answer["overview"]["parameters"]
    spreads = [(row["span"], row["systemsDiffer"]) for row in rows]
    assert spreads == sorted(spreads, key=lambda s: (-s[0], not s[1]))
    assert rows[0]["discuss"] and rows[-1]["span"] <= rows[0]["span"]
    assert all(row["fullSpan"] == (row["span"] == 2) for row in rows)
    assert "mindst to deltagere fra systemet" in answer["overview"]["rule"]
    reasons = rows[0]["reasons"]
    assert len(reasons) == sum(rows[0]["counts"])
    assert {"name", "system", "level", "reason"} <= set(reasons[0])


def test_the_groups_decision_is_saved_in_the_combined_assessment() -> None:
    decisions = {
        "mandat": {"level": "kompagni", "reason": "Vi har et skriftligt mandat fra alle."},
        "maal": {"level": "ukendt", "reason": "  "},
    }
    answer = json.loads(call("combine", json.dumps(_payload("2025-03-10", decisions=decisions))))
    document, _ = load_bytes(answer["yaml"].encode(), "v.yaml")
    assert document is not None
    items = {item["parameter"]: item for item in document.data["parametre"]}
    assert items["mandat"]["niveau"] == "kompagni"
    assert items["mandat"]["begrundelse"] == "Vi har et skriftligt mandat fra alle."
    assert "drøftes" not in items["mandat"]
    assert items["maal"]["begrundelse"].startswith("Gruppens forslag er medianen")  # unchanged
    from kbtools.api import check_bytes

    assert [f for f in check_bytes(answer["yaml"].encode(), "v.yaml").findings] == []
