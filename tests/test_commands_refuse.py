"""Every command refuses what it cannot work on with a clear Danish message and exit code 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from kbtools.cli import main

ROOT = Path(__file__).resolve().parents[1]
AGREEMENT = ROOT / "cases" / "midtby" / "aftale.yaml"
ASSESSMENT = ROOT / "cases" / "midtby" / "vurdering-2018-03.yaml"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.mark.parametrize(
    "command",
    [
        ["typology", "{path}"],
        ["render", "{path}", "--format", "md", "-o", "{out}"],
    ],
    ids=["typology", "render"],
)
@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("folder", "Stien er en mappe, ikke en fil."),
        ("missing", "Filen findes ikke."),
        ("assessment", "Filen er ikke en partnerskabsaftale (fandt »typologivurdering/1«)."),
        ("no-skema", "Filen har ingen »skema:«-linje, så den kan ikke kontrolleres."),
    ],
)
def test_commands_refuse_what_is_not_an_agreement(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
    target: str,
    expected: str,
) -> None:
    path = {
        "folder": tmp_path,
        "missing": tmp_path / "mangler.yaml",
        "assessment": ASSESSMENT,
        "no-skema": tmp_path / "noter.yaml",
    }[target]
    if target == "no-skema":
        path.write_text("titel: Noter\n", encoding="utf-8")
    out = tmp_path / "resultat.md"
    code, text = run(capsys, *(a.format(path=path, out=out) for a in command))
    assert code == 2
    assert expected in text
    assert "findes ikke" not in text or target == "missing"
    assert not out.exists()


def test_typology_shows_an_agreement(capsys: pytest.CaptureFixture[str]) -> None:
    code, text = run(capsys, "typology", str(AGREEMENT))
    assert code == 0 and "peger på i typologien" in text


def test_new_refuses_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, text = run(capsys, "new", "aftale", str(tmp_path))
    assert code == 2 and "er en mappe, ikke en fil" in text
