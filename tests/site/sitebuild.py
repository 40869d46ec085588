"""Build a site exactly as bootstrap.sh does, and say what went wrong (shared by the site
fixture in ``conftest.py`` and the tests of that fixture in ``test_build.py``)."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from once import once

REPO_ROOT = Path(__file__).resolve().parents[2]


def build_site(
    outdir: Path, srcdir: Path = REPO_ROOT / "docs", confdir: Path = REPO_ROOT
) -> subprocess.CompletedProcess[str]:
    """Build an HTML site with ``sphinx-build -n -W --keep-going`` into ``outdir``; by default
    the real site."""
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
            "--no-color",  # warnings compare as plain text, whatever the CI's terminal
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


def built_once(shared: Path) -> str | None:
    """Build the real site into ``shared / "html"`` unless this run already did, and say what
    went wrong (None for a clean build); any number of processes may ask at once
    (:func:`once.once`)."""
    return once(shared, lambda folder: build_problems(build_site(folder / "html")))


def start_building(shared: Path, then: Callable[[Path], object] | None = None) -> None:
    """Start :func:`built_once` in the background, so the tests that do not need the site run
    meanwhile; whoever needs the site then waits only for what is left of the build. After a
    clean build, ``then`` gets the site's HTML folder (in the same background thread)."""

    def build() -> None:
        if built_once(shared) is None and then is not None:
            then(shared / "html")

    threading.Thread(target=build, daemon=True).start()
