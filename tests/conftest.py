"""Shared fixtures: the repository root and the real site, built once per test session.

The site build is the product's main job, so a failed build or any warning must fail the
tests that depend on it (never skip them): the fixture calls ``pytest.fail`` with the
warnings so the reader sees what broke.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The checkout's root folder (where ``conf.py`` and ``docs/`` live)."""
    return REPO_ROOT


def build_site(
    outdir: Path, srcdir: Path = REPO_ROOT / "docs", confdir: Path = REPO_ROOT
) -> subprocess.CompletedProcess[str]:
    """Build an HTML site exactly as bootstrap.sh does (``-n -W --keep-going``) into
    ``outdir``; by default the real site."""
    doctrees = outdir.parent / (outdir.name + "-doctrees")
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-b",
            "html",
            "-n",
            "-W",
            "--keep-going",
            "-q",
            "-d",
            str(doctrees),
            "-c",
            str(confdir),
            str(srcdir),
            str(outdir),
        ],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def build_problems(result: subprocess.CompletedProcess[str]) -> str | None:
    """What went wrong in a build (its warnings and errors), or None for a clean build."""
    problems = [line for line in result.stderr.splitlines() if "WARNING" in line or "ERROR" in line]
    if result.returncode == 0 and not problems:
        return None
    return f"The site build failed (exit code {result.returncode}) or warned:\n" + (
        "\n".join(problems) or result.stderr or result.stdout
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the real site once; return the HTML output folder.

    Fails (not skips) every dependent test if sphinx exits non-zero or prints a warning.
    """
    outdir = tmp_path_factory.mktemp("site") / "html"
    problems = build_problems(build_site(outdir))
    if problems:
        pytest.fail(problems, pytrace=False)
    if not (outdir / "index.html").is_file():
        pytest.fail(f"The site build produced no index.html in {outdir}", pytrace=False)
    return outdir
