"""A folder walk never lets an agreement, assessment or rating slip through unchecked: a file
without a ``skema:`` line that looks like one, or a file that is not text, gives a warning."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kbtools.cli import main
from kbtools.unchecked import decode, has_skema_line, triage

ROOT = Path(__file__).resolve().parents[1]
MINIMAL = (ROOT / "tests" / "data" / "agreements" / "valid" / "minimal.yaml").read_text("utf-8")


def sum_error(text: str = MINIMAL) -> str:
    """The minimal agreement with a budget that does not add up."""
    assert "i_alt: 200" in text
    return text.replace("i_alt: 200", "i_alt: 999", 1)


def validate(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["validate", *args])
    return code, capsys.readouterr().out


@pytest.mark.parametrize("key", ["schema", "Schema", "shema", "skemaa", "'schema'"])
def test_a_misspelled_skema_key_is_reported_where_it_stands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], key: str
) -> None:
    text = "# min aftale\n" + sum_error().replace("skema:", f"{key}:", 1)
    (tmp_path / "x.yaml").write_text(text, encoding="utf-8")
    code, out = validate(capsys, "--format", "text", str(tmp_path))
    line = text.splitlines().index(next(li for li in text.splitlines() if li.startswith(key))) + 1
    shown = key.strip("'")
    assert f"x.yaml:{line}:1: advarsel [fil-ikke-kontrolleret] Nøglen »{shown}«" in out
    assert code == 2  # the folder holds no checked file at all
    code, _ = validate(capsys, "--strict", "--format", "text", str(tmp_path))
    assert code == 2


def test_warning_fails_with_strict_and_is_a_github_annotation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "god.yaml").write_text(MINIMAL, encoding="utf-8")
    (tmp_path / "glemt.yaml").write_text(sum_error().replace("skema:", "schema:"), "utf-8")
    code, out = validate(capsys, "--format", "text", str(tmp_path))
    assert code == 0 and "[fil-ikke-kontrolleret]" in out
    assert "1 fil kontrolleret: 0 fejl, 1 advarsel" in out
    code, out = validate(capsys, "--strict", "--format", "github", str(tmp_path))
    assert code == 1
    annotation = f"::warning file={tmp_path / 'glemt.yaml'},line=1,col=1,"
    assert annotation + "title=fil-ikke-kontrolleret::" in out.replace("%3A", ":")
    code, out = validate(capsys, "--format", "json", str(tmp_path))
    assert json.loads(out)["antal"]["advarsel"] == 1


def test_a_file_without_skema_that_has_a_kinds_keys_is_reported(tmp_path: Path) -> None:
    body = "\n".join(line for line in MINIMAL.splitlines() if not line.startswith("skema"))
    checked, warning = triage(body.encode(), "a.yaml", tmp_path / "noget.yaml")
    assert not checked and warning is not None
    assert warning.message.startswith("Filen ligner en partnerskabsaftale (den har nøglerne »")
    rating = "partnerskab: LKS A\ndato: 2025-03-10\nnavn: Lone\n"
    _, warning = triage(rating.encode(), "b.yaml", tmp_path / "b.yaml")
    assert warning is not None and (warning.line, warning.column) == (1, 1)


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("aftaler/Aftale 2028.YAML", "partnerskabsaftale"),
        ("bedoemmelser/lone.yaml", "typologibedømmelse"),
        ("x/Bedømmelse-Lone.yml", "typologibedømmelse"),
        ("VURDERING-2026.yaml", "typologivurdering"),
    ],
)
def test_a_file_named_like_one_of_ours_is_reported(tmp_path: Path, name: str, label: str) -> None:
    _, warning = triage(b"noter: ingen\n", name, tmp_path / name)
    assert warning is not None and f"ligner en {label}, fordi " in warning.message


@pytest.mark.parametrize(
    "text",
    [
        "site_name: x\nnav:\n  - a.md\n",
        "version: '3'\nservices:\n  web:\n    image: x\n",
        "name: CI\non: push\njobs: {}\n",
        "",
        "# kun en kommentar\n",
    ],
)
def test_other_tools_files_are_skipped_quietly(tmp_path: Path, text: str) -> None:
    assert triage(text.encode(), "x.yml", tmp_path / "x.yml") == (False, None)


@pytest.mark.parametrize(
    "encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "utf-16", "utf-32"]
)
def test_utf16_and_utf32_files_with_skema_are_checked_and_fail(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], encoding: str
) -> None:
    raw = sum_error().encode(encoding)
    assert has_skema_line(raw)
    (tmp_path / "aftale.yaml").write_bytes(raw)
    code, out = validate(capsys, "--format", "text", str(tmp_path))
    assert code == 1 and "1 fil kontrolleret: 1 fejl" in out


@pytest.mark.parametrize(
    ("encoding", "text"),
    [("utf-16-le", "titel: x\n"), ("utf-32-be", "noter: ingen\n"), ("cp1252", "by: Århus\n")],
)
def test_a_file_that_is_not_utf8_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], encoding: str, text: str
) -> None:
    (tmp_path / "god.yaml").write_text(MINIMAL, encoding="utf-8")
    (tmp_path / "x.yaml").write_bytes(text.encode(encoding))
    assert not decode(text.encode(encoding))[1]
    code, out = validate(capsys, "--strict", "--format", "text", str(tmp_path))
    assert code == 1
    assert f"{tmp_path / 'x.yaml'}:1:1: advarsel [fil-ukendt-kodning] Filen er ikke gemt" in out


def test_following_the_advice_makes_the_file_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(sum_error().replace("skema:", "schema:"), encoding="utf-8")
    validate(capsys, "--format", "text", str(tmp_path))
    path.write_text(path.read_text("utf-8").replace("schema:", "skema:"), encoding="utf-8")
    code, out = validate(capsys, "--format", "text", str(tmp_path))
    assert code == 1 and "[aftale-" in out and "fil-ikke-kontrolleret" not in out
    path.write_text(MINIMAL.encode("utf-8").decode("utf-8"), encoding="utf-16-le")
    code, out = validate(capsys, "--format", "text", str(tmp_path))
    assert code == 1  # checked, and the loader says how to save it
    path.write_text(MINIMAL, encoding="utf-8")
    assert validate(capsys, "--format", "text", str(tmp_path))[0] == 0


def test_renaming_a_file_that_is_not_ours_silences_the_warning(tmp_path: Path) -> None:
    """The advice for a file named like an agreement that is not one: rename it (or its folder)."""
    _, warning = triage(b"noter: ingen\n", "x", tmp_path / "aftale-noter.yaml")
    assert warning is not None and "giv den et navn uden »aftale«" in warning.message
    assert triage(b"noter: ingen\n", "x", tmp_path / "noter.yaml") == (False, None)
    _, warning = triage(b"noter: ingen\n", "x", tmp_path / "bedoemmelser" / "noter.yaml")
    assert warning is not None and "mappens navn indeholder »bedoemmelse«" in warning.message
    assert "giv mappen et navn uden »bedoemmelse«" in warning.message
