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


def build_site(outdir: Path) -> subprocess.CompletedProcess[str]:
    """Build the HTML site exactly as bootstrap.sh does, into ``outdir``."""
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
            str(REPO_ROOT),
            str(REPO_ROOT / "docs"),
            str(outdir),
        ],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the real site once; return the HTML output folder.

    Fails (not skips) every dependent test if sphinx exits non-zero or prints a warning.
    """
    outdir = tmp_path_factory.mktemp("site") / "html"
    result = build_site(outdir)
    warnings = [line for line in result.stderr.splitlines() if "WARNING" in line or "ERROR" in line]
    if result.returncode != 0 or warnings:
        pytest.fail(
            f"The site build failed (exit code {result.returncode}) or warned:\n"
            + ("\n".join(warnings) or result.stderr or result.stdout),
            pytrace=False,
        )
    if not (outdir / "index.html").is_file():
        pytest.fail(f"The site build produced no index.html in {outdir}", pytrace=False)
    return outdir
