"""``kbtools typology AFTALE``: Danish output, exit codes 0/1/2."""

from __future__ import annotations

from pathlib import Path

import pytest

from kbtools.cli import main
from kbtools.typology.inference import infer

REPO = Path(__file__).resolve().parents[2]


def test_shows_every_parameter_for_a_valid_agreement(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["typology", str(REPO / "cases" / "hedeby" / "aftale.yaml")]) == 0
    out = capsys.readouterr().out
    assert "Mandat og ledelsesmæssig opbakning: Kantinen" in out
    assert "Mangler: Parter fra erhvervsfremme." in out
    assert out.count("\n\n") == 8


def test_agreement_with_errors_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "aftale.yaml"
    bad.write_text("skema: partnerskabsaftale/1\ntitel: x\n", encoding="utf-8")
    assert main(["typology", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "Aftalen har fejl." in err and "aftale.yaml:1:1: fejl" in err


@pytest.mark.parametrize("content", [None, b"\xff\xfe:\x00", b"titel: [\n"])
def test_unreadable_or_missing_exits_2(tmp_path: Path, content: bytes | None) -> None:
    path = tmp_path / "aftale.yaml"
    if content is not None:
        path.write_bytes(content)
    assert main(["typology", str(path)]) == 2


def test_inference_rules() -> None:
    from kbtools.loading import load_path

    document, _ = load_path(REPO / "cases" / "fjordkommune" / "aftale.yaml")
    assert document is not None
    levels = {i.parameter: i.level for i in infer(document.data)}
    assert levels["maal"] == "kompagni"  # kommissorium with fælles_mål
    assert levels["institutionalisering"] == "kompagni"  # meetings + sharing + platform
    assert levels["projektindsatser"] == "kompagni"  # operational and strategic
    assert levels["ressourcer"] == "klub"  # minimumstid for every party
    data = dict(document.data)
    data["kommunikation"] = {"informationsdeling": "Fælles drev."}
    assert {i.parameter: i.level for i in infer(data)}["institutionalisering"] == "klub"
    data["parter"] = [p for p in data["parter"] if p["system"] != "erhvervsfremme"]
    assert {i.parameter: i.level for i in infer(data)}["mandat"] == "kantine"
