"""Keys that stand twice: one finding for a repeat, and advice that keeps the data."""

from __future__ import annotations

from pathlib import Path

from kbtools import check_bytes
from kbtools.loading import load_bytes

ROOT = Path(__file__).resolve().parents[2]
MINIMAL = (ROOT / "tests" / "data" / "agreements" / "valid" / "minimal.yaml").read_text("utf-8")


def test_an_agreement_pasted_twice_is_one_finding() -> None:
    for second in [MINIMAL, MINIMAL.replace("skema: partnerskabsaftale/1\n", "")]:
        findings = check_bytes((MINIMAL + second).encode(), "aftale.yaml").findings
        assert [(f.code, f.line) for f in findings] == [("yaml-dobbelt-noegle", 50)]
        assert "to gange" in findings[0].message
        assert check_bytes(MINIMAL.encode(), "aftale.yaml").findings == ()


def test_one_or_two_keys_twice_are_told_one_by_one() -> None:
    _, findings = load_bytes(b"a: 1\nb: 2\na: 3\nb: 4\nc: 5\n", "x.yaml")
    assert [(f.code, f.line) for f in findings] == [
        ("yaml-dobbelt-noegle", 3),
        ("yaml-dobbelt-noegle", 4),
    ]


def test_a_key_under_a_key_without_value_is_told_to_be_indented() -> None:
    """Moving »navn« up to the first one (the general advice) would delete the contact."""
    text = MINIMAL.replace(
        "    kontakt: {navn: Anne}\n", "    kontakt:\n    navn: Anne\n    email: anne@a.dk\n"
    )
    findings = check_bytes(text.encode(), "aftale.yaml").findings
    duplicate = [f for f in findings if f.code == "yaml-dobbelt-noegle"]
    assert len(duplicate) == 1
    assert "ryk dem 2 mellemrum længere ind" in duplicate[0].message
    assert "flyt det derop" not in duplicate[0].message
    fixed = text.replace("    navn: Anne\n    email:", "      navn: Anne\n      email:")
    result = check_bytes(fixed.encode(), "aftale.yaml")
    assert result.findings == ()
    assert result.data["parter"][0]["kontakt"] == {"navn": "Anne", "email": "anne@a.dk"}
