"""`kbtools render AFTALE --format docx|html|md -o FIL`: a readable agreement to sign."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "render",
        help="lav en læsbar aftale (docx, html eller md) til underskrift",
        description="Laver en læsbar udgave af en partnerskabsaftale. En aftale med fejl "
        "afvises, medmindre --kladde er angivet; så er hver side mærket KLADDE.",
    )
    parser.add_argument("aftale", help="aftalens YAML-fil")
    parser.add_argument("--format", choices=["docx", "html", "md"], required=True)
    parser.add_argument("-o", dest="ud", required=True, metavar="FIL", help="ny fil eller -")
    parser.add_argument("--kladde", action="store_true", help="lav en kladde trods fejl")
    parser.add_argument("--overskriv", action="store_true", help="overskriv en eksisterende fil")
    parser.set_defaults(run=run)


def render_bytes(data: dict[str, Any], fmt: str, draft: bool) -> bytes:
    from kbtools.render.model import build

    doc = build(data, draft)
    if fmt == "docx":
        from kbtools.render.docx_writer import to_docx

        return to_docx(doc)
    from kbtools.render.text_writers import to_html, to_markdown

    return (to_html(doc) if fmt == "html" else to_markdown(doc)).encode("utf-8")


def run(args: argparse.Namespace) -> int:
    from kbtools.checking.run import check_path
    from kbtools.fileio import WriteRefused, write_new_file
    from kbtools.findings import Level
    from kbtools.loading import UNREADABLE, load_path
    from kbtools.reporting.text import report

    source = Path(args.aftale)
    if args.ud == "-" and args.format == "docx":
        print(
            "kbtools render: docx kan ikke skrives til skærmen. Angiv et filnavn med -o.",
            file=sys.stderr,
        )
        return 2
    findings = check_path(source, args.aftale)
    if any(f.code == UNREADABLE for f in findings):
        report(findings, 1, sys.stderr)
        return 2
    errors = [f for f in findings if f.level == Level.FEJL]
    if errors and not args.kladde:
        report(findings, 1, sys.stdout)
        print("Aftalen har fejl og laves ikke. Ret fejlene, eller brug --kladde.", file=sys.stderr)
        return 1
    document, load_findings = load_path(source, display=args.aftale)
    if document is None or not isinstance(document.data, dict):
        report(load_findings or findings, 1, sys.stderr)
        return 2 if document is None else 1
    content = render_bytes(document.data, args.format, bool(errors))
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
