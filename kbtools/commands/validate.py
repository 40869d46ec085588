"""``kbtools validate STI…``: check agreements and assessments, files or whole folders.

A file named on the command line is always checked. A folder is walked for agreements and
assessments, not for every YAML file in a repository: hidden folders and files (``.github``,
``.pre-commit-config.yaml``), virtual environments, ``node_modules`` and ``_build`` are left
out, and a YAML file without a ``skema:`` line is skipped and counted in the summary. A folder
that cannot be read is an error (exit code 2), never silently skipped.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kbtools.findings import Finding

FORMAT_CHOICES = ("auto", "text", "json", "github")
YAML_SUFFIXES = (".yaml", ".yml")
#: Folders that hold tools' files, never agreements (hidden folders are skipped as well).
SKIPPED_FOLDERS = frozenset({"node_modules", "_build", "__pycache__", "site-packages"})
#: A ``skema:`` key at the start of a line (quoted or not, any case): the file is one of ours.
_SKEMA_LINE = re.compile(r"^[ \t]*[\"']?skema[\"']?[ \t]*:", re.IGNORECASE | re.MULTILINE)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "validate",
        help="kontrollér partnerskabsaftaler og typologivurderinger",
        description=(
            "Kontrollér YAML-filer med partnerskabsaftaler og typologivurderinger. Mapper "
            "gennemgås rekursivt (*.yaml og *.yml med en »skema:«-linje; skjulte mapper, "
            "node_modules, _build og virtuelle miljøer springes over). Afslutningskode: "
            "0 gyldig, 1 fejl (med --strict også advarsler), 2 forkert brug eller ulæselig fil "
            "eller mappe."
        ),
    )
    parser.add_argument("paths", nargs="+", metavar="STI", help="fil eller mappe")
    parser.add_argument(
        "--format",
        choices=FORMAT_CHOICES,
        default="auto",
        help="uddata: text, json, github (annotationer) eller auto (github i GitHub Actions)",
    )
    parser.add_argument(
        "--strict", action="store_true", help="advarsler giver også afslutningskode 1"
    )
    parser.set_defaults(run=run)


@dataclass
class Discovery:
    """What the paths on the command line amount to.

    ``files`` are (path, display name) to check; ``unreadable`` are findings for paths and
    folders that cannot be read; ``skipped`` counts YAML files without ``skema:`` met in a
    folder walk; ``notes`` are Danish usage problems (exit code 2).
    """

    files: list[tuple[Path, str]] = field(default_factory=list)
    unreadable: list[Finding] = field(default_factory=list)
    skipped: int = 0
    notes: list[str] = field(default_factory=list)


def discover(paths: list[str]) -> Discovery:
    """The files to check for the paths given on the command line."""
    from kbtools.loading import UNREADABLE

    found = Discovery()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            before = (len(found.files), found.skipped, len(found.unreadable))
            _walk(path, found)
            if (len(found.files), found.skipped, len(found.unreadable)) == before:
                found.notes.append(f"{raw}: mappen indeholder ingen YAML-filer (*.yaml, *.yml).")
            elif len(found.files) == before[0] and len(found.unreadable) == before[2]:
                found.notes.append(
                    f"{raw}: mappen indeholder ingen partnerskabsaftaler eller "
                    "typologivurderinger (ingen YAML-fil med en »skema:«-linje)."
                )
        elif path.exists() or path.is_symlink():
            found.files.append((path, raw))
        else:
            message = "Filen eller mappen findes ikke."
            found.unreadable.append(UNREADABLE.finding(raw, 1, 1, message))
    return found


def _walk(top: Path, found: Discovery) -> None:
    from kbtools.loading import UNREADABLE

    def refuse(error: OSError) -> None:
        where = error.filename or str(top)
        reason = error.strerror or str(error)
        message = f"Mappen kan ikke læses ({reason}), så filerne i den er ikke kontrolleret."
        found.unreadable.append(UNREADABLE.finding(str(where), 1, 1, message))

    for folder, subfolders, names in os.walk(top, onerror=refuse):
        subfolders[:] = sorted(name for name in subfolders if _walks_into(Path(folder) / name))
        for name in sorted(names):
            if name.startswith(".") or not name.lower().endswith(YAML_SUFFIXES):
                continue
            path = Path(folder) / name
            if not path.is_file():
                continue
            if _has_skema(path):
                found.files.append((path, str(path)))
            else:
                found.skipped += 1


def _walks_into(folder: Path) -> bool:
    name = folder.name
    if name.startswith(".") or name in SKIPPED_FOLDERS:
        return False
    return not (folder / "pyvenv.cfg").exists()  # a virtual environment, whatever its name


def _has_skema(path: Path) -> bool:
    """True when the file has a ``skema:`` line (or cannot be read: then checking says why)."""
    from kbtools.loading import MAX_FILE_BYTES

    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError:
        return True
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = raw.decode("utf-16", "replace")
    else:
        text = raw.decode("utf-8", "replace")
    return _SKEMA_LINE.search(text) is not None


def run(args: argparse.Namespace) -> int:
    from kbtools.api import check_file
    from kbtools.findings import Level, sort_findings
    from kbtools.reporting import pick

    found = discover(args.paths)
    for note in found.notes:
        sys.stderr.write(f"kbtools validate: {note}\n")
    results = [check_file(path, display) for path, display in found.files]
    findings = sort_findings(
        [*found.unreadable, *(finding for result in results for finding in result.findings)]
    )
    pick(args.format)(findings, len(found.files), sys.stdout, found.skipped)
    if found.notes or found.unreadable or any(result.unreadable for result in results):
        return 2
    failing = {Level.FEJL, Level.ADVARSEL} if args.strict else {Level.FEJL}
    return 1 if any(f.level in failing for f in findings) else 0
