"""`kbtools new aftale PATH`: a new agreement from the schema-generated template."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "new",
        help="opret en ny partnerskabsaftale ud fra skabelonen",
        description="Opretter en ny partnerskabsaftale ud fra skabelonen. "
        "Brug - som sti for at skrive skabelonen til skærmen.",
    )
    parser.add_argument("art", choices=["aftale"], help="hvad der skal oprettes: aftale")
    parser.add_argument("sti", help="den nye fil, fx aftale.yaml, eller - for skærmen")
    parser.add_argument(
        "--part",
        action="append",
        default=[],
        metavar="NAVN:SYSTEM",
        help='en part, fx "Jobcenter Eksempelby:beskæftigelse" (kan gentages)',
    )
    parser.add_argument("--titel", help="aftalens titel")
    parser.set_defaults(run=run)


def parse_parts(specs: list[str]) -> tuple[list[Any], str | None]:
    """Parties from `NAVN:SYSTEM` texts; the system is after the last colon."""
    from kbtools.template import Party, party_id, systems

    allowed = systems()
    parties: list[Any] = []
    taken: set[str] = set()
    for spec in specs:
        name, sep, system = spec.rpartition(":")
        name, system = name.strip(), system.strip()
        if not sep or not name:
            return [], (
                f"--part »{spec}«: skriv navn og system adskilt af kolon, fx "
                '"Jobcenter Eksempelby:beskæftigelse". Systemet er et af: '
                f"{_one_of(allowed)}."
            )
        if system not in allowed:
            return [], (
                f"--part »{spec}«: systemet »{system}« findes ikke. Vælg et af: {_one_of(allowed)}."
            )
        hidden = invisible_problem(name)
        if hidden:
            return [], f"--part »{spec}«: navnet indeholder {hidden}"
        parties.append(Party(party_id(name, taken), name, system))
    return parties, None


def invisible_problem(text: str) -> str | None:
    """Why ``text`` (a name or a title typed on the command line) cannot be used as it is, or
    None. A character one cannot see would end up in the agreement and in the signed
    document: a line break, a right-to-left override that shows the name in another order
    than it is stored, a soft hyphen or a non-breaking space. Refused rather than removed, so
    the name in the file is exactly the name the user sees and typed."""
    import unicodedata

    from kbtools.loading.text import FORBIDDEN, INVISIBLE, describe, remedy

    for position, char in enumerate(text, start=1):
        category = unicodedata.category(char)
        if (
            FORBIDDEN.match(char)
            or INVISIBLE.match(char)
            or category in ("Cc", "Cf", "Zl", "Zp")
            or (category == "Zs" and char != " ")
        ):
            return (
                f"{describe(char)} som tegn nr. {position}. Det kan ikke ses, men det kommer "
                f"med i aftalen. {remedy(char)} Skriv gerne teksten igen i stedet for at kopiere "
                "den."
            )
    return None


def _one_of(values: list[str]) -> str:
    """['a', 'b', 'c'] → 'a, b eller c'."""
    return ", ".join(values[:-1]) + " eller " + values[-1] if len(values) > 1 else "".join(values)


def run(args: argparse.Namespace) -> int:
    from kbtools.fileio import WriteRefused, write_new_file
    from kbtools.reporting.visible import visible
    from kbtools.template import DEFAULT_PARTIES, render_template

    parties, problem = parse_parts(args.part)
    hidden = invisible_problem(args.titel) if args.titel is not None else None
    if hidden:
        problem = f"--titel »{args.titel}«: titlen indeholder {hidden}"
    if problem:
        print(visible(f"kbtools new: {problem}"), file=sys.stderr)
        return 2
    text = render_template(parties or DEFAULT_PARTIES, args.titel)
    if args.sti == "-":
        sys.stdout.write(text)
        return 0
    try:
        write_new_file(Path(args.sti), text.encode("utf-8"))
    except WriteRefused as refused:  # an existing file is never replaced: no --overskriv here
        print(visible(f"kbtools new: {refused}"), file=sys.stderr)
        return 2
    print(visible(f"Oprettede {args.sti}.") + " Udfyld teksterne, der begynder med »Skriv«.")
    return 0
