"""The code's own checks, enforced by the suite: ruff (lint and format), mypy --strict, ESLint
on the site's JavaScript, and the JavaScript unit tests (Node's own test runner)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PYTHON_CODE = ["kbtools", "tests", "bench", ".ci"]


def _run(*command: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(part) for part in command], cwd=ROOT, capture_output=True, text=True, check=False
    )


def _tool(name: str) -> Path:
    path = BIN / name
    if not path.is_file():
        pytest.fail(f"{name} mangler i {BIN}. Kør ./bootstrap.sh.", pytrace=False)
    return path


def _node_tool(name: str) -> Path:
    path = ROOT / "node_modules" / ".bin" / name
    if not path.exists() or shutil.which("node") is None:
        pytest.fail(f"{name} (npm) eller node mangler. Kør ./bootstrap.sh.", pytrace=False)
    return path


def test_ruff_finds_nothing() -> None:
    result = _run(_tool("ruff"), "check", "--no-cache", *PYTHON_CODE)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_python_code_is_formatted() -> None:
    result = _run(_tool("ruff"), "format", "--check", "--no-cache", *PYTHON_CODE)
    assert result.returncode == 0, "run: ruff format\n" + result.stdout + result.stderr


@pytest.mark.slow
def test_mypy_strict_finds_nothing() -> None:
    # the files and the strictness are pyproject.toml's [tool.mypy]
    result = _run(_tool("mypy"))
    assert result.returncode == 0, result.stdout + result.stderr


def test_eslint_finds_nothing_in_the_javascript() -> None:
    result = _run(_node_tool("eslint"), "--max-warnings", "0", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_javascript_unit_tests_pass() -> None:
    result = _run("node", "--test", *sorted((ROOT / "tests" / "js").glob("*.test.mjs")))
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr
    assert "# fail 0" in result.stdout
    assert "# pass 0" not in result.stdout


def test_every_javascript_module_is_readable_in_one_sitting() -> None:
    static = ROOT / "kbtools" / "sphinxext" / "static"
    long = {
        path.name: n
        for path in [*static.glob("*.mjs"), *static.glob("*.js")]
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert long == {}, long
