"""``kbtools validate STI…``: check agreements and assessments, files or whole folders.

A file named on the command line is always checked. A folder is walked for agreements,
assessments and ratings, not for every YAML file in a repository (:mod:`kbtools.walk` says
which files it sees): a YAML file without a ``skema:`` line is skipped and counted in the
summary, with a warning when it looks like one of ours or cannot be read as text
(:mod:`kbtools.unchecked`). A folder that cannot be read is an error (exit code 2), never
silently skipped. ``--som-mappe`` treats the files named as if a walk had found them, so the
pre-commit hook, which names every changed YAML file, checks exactly what the walk checks.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kbtools.reporting import FORMATS

if TYPE_CHECKING:
    from kbtools.findings import Finding


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "validate",
        help="kontrollér partnerskabsaftaler og typologivurderinger",
        description=(
            "Kontrollér YAML-filer med partnerskabsaftaler, typologivurderinger, "
            "bedømmelser og opfølgninger (en opfølgning kontrolleres mod aftalen i samme "
            "mappe). Mapper gennemgås rekursivt (*.yaml og *.yml med en »skema:«-linje; "
            "skjulte mapper, node_modules, _build og virtuelle miljøer springes over, og en "
            "fil, der ligner en aftale, men mangler »skema:«, giver en advarsel). "
            "Afslutningskode: "
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
    parser.add_argument(
        "--dato",
        type=reference_date,
        metavar="ÅÅÅÅ-MM-DD",
        help=(
            "regn fra denne dato i stedet for i dag, når det kontrolleres, om en aftale "
            "snart udløber eller er udløbet (fx 2027-06-30 eller 30.6.2027)"
        ),
    )
    parser.add_argument(
        "--som-mappe",
        action="store_true",
        help=(
            "behandl de angivne filer, som når en mappe gennemgås: kun filer med en "
            "»skema:«-linje kontrolleres (bruges af pre-commit-hooken)"
        ),
    )
    parser.set_defaults(run=run)


def reference_date(text: str) -> dt.date:
    """The value of ``--dato``: a date as ÅÅÅÅ-MM-DD, or as a Danish user writes it."""
    from kbtools.danish import parse_danish_date

    day = parse_danish_date(text)
    if day is None:
        raise argparse.ArgumentTypeError(
            f"»{text}« er ikke en dato. Skriv datoen som ÅÅÅÅ-MM-DD, fx 2027-06-30."
        )
    return day


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


def discover(paths: list[str], *, as_walked: bool = False) -> Discovery:
    """The files to check for the paths given on the command line. With ``as_walked`` a file
    named is treated as if a folder walk had found it (the pre-commit hook names every file)."""
    from kbtools.loading import UNREADABLE
    from kbtools.walk import is_walked, walk

    found = Discovery()
    for raw in paths:
        path = Path(raw)
        try:
            info = os.stat(path)
        except FileNotFoundError:
            info = None
        except (OSError, ValueError) as error:  # no access to a folder above, a path too long
            if not as_walked or is_walked(path):
                found.unreadable.append(UNREADABLE.finding(raw, 1, 1, _cannot_read(error)))
            continue
        if info is not None and stat.S_ISDIR(info.st_mode):
            walked = walk(path)
            found.walked += [(raw, file) for file in walked.files]
            found.unreadable += walked.unreadable
            if not walked.files and not walked.unreadable:
                found.notes.append(f"{raw}: mappen indeholder ingen YAML-filer (*.yaml, *.yml).")
        elif as_walked:
            if is_walked(path):
                found.walked.append(("", path))
        elif info is not None or path.is_symlink():
            found.files.append((path, raw))
        else:
            message = "Filen eller mappen findes ikke."
            found.unreadable.append(UNREADABLE.finding(raw, 1, 1, message))
    return found


def _cannot_read(error: OSError | ValueError) -> str:
    if isinstance(error, ValueError):
        return "Stien indeholder et tegn, som et filnavn ikke kan have."
    return f"Stien kan ikke læses ({error.strerror or error})."


@dataclass
class Tally:
    """What the run found, one file at a time: only findings are kept, never documents."""

    findings: list[Finding] = field(default_factory=list)
    files: int = 0
    skipped: int = 0
    unreadable: bool = False
    folders_with_kinds: set[str] = field(default_factory=set)
    today: dt.date | None = None

    def check(self, path: Path, display: str, folder: str | None = None) -> None:
        """Read the file once and check it. A walked file without ``skema:`` is skipped,
        with a warning when it may be one of ours (see :mod:`kbtools.unchecked`)."""
        from kbtools.api import check_bytes
        from kbtools.loading import read_path
        from kbtools.unchecked import triage

        raw, problems = read_path(path, display=display)
        if raw is not None and folder is not None:
            checked, warning = triage(raw, display, path)
            if not checked:
                self.skipped += 1
                self.findings.extend([warning] if warning is not None else [])
                return
        if folder:
            self.folders_with_kinds.add(folder)
        self.files += 1
        if raw is None:
            self.unreadable = True
            self.findings.extend(problems)
        else:
            result = check_bytes(raw, display, today=self.today, folder=path.parent)
            self.findings.extend(result.findings)


def run(args: argparse.Namespace) -> int:
    from kbtools.findings import Level, sort_findings
    from kbtools.reporting import pick

    found = discover(args.paths, as_walked=args.som_mappe)
    tally = Tally(
        findings=list(found.unreadable), unreadable=bool(found.unreadable), today=args.dato
    )
    for path, display in found.files:
        tally.check(path, display)
    for folder, path in found.walked:
        tally.check(path, str(path), folder)
    notes = found.notes + [
        f"{folder}: mappen indeholder ingen partnerskabsaftaler eller typologivurderinger "
        "(ingen YAML-fil med en »skema:«-linje)."
        for folder in dict.fromkeys(folder for folder, _ in found.walked)
        if folder and folder not in tally.folders_with_kinds
    ]
    from kbtools.reporting.visible import visible

    for note in notes:
        sys.stderr.write(f"kbtools validate: {visible(note)}\n")
    findings = sort_findings(tally.findings)
    pick(args.format)(findings, tally.files, sys.stdout, tally.skipped)
    if notes or tally.unreadable:
        return 2
    failing = {Level.FEJL, Level.ADVARSEL} if args.strict else {Level.FEJL}
    return 1 if any(f.level in failing for f in findings) else 0
