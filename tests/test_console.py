"""Output to a console that cannot show every character (cp1252 on Windows) never crashes."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kbtools.reporting.console import HANDLER, tolerate

ROOT = Path(__file__).resolve().parents[1]
MINIMAL = ROOT / "tests" / "data" / "agreements" / "valid" / "minimal.yaml"


def kbtools(*args: str, encoding: str = "cp1252") -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    env.pop("KBTOOLS_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "kbtools", *args], capture_output=True, env=env, check=False
    )


@pytest.fixture
def with_emoji(tmp_path: Path) -> Path:
    text = MINIMAL.read_text(encoding="utf-8").replace("system: civilsamfund", "system: 🙂 →")
    path = tmp_path / "aftale.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_validate_with_an_emoji_on_a_cp1252_console(with_emoji: Path) -> None:
    result = kbtools("validate", "--format", "text", str(with_emoji))
    assert result.returncode == 1, result.stderr
    out = result.stdout.decode("cp1252")
    assert b"Traceback" not in result.stderr
    assert "»? ->«" in out  # the emoji is a question mark, the arrow an ASCII arrow
    assert "æ" in out or "ø" in out or "å" in out  # what cp1252 has is kept


def test_json_on_a_cp1252_console_is_valid_and_exact(with_emoji: Path) -> None:
    result = kbtools("validate", "--format", "json", str(with_emoji))
    payload = json.loads(result.stdout.decode("cp1252"))
    assert any("🙂 →" in finding["besked"] for finding in payload["fund"])


def test_diff_arrow_on_a_cp1252_console(tmp_path: Path) -> None:
    new = tmp_path / "ny.yaml"
    new.write_text(
        MINIMAL.read_text(encoding="utf-8").replace("timer: 5", "timer: 10"), encoding="utf-8"
    )
    result = kbtools("diff", str(MINIMAL), str(new))
    assert b"Traceback" not in result.stderr
    assert result.returncode in (0, 1), result.stderr
    assert b"5 -> 10" in result.stdout


def test_ascii_console_keeps_danish_readable(with_emoji: Path) -> None:
    result = kbtools("validate", "--format", "text", str(with_emoji), encoding="ascii")
    assert result.returncode == 1 and b"Traceback" not in result.stderr
    assert b"Vaelg" in result.stdout or b"vaerdi" in result.stdout or b"maa" in result.stdout


def test_tolerate_is_idempotent() -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="cp1252")
    tolerate(stream)
    tolerate(stream)
    assert stream.errors == HANDLER
    stream.write("a → b 🙂 æ “c” ü ǅ\udcff")
    stream.flush()
    assert raw.getvalue().decode("cp1252") == "a -> b ? æ “c” ü Dz?"


def test_a_closed_pipe_is_no_traceback(tmp_path: Path) -> None:
    """``kbtools validate mappe | head -1``: the reader leaves early; no traceback follows."""
    for n in range(300):
        (tmp_path / f"aftale-{n}.yaml").write_text("skema: partnerskabsaftale/1\n", "utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "kbtools", "validate", "--format", "text", str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()
    err = process.stderr.read()
    process.wait(timeout=60)
    assert b"Traceback" not in err and b"Exception ignored" not in err, err
