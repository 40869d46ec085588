"""`kbtools diff GAMMEL NY`: what changed between two versions of an agreement.

Exit codes: 0 nothing changed, 1 something changed, 2 a file could not be read or is not an
agreement (the loader's findings are printed as ``file:line:col: fejl [kode] besked``).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

AGREEMENT_SKEMA = "partnerskabsaftale/1"


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "diff",
        help="vis, hvad der er ændret mellem to versioner af en aftale",
        description=(
            "Viser på almindeligt dansk, hvad der er ændret mellem to versioner af en "
            "partnerskabsaftale: parter, tid, budget, mål, tekster og underskrifter. "
            "Afslutningskode 0: ingen ændringer, 1: der er ændringer, 2: en fil kunne ikke læses."
        ),
    )
    parser.add_argument("gammel", metavar="GAMMEL", help="den tidligere version (YAML-fil)")
    parser.add_argument("ny", metavar="NY", help="den nye version (YAML-fil)")
    parser.set_defaults(run=run)


def _load(raw: str) -> tuple[Any, list[str]]:
    """The file's data, or None and the Danish lines saying why it cannot be compared."""
    from pathlib import Path

    from kbtools.findings import Level
    from kbtools.loading import load_path

    document, findings = load_path(Path(raw), display=raw)
    lines = [
        f"{f.file}:{f.line}:{f.column}: {f.level} [{f.code}] {f.message}"
        for f in findings
        if f.level == Level.FEJL
    ]
    if lines or document is None:
        return None, lines or [f"{raw}:1:1: fejl [fil-ulaeselig] Filen kunne ikke læses."]
    skema = document.data.get("skema") if isinstance(document.data, dict) else None
    if skema != AGREEMENT_SKEMA:
        position = document.position_of(("skema",))
        found = f"»{skema}«" if isinstance(skema, str) else "ingen linje »skema:«"
        return None, [
            f"{raw}:{position.line}:{position.column}: fejl [diff-ikke-aftale] "
            f"Filen er ikke en partnerskabsaftale (fandt {found}). "
            f"kbtools diff sammenligner kun filer med »skema: {AGREEMENT_SKEMA}«."
        ]
    return document.data, []


def run(args: argparse.Namespace) -> int:
    from kbtools.danish import plural
    from kbtools.diff import diff_agreements

    old, old_problems = _load(args.gammel)
    new, new_problems = _load(args.ny)
    problems = old_problems + new_problems
    if problems:
        for line in problems:
            print(line, file=sys.stderr)
        print("Filerne kan ikke sammenlignes, før fejlene er rettet.", file=sys.stderr)
        return 2
    changes = diff_agreements(old, new)
    if not changes:
        print(f"Ingen ændringer mellem {args.gammel} og {args.ny}.")
        return 0
    print(f"Ændringer fra {args.gammel} til {args.ny}:")
    for change in changes:
        print(f"- {change.text}")
    print(plural(len(changes), "ændring", "ændringer") + " i alt.")
    return 1
