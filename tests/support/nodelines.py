"""A Node process that answers each line it is given with one line, kept open for a test module.

The property tests in ``tests/builder/test_js_*.py`` hold the builder's JavaScript to kbtools
on many generated examples. Starting Node and loading the builder's modules costs more than
the examples themselves, so one process answers them all: a JSON value goes in on a line, its
answer comes back as JSON on a line (the scripts in ``tests/js/*-batch.mjs``).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from types import TracebackType
from typing import Any

import pytest


def node() -> str:
    """The machine's Node (installed by bootstrap.sh); the test fails with how to get it."""
    found = shutil.which("node")
    if found is None:
        pytest.fail("node mangler. Kør ./bootstrap.sh.", pytrace=False)
    return found


class NodeLines:
    """``node script *args``, asked one JSON value at a time (so neither side can block the
    other on a full pipe)."""

    def __init__(self, script: Path, *args: str) -> None:
        self._process = subprocess.Popen(
            [node(), str(script), *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )

    def answers(self, values: list[Any]) -> list[Any]:
        """The script's answer to each value, in order."""
        stdin, stdout = self._process.stdin, self._process.stdout
        assert stdin is not None and stdout is not None
        found = []
        for value in values:
            stdin.write(json.dumps(value, ensure_ascii=False) + "\n")
            stdin.flush()
            line = stdout.readline()
            if not line:
                raise AssertionError(f"Node stopped: {self._stop()}")
            found.append(json.loads(line))
        return found

    def _stop(self) -> str:
        """Close the process; what it wrote to stderr."""
        _, errors = self._process.communicate(timeout=60)
        return errors

    def __enter__(self) -> NodeLines:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._process.poll() is None:
            self._stop()
