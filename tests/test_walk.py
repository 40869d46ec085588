"""Folder walks check agreements and assessments, not every YAML file in a repository."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from kbtools.cli import main

ROOT = Path(__file__).resolve().parents[1]
VALID = ROOT / "tests" / "data" / "agreements" / "valid" / "minimal.yaml"
INVALID = ROOT / "tests" / "data" / "agreements" / "invalid" / "ukendt-part.yaml"
WORKFLOW = (
    "name: x\non: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ls\n"
)


def validate(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["validate", *args])
    out, err = capsys.readouterr()
    return code, out, err


def ordinary_repository(root: Path) -> Path:
    """A repository as users have it: workflows, tool settings, docs and one agreement."""
    (root / ".github" / "workflows").mkdir(parents=True)
    (root / ".github" / "workflows" / "x.yml").write_text(WORKFLOW, encoding="utf-8")
    (root / ".pre-commit-config.yaml").write_text("repos: []\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text("site_name: x\nnav:\n  - !!python/name:x\n", encoding="utf-8")
    (root / "aftaler").mkdir()
    shutil.copy(VALID, root / "aftaler" / "aftale.yaml")
    for tool_folder in ("node_modules/pakke", "docs/_build", ".venv", "miljø"):
        (root / tool_folder).mkdir(parents=True)
        (root / tool_folder / "x.yaml").write_text("skema: [\n", encoding="utf-8")
    (root / "miljø" / "pyvenv.cfg").write_text("home = /usr/bin\n", encoding="utf-8")
    return root


def test_walk_skips_tool_folders_and_counts_yaml_without_skema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ordinary_repository(tmp_path)
    code, out, _ = validate(capsys, "--format", "text", str(tmp_path))
    assert code == 0, out
    assert out.strip() == (
        "1 fil kontrolleret: ingen fejl, advarsler eller anbefalinger. "
        "1 YAML-fil uden skema: sprunget over."
    )
    code, out, _ = validate(capsys, "--format", "json", str(tmp_path))
    assert (json.loads(out)["filer"], json.loads(out)["sprunget_over"]) == (1, 1)


def test_a_file_named_explicitly_is_always_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ordinary_repository(tmp_path)
    code, out, _ = validate(capsys, "--format", "text", str(tmp_path / "mkdocs.yml"))
    assert code == 1
    assert "[yaml-tag]" in out  # not skipped: the user asked for this file


def test_a_folder_without_agreements_is_a_usage_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "x.yml").write_text(WORKFLOW, encoding="utf-8")
    code, out, err = validate(capsys, "--format", "text", str(tmp_path))
    assert code == 2
    assert "ingen partnerskabsaftaler" in err
    assert "1 YAML-fil uden skema: sprunget over." in out


def test_an_unreadable_subfolder_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(INVALID, tmp_path / "aftale.yaml")
    locked = tmp_path / "låst"
    locked.mkdir()
    shutil.copy(VALID, locked / "aftale.yaml")
    real_scandir = os.scandir

    def scandir(path: str = ".") -> object:  # root may read anything: simulate the lock
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code, out, _ = validate(capsys, "--format", "text", str(tmp_path))
    assert code == 2
    assert f"{locked}:1:1: fejl [fil-ulaeselig] Mappen kan ikke læses (Permission denied)" in out
    assert "[aftale-ukendt-part]" in out  # the readable files are still checked
    code, out, _ = validate(capsys, "--format", "json", str(tmp_path))
    assert code == 2 and json.loads(out)["antal"]["fejl"] == 3


def test_json_is_valid_for_a_missing_path(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = validate(capsys, "--format", "json", "findes-ikke.yaml", str(VALID))
    payload = json.loads(out)
    assert code == 2
    assert [(f["fil"], f["kode"]) for f in payload["fund"]] == [
        ("findes-ikke.yaml", "fil-ulaeselig")
    ]


def _action_script() -> str:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    (step,) = [s for s in action["runs"]["steps"] if "kbtools validate" in s.get("run", "")]
    return str(step["run"])


@pytest.mark.parametrize("strict", ["false", "true"])
def test_action_default_path_works_on_an_ordinary_repository(tmp_path: Path, strict: str) -> None:
    git = shutil.which("git")
    assert git is not None, "git is needed to build the test repository"
    repo = ordinary_repository(tmp_path / "repo")
    subprocess.run([git, "init", "-q", str(repo)], check=True)
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "KBTOOLS_PATH": action["inputs"]["path"]["default"],
        "KBTOOLS_STRICT": strict,
        "GITHUB_ACTIONS": "true",
    }
    result = subprocess.run(
        ["bash", "-c", _action_script()],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == (
        "1 fil kontrolleret: ingen fejl, advarsler eller anbefalinger. "
        "1 YAML-fil uden skema: sprunget over."
    )


def test_the_pre_commit_hook_checks_what_the_walk_checks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The hook gets every YAML file pre-commit sees (``types: [yaml]``) and ``--som-mappe``
    makes kbtools find exactly what ``kbtools validate .`` finds."""
    from identify.identify import tags_from_filename

    repo = ordinary_repository(tmp_path)
    (repo / "aftaler" / "Aftale 2028.YAML").write_bytes(INVALID.read_bytes())
    (repo / "bedoemmelser").mkdir()
    (repo / "bedoemmelser" / "lone.yaml").write_text("navn: Lone\n", encoding="utf-8")
    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    names = sorted(
        str(path.relative_to(repo))
        for path in repo.rglob("*")
        if path.is_file() and set(hook["types"]) <= tags_from_filename(str(path))
    )
    assert ".pre-commit-config.yaml" in names and "aftaler/Aftale 2028.YAML" in names
    entry = hook["entry"].split()[2:]
    cwd = Path.cwd()
    os.chdir(repo)
    try:
        by_hook = validate(capsys, "--format", "json", *entry, *names)
        by_walk = validate(capsys, "--format", "json", ".")
    finally:
        os.chdir(cwd)
    assert by_hook[0] == by_walk[0] == 1
    assert json.loads(by_hook[1]) == json.loads(by_walk[1])


def test_a_subfolder_without_access_is_named_not_a_crash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """chmod 000 on a subfolder: listing it and even a stat of a file in it fail (simulated,
    as root may read anything). It used to end as an internal error (exit 70)."""
    shutil.copy(VALID, tmp_path / "aftale.yaml")
    locked = tmp_path / "låst"
    locked.mkdir()
    real_scandir, real_stat = os.scandir, os.stat

    def scandir(path: str = ".") -> object:
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    def stat(path: object, *args: object, **kwargs: object) -> os.stat_result:
        if str(path).startswith(f"{locked}{os.sep}"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_stat(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "stat", stat)
    code, out, _ = validate(capsys, "--format", "text", str(tmp_path))
    assert code == 2
    assert f"{locked}:1:1: fejl [fil-ulaeselig] Mappen kan ikke læses" in out


def test_a_path_longer_than_the_system_allows_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder tree deeper than PATH_MAX (4096 bytes on Linux) can exist, but its deepest
    folders cannot be opened by their full path."""
    monkeypatch.chdir(tmp_path)
    name = "m" * 200
    for _ in range(25):  # 25 × 201 bytes: more than PATH_MAX
        os.mkdir(name)
        os.chdir(name)
    Path("aftale.yaml").write_bytes(VALID.read_bytes())
    monkeypatch.chdir(tmp_path)
    shutil.copy(VALID, tmp_path / "aftale.yaml")
    code, out, _ = validate(capsys, "--format", "text", str(tmp_path))
    assert code == 2
    assert "fejl [fil-ulaeselig] Mappen kan ikke læses (File name too long)" in out


@pytest.mark.parametrize("target", ["/dev/full", "closed"])
def test_output_that_cannot_be_written_is_exit_2_with_a_message(target: str) -> None:
    """A full disk or a closed standard output: a Danish message and exit 2, not exit 70."""
    if target == "/dev/full" and not Path(target).exists():
        pytest.skip("this system has no /dev/full")
    command = [sys.executable, "-m", "kbtools", "validate", "--format", "text", str(VALID)]
    if target == "closed":
        result = subprocess.run(
            ["bash", "-c", '"$@" >&-', "-", *command], capture_output=True, text=True, check=False
        )
    else:
        with open(target, "w", encoding="utf-8") as full:
            result = subprocess.run(
                command, stdout=full, stderr=subprocess.PIPE, text=True, check=False
            )
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("kbtools: resultatet kunne ikke skrives på standard-output (")
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr


def test_as_walked_judges_folders_from_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kbtools.walk import is_walked

    monkeypatch.chdir(tmp_path)
    assert is_walked(Path("aftaler/Aftale.YAML"))
    assert not is_walked(Path(".github/workflows/x.yml"))
    assert not is_walked(Path("node_modules/x/aftale.yaml"))
    assert not is_walked(Path("._aftale.yaml"))
    assert is_walked(tmp_path / "aftaler" / "aftale.yml")
    assert not is_walked(tmp_path / ".skjult" / "aftale.yml")
    assert is_walked(Path("/andet/.sted/aftale.yaml"))  # outside: only the name counts
