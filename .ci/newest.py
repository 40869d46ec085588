"""Run the test suite against the newest releases of every Python dependency, unpinned.

The lock (requirements/dev.txt) keeps ./bootstrap.sh reproducible; this job finds out early
what the next releases will break. It installs ``kbtools[dev]`` with the newest versions that
pyproject.toml allows into ``.venv-newest``, lists every package whose version differs from the
lock, runs the suite, and, if tests fail, puts each changed package back to its locked version
in turn and reruns the failed tests, to say which package changed what.

Run after ./bootstrap.sh (it needs npm's packages and Debian's chromium):
    python3 .ci/newest.py
Exit code: 0 when the suite passes with the newest versions, 1 otherwise.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / ".venv-newest"
PYTHON = VENV / "bin" / "python"
PIN = re.compile(r"^([A-Za-z0-9_.-]+)==([^ ;\\]+)(?:\s*;\s*([^\\]+?))?\s*\\?$")


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def locked() -> dict[str, str]:
    """The lock's version of every package this Python installs (a universal lock names some
    packages once per Python version, each with its environment marker)."""
    from packaging.markers import Marker

    pins: dict[str, str] = {}
    for line in (ROOT / "requirements" / "dev.txt").read_text(encoding="utf-8").splitlines():
        match = PIN.match(line)
        if match and (match[3] is None or Marker(match[3]).evaluate()):
            pins[normalise(match[1])] = match[2]
    return pins


def installed() -> dict[str, str]:
    out = subprocess.run(
        [PYTHON, "-m", "pip", "list", "--format", "freeze", "--exclude-editable"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return {normalise(m[1]): m[2] for m in map(PIN.match, out.splitlines()) if m}


def pip(*args: str) -> None:
    subprocess.run([PYTHON, "-m", "pip", "--disable-pip-version-check", "-q", *args], check=True)


def pytest(*args: str) -> int:
    # the tests that compare the environment with the lock are left out: here it differs
    command: list[str | Path] = [PYTHON, "-m", "pytest", "-m", "not lock", *args]
    return subprocess.run(command, cwd=ROOT, check=False).returncode


def report(lines: list[str]) -> None:
    text = "\n".join(lines)
    print(text)
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as out:
            out.write(text + "\n")


def changed_packages(lock: dict[str, str], now: dict[str, str]) -> list[str]:
    return sorted(name for name in now if name in lock and now[name] != lock[name])


def culprits(changed: list[str], lock: dict[str, str], now: dict[str, str]) -> list[str]:
    """The changed packages whose locked version alone makes the failed tests pass again."""
    found = []
    for name in changed:
        pip("install", "--no-deps", f"{name}=={lock[name]}")
        if pytest("--last-failed", "-q", "-p", "no:randomly", "-n", "0") == 0:
            found.append(name)
        pip("install", "--no-deps", f"{name}=={now[name]}")
    return found


def main() -> int:
    if not VENV.exists():
        venv.create(VENV, with_pip=True)
    pip("install", "--upgrade", "pip", "setuptools")
    pip("install", "--upgrade", "--upgrade-strategy", "eager", "-e", f"{ROOT}[dev]")
    lock, now = locked(), installed()
    changed = changed_packages(lock, now)
    new = sorted(set(now) - set(lock))
    lines = ["## Nyeste versioner i forhold til låsen", ""]
    lines += [f"- {name}: {lock[name]} → {now[name]}" for name in changed] or ["- ingen ændringer"]
    lines += [f"- {name}: ny afhængighed {now[name]}" for name in new]
    report(lines)
    if pytest() == 0:
        report(["", "Testene består med de nyeste versioner."])
        return 0
    blame = culprits(changed, lock, now)
    if blame:
        names = ", ".join(f"{name} {lock[name]} → {now[name]}" for name in blame)
        report(
            [
                "",
                f"Testene fejler med de nyeste versioner. Fejlen forsvinder med den låste "
                f"version af: {names}.",
            ]
        )
    else:
        report(
            [
                "",
                "Testene fejler med de nyeste versioner, og ingen enkelt pakke forklarer det "
                "(flere pakker sammen, eller en ny afhængighed).",
            ]
        )
    return 1


if __name__ == "__main__":
    sys.exit(main())
