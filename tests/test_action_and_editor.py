"""The GitHub Action and the VS Code mapping that ship with the repository."""

from __future__ import annotations

import fnmatch
import json
import subprocess
import sys
from pathlib import Path

import yaml

from kbtools.editor import render, vscode_schemas
from kbtools.kinds import KINDS

REPO = Path(__file__).resolve().parents[1]


def test_action_is_a_composite_action_that_runs_the_validator() -> None:
    result = subprocess.run(
        [
            str(Path(sys.executable).with_name("check-jsonschema")),
            "--builtin-schema",
            "vendor.github-actions",
            str(REPO / "action.yml"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    action = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
    assert isinstance(action, dict)
    # kbtools comes from the action's own repository at its tag, never from an index by name
    assert set(action["inputs"]) == {"path", "strict", "python-version"}
    assert action["inputs"]["path"]["default"] == "."
    assert action["runs"]["using"] == "composite"
    scripts = "\n".join(step.get("run", "") for step in action["runs"]["steps"])
    assert '"$ACTION_PATH"' in scripts
    assert '-r "$ACTION_PATH/requirements/kbtools.txt"' in scripts
    assert "--require-hashes" in scripts
    assert "kbtools validate" in scripts
    assert "--format github" in scripts
    assert "--strict" in scripts
    env_values = [v for step in action["runs"]["steps"] for v in step.get("env", {}).values()]
    assert "${{ github.action_path }}" in env_values
    # inputs reach the shell only through env, never pasted into the script (injection)
    assert "${{" not in scripts


def test_vscode_maps_every_kind_to_its_generated_editor_schema() -> None:
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"] == vscode_schemas(), "run: python -m kbtools.editor"
    for kind in KINDS:
        assert kind.editor_file.read_text(encoding="utf-8") == render(kind), (
            "run: python -m kbtools.editor"
        )
    mapped = {
        name: [s for s, globs in settings["yaml.schemas"].items() if _matches(name, globs)]
        for name in (
            "cases/eksempelby/aftale.yaml",
            "cases/eksempelby/vurdering-2027-03.yaml",
            "docs/partnerskabsaftalen/_filer/eksempel-aftale.yaml",
        )
    }
    assert all(len(schemas) == 1 for schemas in mapped.values()), mapped
    extensions = json.loads((REPO / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]


def _matches(name: str, globs: list[str]) -> bool:
    return any(fnmatch.fnmatch(name, pattern) for pattern in globs)


def test_files_in_the_repository_have_no_modeline() -> None:
    """A modeline wins over the settings and points to the published, not the local, schema."""
    files = [*REPO.glob("cases/**/*.yaml"), *REPO.glob("docs/**/_filer/*.yaml")]
    assert files
    for path in files:
        assert "yaml-language-server:" not in path.read_text(encoding="utf-8"), path


def _run_action_check(tmp_path: Path, path_input: str, strict: str = "false") -> list[str]:
    """The action's »Kontrollér« step, run by bash with a stand-in kbtools that prints the
    arguments it was given, one per line."""
    action = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
    (step,) = [s for s in action["runs"]["steps"] if s.get("name") == "Kontrollér"]
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    fake = bin_dir / "kbtools"
    fake.write_text('#!/usr/bin/env bash\nprintf "%s\\n" "$@"\n', encoding="utf-8")
    fake.chmod(0o755)
    env = {
        "PATH": f"{bin_dir}:/usr/bin:/bin",
        "KBTOOLS_PATH": path_input,
        "KBTOOLS_STRICT": strict,
    }
    result = subprocess.run(
        ["bash", "-e", "-c", step["run"]],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.splitlines()


def test_action_passes_paths_with_spaces_and_several_paths(tmp_path: Path) -> None:
    for folder in ("aftaler", "mappe med mellemrum", "andre"):
        (tmp_path / folder).mkdir()
    head = ["validate", "--format", "github", "--"]
    assert _run_action_check(tmp_path, ".") == [*head, "."]
    assert _run_action_check(tmp_path, "") == [*head, "."]
    assert _run_action_check(tmp_path, "mappe med mellemrum") == [*head, "mappe med mellemrum"]
    assert _run_action_check(tmp_path, "aftaler andre") == [*head, "aftaler", "andre"]
    assert _run_action_check(tmp_path, "mappe med mellemrum\n  andre \n") == [
        *head,
        "mappe med mellemrum",
        "andre",
    ]
    assert _run_action_check(tmp_path, "*", strict="true") == [
        "validate",
        "--format",
        "github",
        "--strict",
        "--",
        "*",
    ]
