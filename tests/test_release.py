"""The release path: one version number, the repository and tag named alike everywhere, a
CHANGELOG section for the version, the release script, and a wheel that works on its own."""

from __future__ import annotations

import re
import runpy
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
from checkout import copy_working_tree
from once import once, run_folder

from kbtools import __version__

ROOT = Path(__file__).resolve().parents[1]
REPOSITORY = "lks-vidensbasen/lks-vidensbasen.github.io"
TAG = f"v{__version__}"
# every file a user copies an install line, an Action or a pre-commit hook from
PUBLISHED = [
    ROOT / "README.md",
    ROOT / "CONTRIBUTING.md",
    ROOT / ".pre-commit-hooks.yaml",
    *sorted((ROOT / "docs").rglob("*.md")),
]
RELEASE = runpy.run_path(str(ROOT / ".ci" / "release.py"))


def test_the_version_is_written_once() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert "version" not in project
    assert project["dynamic"] == ["version"]
    found = [
        path.relative_to(ROOT)
        for path in (ROOT / "kbtools").rglob("*.py")
        if re.search(r"^__version__ = ", path.read_text(encoding="utf-8"), re.MULTILINE)
    ]
    assert found == [Path("kbtools/__init__.py")]


def test_kbtools_version_prints_the_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kbtools", "--version"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"kbtools {__version__}"


@pytest.mark.parametrize("path", PUBLISHED, ids=lambda p: str(p.relative_to(ROOT)))
def test_install_lines_name_this_repository_at_this_version(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for match in re.finditer(r"lks-vidensbasen/([A-Za-z0-9_.-]*[A-Za-z0-9_-])", text):
        assert match[0] == REPOSITORY, f"{match[0]} in {path.name}"
    for match in re.finditer(r"(?:@|rev: )(v\d+\.\d+\.\d+)", text):
        assert match[1] == TAG, f"{match[0]} in {path.name}"


def test_the_changelog_starts_with_this_version() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    first = re.search(r"^## \[([^\]]+)\]", changelog, re.MULTILINE)
    assert first is not None
    assert first[1] == __version__


def test_release_script_refuses_a_tag_that_is_not_the_code_version(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert RELEASE["main"](["v999.0.0"]) == 1
    assert "passer ikke til versionen i koden" in capsys.readouterr().err


def test_release_notes_are_the_dated_section_of_the_version() -> None:
    changelog = (
        "# Ændringer\n\n## [0.2.0] – 2027-01-05\n\n- Nyt.\n\n## [0.1.0] – 2026-12-01\n\n- Før.\n"
    )
    assert RELEASE["notes"](changelog, "0.2.0") == "- Nyt.\n"
    assert RELEASE["notes"](changelog, "0.1.0") == "- Før.\n"
    assert RELEASE["notes"]("## [0.3.0] – ikke udgivet\n", "0.3.0") is None


# --- the wheel, installed into a clean environment ---------------------------------------


def _build_and_install_the_wheel(folder: Path) -> str | None:
    """Build the wheel from this checkout into ``folder`` and install it, with the locked
    runtime dependencies (and nothing else: no WeasyPrint), into the new venv
    ``folder / "venv"``; or say what went wrong."""
    # built from a copy: setuptools writes build/ and *.egg-info into the folder it builds
    source = copy_working_tree(folder / "kilde")
    venv = folder / "venv"
    # a venv without pip of its own (installing pip into it is most of a venv's cost): this
    # run's pip installs into it
    pip: list[str | Path] = [sys.executable, "-m", "pip", "--python", venv / "bin" / "python"]
    pip += ["-q", "--disable-pip-version-check"]
    lock = ROOT / "requirements" / "kbtools.txt"
    steps: list[list[str | Path]] = [
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", folder, source],
        [sys.executable, "-m", "venv", "--without-pip", venv],
        [*pip, "install", "--require-hashes", "--no-deps", "-r", lock],
    ]
    for step in steps:
        done = subprocess.run(step, capture_output=True, text=True, cwd=folder, check=False)
        if done.returncode != 0:
            return f"{' '.join(map(str, step))} failed:\n{done.stdout}{done.stderr}"
    (wheel,) = folder.glob("kbtools-*.whl")
    done = subprocess.run([*pip, "install", "--no-deps", wheel], capture_output=True, text=True)
    return None if done.returncode == 0 else f"Installing {wheel} failed:\n{done.stderr}"


@pytest.fixture
def wheel_env(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> dict[str, Any]:
    """The wheel built from this checkout and installed into a new venv, once per test run for
    every test process (:func:`once.once`); each test works in its own folder."""
    folder = run_folder(tmp_path_factory) / "wheel"
    problem = once(folder, _build_and_install_the_wheel)
    if problem is not None:
        pytest.fail(problem, pytrace=False)
    (wheel,) = folder.glob("kbtools-*.whl")
    return {"wheel": wheel, "kbtools": folder / "venv" / "bin" / "kbtools", "work": tmp_path}


def _run(env: dict[str, Any], *args: Any) -> subprocess.CompletedProcess[str]:
    # run outside the checkout, so nothing is imported from it
    return subprocess.run(
        [env["kbtools"], *map(str, args)], capture_output=True, text=True, cwd=env["work"]
    )


@pytest.mark.slow
def test_the_wheel_holds_the_schemas_data_templates_and_static_files(
    wheel_env: dict[str, Any],
) -> None:
    import zipfile

    names = set(zipfile.ZipFile(wheel_env["wheel"]).namelist())
    for kind in ("partnerskabsaftale", "typologivurdering", "typologibedoemmelse"):
        assert f"kbtools/schemas/{kind}-1.schema.json" in names
        assert f"kbtools/schemas/editor/{kind}-1.editor.json" in names
    assert "kbtools/data/typologi.yaml" in names
    assert "kbtools/py.typed" in names


@pytest.mark.slow
def test_the_installed_wheel_runs_every_command_on_its_own(wheel_env: dict[str, Any]) -> None:
    work: Path = wheel_env["work"]
    agreement = ROOT / "cases" / "fjordkommune" / "aftale.yaml"
    assert _run(wheel_env, "--version").stdout.strip() == f"kbtools {__version__}"
    assert _run(wheel_env, "validate", ROOT / "cases").returncode == 0
    new = work / "ny.yaml"
    assert (
        _run(wheel_env, "new", "aftale", new, "--part", "Jobcenter A:beskæftigelse").returncode == 0
    )
    assert new.read_text(encoding="utf-8").startswith("#")
    for fmt in ("docx", "html", "md"):
        out = work / f"aftale.{fmt}"
        result = _run(wheel_env, "render", agreement, "--format", fmt, "-o", out)
        assert result.returncode == 0, result.stderr
        assert out.stat().st_size > 1000
    assert _run(
        wheel_env, "diff", agreement, ROOT / "cases" / "midtby" / "aftale.yaml"
    ).returncode in (0, 1)
    assert _run(wheel_env, "typology", agreement).returncode == 0
    combined = work / "vurdering.yaml"
    ratings = ROOT / "cases" / "fjordkommune" / "bedoemmelser" / "2025-09-15"
    result = _run(wheel_env, "vurdering", "saml", ratings, "-o", combined)
    assert result.returncode == 0, result.stderr
    assert combined.is_file()


@pytest.mark.slow
def test_the_installed_wheel_tells_a_pip_user_how_to_get_pdfs(wheel_env: dict[str, Any]) -> None:
    agreement = ROOT / "cases" / "fjordkommune" / "aftale.yaml"
    result = _run(
        wheel_env, "render", agreement, "--format", "pdf", "-o", wheel_env["work"] / "a.pdf"
    )
    assert result.returncode != 0
    assert "pip install 'kbtools[pdf]'" in result.stderr
    assert "Traceback" not in result.stderr
