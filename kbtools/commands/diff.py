"""`kbtools diff GAMMEL NY`: what changed between two versions of an agreement.

Exit codes: 0 nothing changed, 1 something changed, 2 a file could not be read or is not an
agreement (the loader's findings are printed as ``file:line:col: fejl [kode] besked``).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any


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
    from kbtools.api import check_file, wrong_kind
    from kbtools.findings import Level
    from kbtools.kinds import AGREEMENT
    from kbtools.loading import codes
    from kbtools.reporting.text import format_finding

    result = check_file(raw)
    load_errors = [
        f
        for f in result.findings
        if f.level == Level.FEJL and f.code in {code.id for code in codes.CODES}
    ]
    if result.document is None or load_errors:
        return None, [format_finding(f) for f in load_errors]
    mismatch = wrong_kind(result, AGREEMENT)
    if mismatch is not None:
        return None, [format_finding(mismatch)]
    return result.data, []


def run(args: argparse.Namespace) -> int:
    from kbtools.danish import plural
    from kbtools.diff import diff_agreements
    from kbtools.reporting.visible import visible

    old, old_problems = _load(args.gammel)
    new, new_problems = _load(args.ny)
    problems = old_problems + new_problems
    if problems:
        for line in problems:
            print(visible(line), file=sys.stderr)
        print("Filerne kan ikke sammenlignes, før fejlene er rettet.", file=sys.stderr)
        return 2
    changes = diff_agreements(old, new)
    if not changes:
        print(visible(f"Ingen ændringer mellem {args.gammel} og {args.ny}."))
        return 0
    print(visible(f"Ændringer fra {args.gammel} til {args.ny}:"))
    for change in changes:
        print(visible(f"- {change.text}"))
    print(plural(len(changes), "ændring", "ændringer") + " i alt.")
    return 1
