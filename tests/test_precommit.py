"""The pre-commit hook that ships with the repository, and the repository's own pre-commit config.

The hook tests run the real ``pre-commit`` with this repository's hook on throw-away git
repositories, as ``pre-commit try-repo`` does: a snapshot of the working tree (uncommitted
changes included) is committed to a temporary repository that the tests' config names. pre-commit
builds the hook's own environment once per test run (``language: python`` → it pip-installs
this repository), so the tests need PyPI (or the local package mirror). pre-commit is a dev
dependency that ./bootstrap.sh installs, so a missing pre-commit or an environment pre-commit
cannot build fails the tests with pre-commit's own output; nothing here skips.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from checkout import copy_working_tree
from once import once, run_folder

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "docs" / "partnerskabsaftalen" / "_filer" / "eksempel-aftale.yaml"
PRE_COMMIT = Path(sys.executable).with_name("pre-commit")

# runs pre-commit, which pip-installs this repository (once per run: see pre_commit_home)
pytestmark = pytest.mark.slow

INVALID = "skema: partnerskabsaftale/1\ntitel: Aftale uden parter\n"


def load_yaml(path: Path) -> object:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_hook_definition() -> None:
    """The hook is given every YAML file (in any case) and lets kbtools decide, as a walk does."""
    from identify.identify import tags_from_filename

    hooks = load_yaml(REPO / ".pre-commit-hooks.yaml")
    assert isinstance(hooks, list)
    (hook,) = hooks
    assert hook["id"] == "kbtools-validate"
    assert hook["entry"] == "kbtools validate --som-mappe"
    assert hook["language"] == "python"
    assert hook["types"] == ["yaml"] and "files" not in hook
    for name in ("aftaler/Aftale 2028.YAML", "bedoemmelser/lone.yaml", "x/vurdering.Yml"):
        assert "yaml" in tags_from_filename(name), name


def test_repository_checks_its_own_cases_with_the_hook() -> None:
    config = load_yaml(REPO / ".pre-commit-config.yaml")
    assert isinstance(config, dict)
    (repo,) = config["repos"]
    (hook,) = repo["hooks"]
    assert repo["repo"] == "local"
    assert hook["entry"] == ".venv/bin/kbtools validate"  # what ./bootstrap.sh installs
    assert re.search(hook["files"], "cases/eksempelby/aftale.yaml")
    assert not re.search(hook["files"], "docs/partnerskabsaftalen/_filer/eksempel-aftale.yaml")


@pytest.fixture
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """pre-commit's folder for this run, shared by every test process: pre-commit builds the
    hook's environment there once, and its own lock keeps the other processes waiting."""
    if not PRE_COMMIT.exists():
        pytest.fail(f"pre-commit is missing: {PRE_COMMIT} does not exist. Run ./bootstrap.sh.")
    if shutil.which("git") is None:
        pytest.fail("git is missing: the pre-commit tests need git.")
    return run_folder(tmp_path_factory) / "pre-commit-home"


def _commit_the_working_tree(folder: Path) -> str | None:
    snapshot = copy_working_tree(folder / "repo")
    git = ["git", "-c", "user.name=test", "-c", "user.email=test@example.invalid"]
    commit = [*git, "commit", "-q", "-m", "snapshot"]
    for step in (["git", "init", "-q"], [*git, "add", "-A"], commit):
        done = subprocess.run(step, cwd=snapshot, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            return f"{' '.join(step)} failed:\n{done.stdout}{done.stderr}"
    return None


@pytest.fixture
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A git repository holding one commit of this working tree (as ``pre-commit try-repo``
    makes), and that commit: made once per run for every test process (:func:`once.once`),
    so pre-commit knows it as one repository and builds its hook's environment once."""
    folder = run_folder(tmp_path_factory) / "hook-repo"
    problem = once(folder, _commit_the_working_tree)
    if problem is not None:
        pytest.fail(problem, pytrace=False)
    snapshot = folder / "repo"
    rev = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=snapshot, capture_output=True, text=True, check=True
    ).stdout.strip()
    return snapshot, rev


def try_repo(
    home: Path, hook: tuple[Path, str], workdir: Path, *files: str
) -> subprocess.CompletedProcess[str]:
    repo, rev = hook
    config = {"repos": [{"repo": str(repo), "rev": rev, "hooks": [{"id": "kbtools-validate"}]}]}
    (workdir / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "GITHUB_ACTIONS": "false"}
    env.pop("PRE_COMMIT", None)
    result = subprocess.run(
        [str(PRE_COMMIT), "run", "--files", *files],
        cwd=workdir,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    if "An unexpected error has occurred" in result.stdout + result.stderr:
        log = home / "pre-commit.log"
        pytest.fail(
            "pre-commit failed before running the hook (building its environment needs PyPI "
            "or the local package mirror):\n"
            + result.stdout
            + result.stderr
            + (log.read_text(encoding="utf-8") if log.is_file() else ""),
            pytrace=False,
        )
    return result


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    shutil.copyfile(EXAMPLE, tmp_path / "aftale.yaml")
    (tmp_path / "ugyldig-aftale.yaml").write_text(INVALID, encoding="utf-8")
    (tmp_path / "andet.yaml").write_text("ikke: en aftale\n", encoding="utf-8")
    subprocess.run(["git", "add", "."], cwd=tmp_path, check=True)
    return tmp_path


def test_hook_passes_a_valid_agreement(
    pre_commit_home: Path, hook_repo: tuple[Path, str], workdir: Path
) -> None:
    before = (workdir / "aftale.yaml").read_bytes()
    result = try_repo(pre_commit_home, hook_repo, workdir, "aftale.yaml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout
    assert (workdir / "aftale.yaml").read_bytes() == before


def test_hook_fails_an_invalid_agreement_with_located_findings(
    pre_commit_home: Path, hook_repo: tuple[Path, str], workdir: Path
) -> None:
    result = try_repo(pre_commit_home, hook_repo, workdir, "aftale.yaml", "ugyldig-aftale.yaml")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Failed" in result.stdout
    assert re.search(r"ugyldig-aftale\.yaml:\d+:\d+: fejl \[", result.stdout), result.stdout
    assert (workdir / "ugyldig-aftale.yaml").read_text(encoding="utf-8") == INVALID


def test_hook_skips_yaml_files_that_are_not_agreements(
    pre_commit_home: Path, hook_repo: tuple[Path, str], workdir: Path
) -> None:
    result = try_repo(pre_commit_home, hook_repo, workdir, "andet.yaml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout


def test_hook_checks_a_rating_and_a_name_in_capitals(
    pre_commit_home: Path, hook_repo: tuple[Path, str], workdir: Path
) -> None:
    (workdir / "aftaler").mkdir()
    (workdir / "aftaler" / "Aftale 2028.YAML").write_text(INVALID, encoding="utf-8")
    result = try_repo(pre_commit_home, hook_repo, workdir, "aftaler/Aftale 2028.YAML")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "aftaler/Aftale 2028.YAML:" in result.stdout


def test_repository_config_checks_cases_in_a_clone(pre_commit_home: Path, tmp_path: Path) -> None:
    """The repository's own .pre-commit-config.yaml, run in a clone (never in the work tree:
    ``pre-commit run`` stashes unstaged changes)."""
    clone = tmp_path / "klon"
    subprocess.run(["git", "clone", "-q", str(REPO), str(clone)], check=True)
    assert sorted(clone.glob("cases/*/*.yaml")), "the clone has no committed cases/*/*.yaml"
    (clone / ".venv").symlink_to(Path(sys.executable).parent.parent)
    env = {**os.environ, "PRE_COMMIT_HOME": str(pre_commit_home), "GITHUB_ACTIONS": "false"}

    def run() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(PRE_COMMIT), "run", "--all-files"],
            cwd=clone,
            env=env,
            capture_output=True,
            text=True,
            check=False,
            timeout=600,
        )

    result = run()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout
    (clone / "cases" / "ny").mkdir()
    (clone / "cases" / "ny" / "aftale.yaml").write_text(INVALID, encoding="utf-8")
    subprocess.run(["git", "add", "cases"], cwd=clone, check=True)
    result = run()
    assert result.returncode == 1, result.stdout + result.stderr
    assert re.search(r"cases/ny/aftale\.yaml:\d+:\d+: fejl \[", result.stdout), result.stdout
