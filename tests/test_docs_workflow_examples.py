"""The GitHub workflows the docs offer partnerships to copy (docs/vedligeholdelse/ci.md) are
valid workflows: they pass GitHub's workflow schema and actionlint, use this repository's
action, and the monthly one runs on a schedule."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "vedligeholdelse" / "ci.md"
ACTION = "lks-vidensbasen/lks-vidensbasen.github.io"


def workflow_examples() -> list[str]:
    """Every YAML block on the page that is a GitHub workflow (it has ``jobs:``)."""
    blocks = re.findall(r"^```yaml\n(.*?)^```$", PAGE.read_text("utf-8"), re.M | re.S)
    return [block for block in blocks if re.search(r"^jobs:", block, re.M)]


EXAMPLES = workflow_examples()


def _load(text: str) -> dict[Any, Any]:
    data = yaml.safe_load(text)
    assert isinstance(data, dict)
    return data


def test_the_page_offers_a_workflow_on_push_and_a_monthly_one() -> None:
    triggers = [_load(example)[True] for example in EXAMPLES]  # YAML 1.1 reads »on« as True
    assert ["push", "pull_request"] in triggers
    (monthly,) = [t for t in triggers if isinstance(t, dict) and "schedule" in t]
    (cron,) = [entry["cron"] for entry in monthly["schedule"]]
    *_, day, month, weekday = cron.split()
    assert (day, month, weekday) == ("1", "*", "*")  # once a month
    assert "workflow_dispatch" in monthly


@pytest.mark.parametrize("index", range(len(EXAMPLES)))
def test_a_workflow_example_is_valid_and_uses_this_action(index: int, tmp_path: Path) -> None:
    path = tmp_path / ".github" / "workflows" / "eksempel.yml"
    path.parent.mkdir(parents=True)
    path.write_text(EXAMPLES[index], encoding="utf-8")
    steps = [step for job in _load(EXAMPLES[index])["jobs"].values() for step in job["steps"]]
    assert any(str(step.get("uses", "")).startswith(f"{ACTION}@") for step in steps)
    schema = [sys.executable, "-m", "check_jsonschema", "--builtin-schema"]
    result = subprocess.run(
        [*schema, "vendor.github-workflows", str(path)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    actionlint = Path(sys.executable).with_name("actionlint")
    assert actionlint.is_file(), "actionlint mangler. Kør ./bootstrap.sh."
    result = subprocess.run(
        [str(actionlint), "-no-color", str(path)], cwd=tmp_path, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
