"""``kbtools vurdering saml BEDØMMELSE… -o VURDERING.yaml``: one assessment from many ratings.

Every participant's rating file (or a folder of them) is checked; if they are all valid and
from one partnership and date, with each participant once, they are combined into an
assessment that keeps every rating, proposes the group's profile and marks what to discuss
(see :mod:`kbtools.typology.combine`). Exit codes: 0 written, 1 the ratings cannot be combined
(the findings say why), 2 usage problem, unreadable file or a file that would be overwritten.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kbtools.findings import Finding

PROG = "kbtools vurdering saml"
COMMENT = (
    "Samlet med kbtools vurdering saml. Niveauerne under parametre er gruppens forslag;\n"
    "ret dem og begrundelserne, når I har drøftet de parametre, der er markeret med drøftes."
)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "vurdering",
        help="saml deltagernes bedømmelser til én typologivurdering",
        description="Arbejd med typologivurderinger.",
    )
    actions = parser.add_subparsers(dest="handling", metavar="HANDLING")
    actions.required = True
    saml = actions.add_parser(
        "saml",
        help="saml bedømmelser fra ét partnerskab og én dato til én vurdering",
        description=(
            "Samler deltagernes bedømmelser (én fil pr. deltager) fra ét partnerskab og én "
            "dato til én typologivurdering. Vurderingen gemmer hver bedømmelse, foreslår "
            "gruppens profil (medianen af niveauerne; ved lige mange det laveste af de to "
            "midterste) og markerer de parametre, I bør drøfte. Filer fra forskellige "
            "partnerskaber eller datoer og en deltager, der er med to gange, afvises. En "
            "eksisterende fil overskrives kun med --overskriv, og en bedømmelse aldrig. "
            "Afslutningskode: 0 gemt, 1 bedømmelserne kan ikke samles, 2 forkert brug, "
            "ulæselig fil eller en fil, der ikke må overskrives."
        ),
    )
    saml.add_argument(
        "filer",
        nargs="+",
        metavar="BEDØMMELSE",
        help="en deltagers bedømmelse (YAML) eller en mappe med bedømmelser",
    )
    saml.add_argument(
        "-o", dest="ud", required=True, metavar="VURDERING", help="den nye vurdering, eller -"
    )
    saml.add_argument("--overskriv", action="store_true", help="overskriv en eksisterende fil")
    saml.set_defaults(run=run)


def _say(message: str) -> None:
    from kbtools.reporting.visible import visible

    sys.stderr.write(f"{PROG}: {visible(message)}\n")


def input_files(names: list[str]) -> tuple[list[Path], list[Finding]]:
    """The files named, with a folder standing for its YAML files (not below), found as
    ``kbtools validate`` finds them (:mod:`kbtools.walk`: ``.YAML`` too, hidden files such as
    macOS' ``._bedoemmelse.yaml`` never); and the findings for folders that cannot be read."""
    from kbtools.walk import walk

    files: list[Path] = []
    unreadable: list[Finding] = []
    for name in names:
        path = Path(name)
        if os.path.isdir(path):
            found = walk(path, recursive=False)
            files += found.files
            unreadable += found.unreadable
        else:
            files.append(path)  # a file that cannot be read is reported when it is checked
    return files, unreadable


def run(args: argparse.Namespace) -> int:
    from kbtools.api import check_file
    from kbtools.danish import plural
    from kbtools.fileio import WriteRefused, write_file
    from kbtools.reporting.text import report
    from kbtools.typology.combine import combine
    from kbtools.yaml_writer import to_yaml

    files, unreadable = input_files(args.filer)
    if unreadable:
        report(unreadable, len(files), sys.stderr)
        _say(
            "bedømmelserne er ikke samlet, fordi en mappe ikke kan læses (se ovenfor). Giv "
            "adgang til den, eller angiv bedømmelsernes filer enkeltvis."
        )
        return 2
    if not files:
        _say("der er ingen YAML-filer at samle. Angiv bedømmelsernes filer eller mappe.")
        return 2
    results = [check_file(file) for file in files]
    if any(result.unreadable for result in results):
        report([f for r in results for f in r.findings if r.unreadable], len(files), sys.stderr)
        return 2
    combined = combine(results)
    if combined.data is None:
        report(combined.findings, len(files), sys.stderr)
        _say("bedømmelserne er ikke samlet. Ret det, der står ovenfor, og prøv igen.")
        return 1
    if combined.findings:
        report(combined.findings, len(files), sys.stderr)
    text = to_yaml(combined.data, COMMENT)
    if args.ud == "-":
        sys.stdout.write(text)
        return 0
    try:
        write_file(Path(args.ud), text.encode("utf-8"), overwrite=args.overskriv, inputs=files)
    except WriteRefused as refused:
        hint = " Brug --overskriv for at erstatte den." if "findes allerede" in str(refused) else ""
        _say(f"{refused}{hint}")
        return 2
    discuss = sum(1 for item in combined.data["parametre"] if item.get("drøftes"))
    from kbtools.reporting.visible import visible
    from kbtools.typology.ratings import DISCUSS_RULE

    # the rule behind the marks is said where they are counted (the page says it too)
    print(
        f"Skrev {visible(args.ud)}: {plural(len(results), 'bedømmelse', 'bedømmelser')} samlet; "
        f"{discuss} af {len(combined.data['parametre'])} parametre bør drøftes."
        + (f" {DISCUSS_RULE}" if discuss else "")
    )
    return 0
