"""``kbtools typology AFTALE``: what an agreement points to in CARMA's typology.

Exit codes: 0 shown, 1 the agreement has errors (nothing inferred from invalid data),
2 usage problem or unreadable file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "typology",
        help="vis hvad en partnerskabsaftale peger på i typologien",
        description=(
            "Læs en partnerskabsaftale og vis for hver af typologiens otte parametre, hvilket "
            "niveau (kantinen, klubben, kompagniet) aftalens indhold peger på, og hvad der "
            "mangler for at nå næste niveau. Afslutningskode: 0 vist, 1 aftalen har fejl, "
            "2 forkert brug eller ulæselig fil."
        ),
    )
    parser.add_argument("aftale", metavar="AFTALE", help="YAML-fil med partnerskabsaftalen")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from kbtools.checking.run import check_path
    from kbtools.findings import Level
    from kbtools.loading import UNREADABLE, load_path
    from kbtools.reporting.text import format_finding
    from kbtools.typology import load_typology
    from kbtools.typology.inference import infer

    path = Path(args.aftale)
    if not path.is_file():
        sys.stderr.write(f"kbtools typology: Filen »{args.aftale}« findes ikke.\n")
        return 2
    findings = check_path(path, args.aftale)
    errors = [f for f in findings if f.level is Level.FEJL]
    for finding in errors:
        sys.stderr.write(format_finding(finding) + "\n")
    if any(f.code == UNREADABLE for f in findings):
        return 2
    document, _ = load_path(path, display=args.aftale)
    if document is None:
        return 2
    if document.data.get("skema") != "partnerskabsaftale/1":
        sys.stderr.write(
            f"kbtools typology: {args.aftale} er ikke en partnerskabsaftale "
            "(skema: partnerskabsaftale/1).\n"
        )
        return 2
    if errors:
        sys.stderr.write(
            "Aftalen har fejl. Ret dem først; typologien vises ikke for en aftale med fejl.\n"
        )
        return 1
    typology = load_typology()
    names = {parameter.id: parameter.name for parameter in typology.parameters}
    print(f"Hvad »{document.data.get('titel', args.aftale)}« peger på i typologien:")
    print("(Et udgangspunkt for en snak i partnerskabet – ikke en vurdering.)")
    for indication in infer(document.data):
        level = typology.level(indication.level).name if indication.level else "ikke vist"
        print(f"\n{names[indication.parameter]}: {level}")
        for evidence in indication.evidence:
            print(f"  Aftalen viser: {evidence}")
        for missing in indication.missing:
            print(f"  Mangler: {missing}")
    return 0
