"""Work a test run does once for all its test processes: the site build, the first visit to it,
the wheel and the pre-commit hook's environment.

pytest-xdist runs every worker as a session of its own, so a session fixture alone would do
the work once per worker. Instead the work goes into the run's shared temporary folder
(:func:`run_folder`), made by whichever process asks first while the others wait for it
(:func:`once`). Nothing here depends on how xdist spreads the tests over its workers.
"""

from __future__ import annotations

import fcntl
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest


def run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A temporary folder shared by every xdist worker of this run (the session's own
    temporary folder when the tests run in one process)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def once(folder: Path, make: Callable[[Path], str | None]) -> str | None:
    """Call ``make(folder)`` unless this run already did, and return what it said went wrong
    (None: nothing). Any number of processes and threads may ask at once: the first calls
    ``make`` while holding a lock on ``folder / ".lock"``, the others wait for it and read
    its answer, which is written only once ``make`` has returned."""
    folder.mkdir(parents=True, exist_ok=True)
    answer = folder / ".answer.json"
    with open(folder / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not answer.exists():
            answer.write_text(json.dumps(make(folder)), encoding="utf-8")
    problem: str | None = json.loads(answer.read_text(encoding="utf-8"))
    return problem
