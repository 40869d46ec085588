"""``kbtools typology AFTALE``: what an agreement points to in CARMA's typology.

Exit codes: 0 shown, 1 the agreement has errors (nothing inferred from invalid data),
2 usage problem or unreadable file.
"""

from __future__ import annotations

import argparse
import sys
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
    from kbtools.api import check_file, wrong_kind
    from kbtools.findings import Level
    from kbtools.kinds import AGREEMENT
    from kbtools.reporting.text import format_finding
    from kbtools.typology import load_typology
    from kbtools.typology.inference import infer

    result = check_file(args.aftale)
    errors = [f for f in result.findings if f.level is Level.FEJL]
    if result.document is None:
        for finding in errors:
            sys.stderr.write(format_finding(finding) + "\n")
        return 2
    mismatch = wrong_kind(result, AGREEMENT)
    if mismatch is not None:
        sys.stderr.write(format_finding(mismatch) + "\n")
        return 2
    if errors:
        for finding in errors:
            sys.stderr.write(format_finding(finding) + "\n")
        sys.stderr.write(
            "Aftalen har fejl. Ret dem først; typologien vises ikke for en aftale med fejl.\n"
        )
        return 1
    data = result.data
    typology = load_typology()
    names = {parameter.id: parameter.name for parameter in typology.parameters}
    print(f"Hvad »{data.get('titel', args.aftale)}« peger på i typologien:")
    print("(Et udgangspunkt for en snak i partnerskabet – ikke en vurdering.)")
    for indication in infer(data):
        level = typology.level(indication.level).name if indication.level else "ikke vist"
        print(f"\n{names[indication.parameter]}: {level}")
        for evidence in indication.evidence:
            print(f"  Aftalen viser: {evidence}")
        for missing in indication.missing:
            print(f"  Mangler: {missing}")
    return 0
