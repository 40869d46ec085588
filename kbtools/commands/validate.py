"""``kbtools validate STI…``: check agreements and assessments, files or whole folders."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

FORMAT_CHOICES = ("auto", "text", "json", "github")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "validate",
        help="kontrollér partnerskabsaftaler og typologivurderinger",
        description=(
            "Kontrollér YAML-filer med partnerskabsaftaler og typologivurderinger. "
            "Mapper gennemgås rekursivt (*.yaml og *.yml). Afslutningskode: 0 gyldig, "
            "1 fejl (med --strict også advarsler), 2 forkert brug eller ulæselig fil."
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


def discover(paths: list[str]) -> tuple[list[tuple[Path, str]], list[str]]:
    """Files to check (path, display name) and Danish usage problems."""
    files: list[tuple[Path, str]] = []
    problems: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file()
            )
            if not found:
                problems.append(f"{raw}: mappen indeholder ingen YAML-filer (*.yaml, *.yml).")
            files.extend((p, str(p)) for p in found)
        elif path.exists() or path.is_symlink():
            files.append((path, raw))
        else:
            problems.append(f"{raw}: filen eller mappen findes ikke.")
    return files, problems


def run(args: argparse.Namespace) -> int:
    from kbtools.api import check_file
    from kbtools.findings import Level
    from kbtools.reporting import pick

    files, problems = discover(args.paths)
    for problem in problems:
        sys.stderr.write(f"kbtools validate: {problem}\n")
    results = [check_file(path, display) for path, display in files]
    findings = [finding for result in results for finding in result.findings]
    pick(args.format)(findings, len(files), sys.stdout)
    if problems or any(result.unreadable for result in results):
        return 2
    failing = {Level.FEJL, Level.ADVARSEL} if args.strict else {Level.FEJL}
    return 1 if any(f.level in failing for f in findings) else 0
