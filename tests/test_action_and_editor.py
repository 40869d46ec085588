"""The GitHub Action and the VS Code mapping that ship with the repository."""

from __future__ import annotations

import fnmatch
import json
import subprocess
import sys
from pathlib import Path

import yaml

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
    assert set(action["inputs"]) >= {"path", "strict", "version"}
    assert action["inputs"]["path"]["default"] == "."
    assert action["runs"]["using"] == "composite"
    scripts = "\n".join(step.get("run", "") for step in action["runs"]["steps"])
    assert '"$ACTION_PATH"' in scripts
    assert "kbtools validate" in scripts
    assert "--format github" in scripts
    assert "--strict" in scripts
    env_values = [v for step in action["runs"]["steps"] for v in step.get("env", {}).values()]
    assert "${{ github.action_path }}" in env_values
    # inputs reach the shell only through env, never pasted into the script (injection)
    assert "${{" not in scripts


def test_vscode_maps_agreements_to_the_schema() -> None:
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    ((schema, globs),) = settings["yaml.schemas"].items()
    assert (REPO / schema).resolve() == REPO / "kbtools/schemas/partnerskabsaftale-1.schema.json"
    for name in (
        "cases/eksempelby/aftale.yaml",
        "docs/partnerskabsaftalen/_filer/eksempel-aftale.yaml",
    ):
        assert any(fnmatch.fnmatch(name, pattern) for pattern in globs), name
    extensions = json.loads((REPO / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]
