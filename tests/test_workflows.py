"""The GitHub Actions workflows: clean under actionlint and valid against GitHub's
workflow schema, and the
Pages workflow does what the README promises — its two commands, then publish _build/html at
the address in conf.py's html_baseurl (which the schemas' $id and the template's editor line
use), and nowhere else."""

from __future__ import annotations

import os
import re
import runpy
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from kbtools.template import SCHEMA_URL, render_template

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
PAGES = ROOT / ".github" / "workflows" / "pages.yml"
CHECK_WORKFLOW = (
    sys.executable,
    "-m",
    "check_jsonschema",
    "--builtin-schema",
    "vendor.github-workflows",
)


def _workflow(path: Path) -> dict[Any, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _steps(job: dict[str, Any]) -> list[dict[str, Any]]:
    steps = job["steps"]
    assert isinstance(steps, list)
    return steps


def _uses(step: dict[str, Any]) -> str:
    return str(step.get("uses", "")).split("@", 1)[0]


def test_there_is_a_pages_workflow() -> None:
    assert PAGES in WORKFLOWS


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_is_valid_against_githubs_workflow_schema(path: Path) -> None:
    # check-jsonschema ships SchemaStore's GitHub workflow schema, so this runs offline
    result = subprocess.run(
        [*CHECK_WORKFLOW, str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_pages_workflow_runs_on_push_to_main_with_pages_permissions() -> None:
    workflow = _workflow(PAGES)
    triggers = workflow[True]  # YAML 1.1 reads the key "on" as true
    assert triggers["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert workflow["concurrency"]["group"]
    assert workflow["concurrency"]["cancel-in-progress"] is False


def _readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```bash\n(.*?)```", readme, flags=re.S)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


def test_build_job_runs_the_readmes_two_commands_on_debian_in_order() -> None:
    build = _workflow(PAGES)["jobs"]["build"]
    assert str(build["container"]["image"]).startswith("debian:")
    runs = [str(step.get("run", "")).strip() for step in _steps(build)]
    commands = _readme_commands()
    assert commands == ["./bootstrap.sh", ".venv/bin/python -m pytest"]
    positions = [runs.index(command) for command in commands]
    assert positions == sorted(positions)
    # nothing is packed for publishing before the tests have passed
    upload = next(i for i, s in enumerate(_steps(build)) if "upload-pages-artifact" in _uses(s))
    assert upload > positions[-1]


def test_the_published_folder_is_the_one_bootstrap_builds() -> None:
    build = _workflow(PAGES)["jobs"]["build"]
    (upload,) = [s for s in _steps(build) if _uses(s) == "actions/upload-pages-artifact"]
    bootstrap = (ROOT / "bootstrap.sh").read_text(encoding="utf-8")
    (sphinx,) = [line for line in bootstrap.splitlines() if "sphinx-build" in line]
    assert sphinx.split()[-1] == upload["with"]["path"] == "_build/html"


def test_deploy_job_deploys_the_artifact_to_github_pages() -> None:
    deploy = _workflow(PAGES)["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert [_uses(s) for s in _steps(deploy)] == ["actions/deploy-pages"]


def _address_check() -> str:
    build = _workflow(PAGES)["jobs"]["build"]
    (step,) = [s for s in _steps(build) if "PAGES_URL" in s.get("env", {})]
    assert step["env"]["PAGES_URL"] == "${{ steps.pages.outputs.base_url }}"
    (pages,) = [s for s in _steps(build) if _uses(s) == "actions/configure-pages"]
    assert pages["id"] == "pages"
    return str(step["run"])


def _run_address_check(url: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-e", "-c", _address_check()],
        cwd=ROOT,
        env={**os.environ, "PAGES_URL": url},
        capture_output=True,
        text=True,
        check=False,
    )


def test_address_check_passes_for_html_baseurl_and_stops_anything_else() -> None:
    baseurl = str(runpy.run_path(str(ROOT / "conf.py"))["html_baseurl"])
    assert baseurl == "https://lks-vidensbasen.github.io/"
    # configure-pages gives the address without the trailing slash
    assert _run_address_check(baseurl.rstrip("/")).returncode == 0
    wrong = _run_address_check("https://lks-vidensbasen.github.io/lks-vidensbasen")
    assert wrong.returncode == 1
    assert "::error::" in wrong.stdout and baseurl in wrong.stdout


def test_schema_ids_and_the_templates_editor_line_live_under_html_baseurl() -> None:
    baseurl = str(runpy.run_path(str(ROOT / "conf.py"))["html_baseurl"])
    schemas = sorted((ROOT / "kbtools" / "schemas").rglob("*.json"))
    assert schemas
    for path in schemas:
        text = path.read_text(encoding="utf-8")
        (schema_id,) = re.findall(r'"\$id":\s*"([^"]+)"', text)
        assert schema_id.startswith(baseurl + "skemaer/"), path
        assert schema_id.endswith("/" + path.name), path
    # the site publishes kbtools/schemas/editor/* under skemaer/editor/ (test_schema_reference)
    modeline = render_template().splitlines()[0]
    assert modeline == f"# yaml-language-server: $schema={SCHEMA_URL}"
    assert baseurl + "skemaer/editor/partnerskabsaftale-1.editor.json" == SCHEMA_URL


def _actionlint() -> Path:
    path = Path(sys.executable).with_name("actionlint")
    if not path.is_file():
        pytest.fail(f"actionlint mangler: {path} findes ikke. Kør ./bootstrap.sh.", pytrace=False)
    return path


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actionlint_finds_nothing_in_the_workflow(path: Path) -> None:
    result = subprocess.run(
        [str(_actionlint()), "-no-color", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / ".github" / "workflows" / "broken.yml"
    broken.parent.mkdir(parents=True)
    text = PAGES.read_text(encoding="utf-8").replace(
        "${{ steps.pages.outputs.base_url }}", "${{ steps.pages.outputs.base_url"
    )
    assert text != PAGES.read_text(encoding="utf-8")
    broken.write_text(text, encoding="utf-8")
    result = subprocess.run(
        [str(_actionlint()), "-no-color", str(broken)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "broken.yml" in result.stdout
