"""`kbtools render AFTALE --format docx|html|md -o FIL`: a readable agreement to sign."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kbtools.render import FORMATS


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "render",
        help="lav en læsbar aftale (docx, html eller md) til underskrift",
        description="Laver en læsbar udgave af en partnerskabsaftale. En aftale med fejl "
        "afvises, medmindre --kladde er angivet; så er hver side mærket KLADDE.",
    )
    parser.add_argument("aftale", help="aftalens YAML-fil")
    parser.add_argument("--format", choices=FORMATS, required=True)
    parser.add_argument("-o", dest="ud", required=True, metavar="FIL", help="ny fil eller -")
    parser.add_argument("--kladde", action="store_true", help="lav en kladde trods fejl")
    parser.add_argument("--overskriv", action="store_true", help="overskriv en eksisterende fil")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from kbtools.api import check_file, wrong_kind
    from kbtools.fileio import WriteRefused, write_new_file
    from kbtools.findings import Level
    from kbtools.kinds import AGREEMENT
    from kbtools.render import render_agreement
    from kbtools.reporting.text import report

    if args.ud == "-" and args.format == "docx":
        print(
            "kbtools render: docx kan ikke skrives til skærmen. Angiv et filnavn med -o.",
            file=sys.stderr,
        )
        return 2
    result = check_file(args.aftale)
    if result.document is None:
        report(result.findings, 1, sys.stderr)
        return 2
    mismatch = wrong_kind(result, AGREEMENT)
    if mismatch is not None:
        report([mismatch], 1, sys.stderr)
        return 2
    errors = [f for f in result.findings if f.level == Level.FEJL]
    if errors and not args.kladde:
        report(result.findings, 1, sys.stdout)
        print("Aftalen har fejl og laves ikke. Ret fejlene, eller brug --kladde.", file=sys.stderr)
        return 1
    content = render_agreement(result.data, args.format, bool(errors))
    if args.ud == "-":
        sys.stdout.write(content.decode("utf-8"))
        return 0
    target = Path(args.ud)
    try:
        if args.overskriv and target.is_file():
            target.unlink()
        write_new_file(target, content)
    except WriteRefused as refused:
        hint = " Brug --overskriv for at erstatte den." if "findes allerede" in str(refused) else ""
        print(f"kbtools render: {refused}{hint}", file=sys.stderr)
        return 2
    print(f"Skrev {args.ud}{' (KLADDE)' if errors else ''}.")
    return 0
