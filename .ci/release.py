"""Check that a tag may be released and print its release notes from CHANGELOG.md.

    python3 .ci/release.py v0.1.0 > notes.md

Fails (exit 1, a Danish message on stderr) unless the tag is ``v`` + ``kbtools.__version__``
and CHANGELOG.md has a dated section for that version. The release workflow runs it before it
builds anything, so a tag that does not match the code is never released.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VERSION = re.compile(r'^__version__ = "([^"]+)"$', re.MULTILINE)
SECTION = re.compile(r"^## \[(?P<version>[^\]]+)\] – (?P<date>\d{4}-\d{2}-\d{2})\s*$")


def code_version() -> str:
    match = VERSION.search((ROOT / "kbtools" / "__init__.py").read_text(encoding="utf-8"))
    if match is None:
        raise SystemExit("FEJL: kbtools/__init__.py har ingen __version__.")
    return match[1]


def notes(changelog: str, version: str) -> str | None:
    """The text of the dated section for ``version``, or None when there is none."""
    lines = changelog.splitlines()
    for start, line in enumerate(lines):
        match = SECTION.match(line)
        if match and match["version"] == version:
            end = next(
                (i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")),
                len(lines),
            )
            return "\n".join(lines[start + 1 : end]).strip() + "\n"
    return None


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("Brug: python3 .ci/release.py vX.Y.Z", file=sys.stderr)
        return 2
    tag, version = argv[0], code_version()
    if tag != f"v{version}":
        print(
            f"FEJL: mærket {tag} passer ikke til versionen i koden (v{version}).", file=sys.stderr
        )
        return 1
    text = notes((ROOT / "CHANGELOG.md").read_text(encoding="utf-8"), version)
    if text is None:
        print(
            f"FEJL: CHANGELOG.md har intet dateret afsnit »## [{version}] – ÅÅÅÅ-MM-DD«.",
            file=sys.stderr,
        )
        return 1
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
