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

from kbtools.reporting import FORMATS

if TYPE_CHECKING:
    from kbtools.findings import Finding

YAML_SUFFIXES = (".yaml", ".yml")
#: Folders that hold tools' files, never agreements (hidden folders are skipped as well).
SKIPPED_FOLDERS = frozenset({"node_modules", "_build", "__pycache__", "site-packages"})
#: A ``skema:`` key at the start of a line (quoted or not, any case): the file is one of ours.
_SKEMA_LINE = re.compile(r"(?:^|[{,])[ \t]*[\"']?skema[\"']?[ \t]*:", re.IGNORECASE | re.MULTILINE)


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
        choices=FORMATS,
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

    ``files`` are (path, display name) named on the command line; ``walked`` are (folder as
    given, path) of the YAML files found in folders (checked only with a ``skema:`` line);
    ``unreadable`` are findings for paths and folders that cannot be read; ``notes`` are
    Danish usage problems (exit 2).
    """

    files: list[tuple[Path, str]] = field(default_factory=list)
    walked: list[tuple[str, Path]] = field(default_factory=list)
    unreadable: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def discover(paths: list[str]) -> Discovery:
    """The files to check for the paths given on the command line."""
    from kbtools.loading import UNREADABLE

    found = Discovery()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            before = (len(found.walked), len(found.unreadable))
            _walk(path, raw, found)
            if (len(found.walked), len(found.unreadable)) == before:
                found.notes.append(f"{raw}: mappen indeholder ingen YAML-filer (*.yaml, *.yml).")
        elif path.exists() or path.is_symlink():
            found.files.append((path, raw))
        else:
            message = "Filen eller mappen findes ikke."
            found.unreadable.append(UNREADABLE.finding(raw, 1, 1, message))
    return found


def _walk(top: Path, raw: str, found: Discovery) -> None:
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
            if path.is_file():
                found.walked.append((raw, path))


def _walks_into(folder: Path) -> bool:
    name = folder.name
    if name.startswith(".") or name in SKIPPED_FOLDERS:
        return False
    return not (folder / "pyvenv.cfg").exists()  # a virtual environment, whatever its name


def has_skema_line(raw: bytes) -> bool:
    """True when the file's text has a ``skema:`` line (found without parsing the YAML)."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = raw.decode("utf-16", "replace")
    else:
        text = raw.decode("utf-8-sig", "replace")  # a BOM from Windows' Notepad is not text
    return _SKEMA_LINE.search(text.lstrip("\ufeff")) is not None


@dataclass
class Tally:
    """What the run found, one file at a time: only findings are kept, never documents."""

    findings: list[Finding] = field(default_factory=list)
    files: int = 0
    skipped: int = 0
    unreadable: bool = False
    folders_with_kinds: set[str] = field(default_factory=set)

    def check(self, path: Path, display: str, folder: str | None = None) -> None:
        """Read the file once and check it; a walked file without ``skema:`` is skipped."""
        from kbtools.api import check_bytes
        from kbtools.loading import read_path

        raw, problems = read_path(path, display=display)
        if raw is not None and folder is not None and not has_skema_line(raw):
            self.skipped += 1
            return
        if folder is not None:
            self.folders_with_kinds.add(folder)
        self.files += 1
        if raw is None:
            self.unreadable = True
            self.findings.extend(problems)
        else:
            self.findings.extend(check_bytes(raw, display).findings)


def run(args: argparse.Namespace) -> int:
    from kbtools.findings import Level, sort_findings
    from kbtools.reporting import pick

    found = discover(args.paths)
    tally = Tally(findings=list(found.unreadable), unreadable=bool(found.unreadable))
    for path, display in found.files:
        tally.check(path, display)
    for folder, path in found.walked:
        tally.check(path, str(path), folder)
    notes = found.notes + [
        f"{folder}: mappen indeholder ingen partnerskabsaftaler eller typologivurderinger "
        "(ingen YAML-fil med en »skema:«-linje)."
        for folder in dict.fromkeys(folder for folder, _ in found.walked)
        if folder not in tally.folders_with_kinds
    ]
    for note in notes:
        sys.stderr.write(f"kbtools validate: {note}\n")
    findings = sort_findings(tally.findings)
    pick(args.format)(findings, tally.files, sys.stdout, tally.skipped)
    if notes or tally.unreadable:
        return 2
    failing = {Level.FEJL, Level.ADVARSEL} if args.strict else {Level.FEJL}
    return 1 if any(f.level in failing for f in findings) else 0
