"""`kbtools validate` end to end: exit codes, output formats, folders, never a traceback."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kbtools.cli import main

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "agreements"
VALID = DATA / "valid" / "minimal.yaml"
INVALID = DATA / "invalid" / "ukendt-part.yaml"
WARNING_ONLY = DATA / "invalid" / "lks-systemer.yaml"
LINE = re.compile(
    r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): "
    r"(?P<level>fejl|advarsel|anbefaling) \[(?P<code>[a-z0-9-]+)\] .+$"
)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["validate", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_valid_file_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--format", "text", str(VALID))
    assert code == 0
    assert out.strip() == "1 fil kontrolleret: ingen fejl, advarsler eller anbefalinger."


def test_errors_exit_1_with_located_text_lines(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--format", "text", str(INVALID))
    assert code == 1
    lines = [line for line in out.splitlines() if LINE.match(line)]
    assert [LINE.match(line)["code"] for line in lines] == [  # type: ignore[index]
        "aftale-part-uden-rolle",
        "aftale-ukendt-part",
    ]
    assert "Læs mere: https://" in out
    assert out.rstrip().endswith("1 fil kontrolleret: 2 fejl, 0 advarsler og 0 anbefalinger.")


def test_warnings_fail_only_with_strict(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--format", "text", str(WARNING_ONLY))[0] == 0
    assert run(capsys, "--format", "text", "--strict", str(WARNING_ONLY))[0] == 1


def test_json_format(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--format", "json", str(INVALID), str(VALID))
    payload = json.loads(out)
    assert code == 1
    assert payload["filer"] == 2
    assert payload["antal"] == {"fejl": 2, "advarsel": 0, "anbefaling": 0}
    first = payload["fund"][0]
    assert set(first) == {
        *("fil", "linje", "kolonne", "niveau", "kode", "besked", "hjælp"),
        *("path", "title", "values", "reader_message"),
    }
    assert first["linje"] == 9 and first["kolonne"] == 5


def test_github_format_and_auto(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run(capsys, "--format", "github", str(INVALID))
    assert code == 1
    assert re.search(
        r"^::error file=[^,]+,line=21,col=12,title=aftale-ukendt-part::Parten", out, re.M
    )
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert run(capsys, str(WARNING_ONLY))[1].startswith("::warning file=")
    monkeypatch.setenv("GITHUB_ACTIONS", "false")
    assert LINE.match(run(capsys, str(WARNING_ONLY))[1].splitlines()[0])


def test_folders_are_searched_recursively(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    shutil.copy(VALID, tmp_path / "a" / "aftale.yaml")
    shutil.copy(INVALID, tmp_path / "a" / "b" / "aftale.yml")
    (tmp_path / "a" / "noter.txt").write_text("ikke yaml")
    code, out, _ = run(capsys, "--format", "json", str(tmp_path))
    assert code == 1
    assert json.loads(out)["filer"] == 2


@pytest.mark.parametrize("kind", ["missing", "empty-folder", "folder-as-file-inside"])
def test_usage_problems_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    if kind == "missing":
        target = tmp_path / "findes-ikke.yaml"
    elif kind == "empty-folder":
        target = tmp_path
    else:
        target = tmp_path / "mappe.yaml"
        target.mkdir()
    code, out, err = run(capsys, "--format", "text", str(target))
    assert code == 2
    assert "findes ikke" in err or "ingen YAML-filer" in err or "mappe" in out


def test_unknown_option_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["validate", "--format", "xml", str(VALID)])
    assert exc.value.code == 2
    assert "fejl i kommandoen" in capsys.readouterr().err


def test_validator_never_writes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "aftale.yaml"
    shutil.copy(INVALID, target)
    before = (target.read_bytes(), target.stat().st_mtime_ns)
    run(capsys, str(target))
    assert (target.read_bytes(), target.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["aftale.yaml"]


def test_console_script_end_to_end(tmp_path: Path) -> None:
    bad = tmp_path / "aftale.yaml"
    bad.write_bytes(b'skema: partnerskabsaftale/1\nx: !!python/object/apply:os.system ["echo"]\n')
    result = subprocess.run(
        [sys.executable, "-m", "kbtools", "validate", "--format", "text", str(bad), str(VALID)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert f"{bad}:2:4: fejl [yaml-tag]" in result.stdout
    # the CLI path must stay light: no sphinx, docutils or python-docx
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, kbtools.cli as c; "
            f"c.main(['validate', '--format', 'json', {str(VALID)!r}]); "
            "print(sorted(m for m in ('sphinx', 'docutils', 'docx') if m in sys.modules))",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert probe.stdout.strip().endswith("[]")


def test_strict_fails_on_an_unfilled_template(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "aftale.yaml"
    assert main(["new", "aftale", str(path)]) == 0
    code, out, _ = run(capsys, "--format", "text", str(path))
    assert code == 0 and "[aftale-pladsholder]" in out
    assert run(capsys, "--format", "text", "--strict", str(path))[0] == 1
