"""``kbtools typology AFTALE``: what an agreement points to in CARMA's typology.

Exit codes: 0 shown, 1 the agreement has errors (nothing inferred from invalid data),
2 usage problem or unreadable file.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kbtools.api import CheckResult
    from kbtools.findings import Finding
    from kbtools.typology.views import AgreementView


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
    from kbtools.api import check_file
    from kbtools.typology.views import agreement_view

    result = check_file(args.aftale)
    refusal = _refuse(result)
    if refusal is not None:
        return refusal
    from kbtools.reporting.visible import visible

    for line in agreement_lines(agreement_view(result.data, fallback_title=args.aftale)):
        print(visible(line))
    return 0


def _refuse(result: CheckResult) -> int | None:
    """The exit code when nothing may be shown (after printing why), else None."""
    from kbtools.api import wrong_kind
    from kbtools.findings import Level
    from kbtools.kinds import AGREEMENT

    errors = [f for f in result.findings if f.level is Level.FEJL]
    if result.document is None:
        _print_findings(errors)
        return 2
    mismatch = wrong_kind(result, AGREEMENT)
    if mismatch is not None:
        _print_findings([mismatch])
        return 2
    if errors:
        _print_findings(errors)
        sys.stderr.write(
            "Aftalen har fejl. Ret dem først; typologien vises ikke for en aftale med fejl.\n"
        )
        return 1
    return None


def _print_findings(findings: list[Finding]) -> None:
    from kbtools.reporting.text import format_finding

    for finding in findings:
        sys.stderr.write(format_finding(finding) + "\n")


def agreement_lines(agreement: AgreementView) -> list[str]:
    """What ``kbtools typology`` prints for an error-free agreement."""
    from kbtools.schemas.titles import fill

    lines = [
        f"Hvad »{agreement.title}« peger på i typologien:",
        "(Et udgangspunkt for en snak i partnerskabet – ikke en vurdering.)",
    ]
    for indication in agreement.indications:
        level = indication.level.name if indication.level is not None else "ikke vist"
        lines += ["", f"{indication.parameter.name}: {level}"]
        lines += [f"  Aftalen viser: {fill(text, readers=False)}" for text in indication.evidence]
        lines += [f"  Mangler: {fill(text, readers=False)}" for text in indication.missing]
    return lines
