"""The workflows beside Pages: every push and pull request runs the README's two commands, a
weekly job tries the newest dependencies, and a tag releases (checked by .ci/release.py)."""

from __future__ import annotations

import re
import runpy
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = ROOT / ".github" / "workflows"
NEWEST = runpy.run_path(str(ROOT / ".ci" / "newest.py"))


def _workflow(name: str) -> dict[Any, Any]:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _runs(job: dict[str, Any]) -> list[str]:
    return [str(step.get("run", "")).strip() for step in job["steps"]]


def test_every_push_and_pull_request_runs_the_readmes_two_commands_on_debian() -> None:
    workflow = _workflow("ci.yml")
    assert {"push", "pull_request"} <= set(workflow[True])  # YAML 1.1 reads "on" as true
    (job,) = workflow["jobs"].values()
    assert str(job["container"]["image"]).startswith("debian:")
    runs = _runs(job)
    assert runs.index("./bootstrap.sh") < runs.index(".venv/bin/python -m pytest")


def test_the_newest_versions_are_tried_weekly_and_on_demand() -> None:
    workflow = _workflow("newest.yml")
    assert {"schedule", "workflow_dispatch"} <= set(workflow[True])
    (job,) = workflow["jobs"].values()
    runs = _runs(job)
    assert runs.index("./bootstrap.sh") < runs.index(".venv/bin/python .ci/newest.py")


def test_a_tag_is_checked_built_and_released() -> None:
    workflow = _workflow("release.yml")
    assert workflow[True]["push"]["tags"] == ["v*"]
    build = "\n".join(_runs(workflow["jobs"]["build"]))
    assert 'python .ci/release.py "$TAG"' in build
    assert "--require-hashes" in build and "twine check --strict" in build
    assert workflow["jobs"]["pypi"]["if"] == "vars.PYPI_UDGIV == 'ja'"  # off until set up
    assert workflow["jobs"]["pypi"]["permissions"] == {"id-token": "write"}


@pytest.mark.lock
def test_the_environment_is_the_lock() -> None:
    """./bootstrap.sh installed exactly the locked version of every package."""
    lock: dict[str, str] = NEWEST["locked"]()
    installed = {
        NEWEST["normalise"](d.metadata["Name"]): d.version for d in metadata.distributions()
    }
    assert {name: (version, installed.get(name)) for name, version in lock.items()} == {
        name: (version, version) for name, version in lock.items()
    }


def test_the_newest_job_reads_the_lock_and_names_what_changed() -> None:
    lock: dict[str, str] = NEWEST["locked"]()
    text = (ROOT / "requirements" / "dev.txt").read_text("utf-8")
    pin = re.search(r"^pyyaml==(\S+)", text, re.M)
    assert pin is not None and lock["pyyaml"] == pin[1]
    assert NEWEST["normalise"]("Sphinx_Design") == "sphinx-design"
    changed = NEWEST["changed_packages"]({"a": "1", "b": "2"}, {"a": "1", "b": "3", "c": "1"})
    assert changed == ["b"]


@pytest.mark.lock
def test_every_dependency_in_pyproject_is_in_the_lock() -> None:
    """pyproject.toml and requirements/*.txt move together: run requirements/update-lock after
    adding a dependency (a fresh machine installs only what the lock names)."""
    import tomllib

    from packaging.requirements import Requirement

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    normalise = NEWEST["normalise"]
    lock: dict[str, str] = NEWEST["locked"]()
    runtime_lines = (ROOT / "requirements" / "kbtools.txt").read_text(encoding="utf-8")
    runtime = {normalise(m[1]) for m in map(NEWEST["PIN"].match, runtime_lines.splitlines()) if m}
    declared = [
        Requirement(r) for extra in project["optional-dependencies"].values() for r in extra
    ]
    for requirement in [Requirement(r) for r in project["dependencies"]] + declared:
        name = normalise(requirement.name)
        if name == "kbtools":
            continue
        assert name in lock, f"{name} is not in requirements/dev.txt: run requirements/update-lock"
        assert requirement.specifier.contains(lock[name]), (name, lock[name])
    for requirement in project["dependencies"]:
        name = normalise(Requirement(requirement).name)
        assert name in runtime, f"{name} is not in requirements/kbtools.txt"
