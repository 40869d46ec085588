"""Command-line entry point: ``kbtools <kommando> …``.

Each subcommand lives in its own module under ``kbtools.commands`` and exposes
``register(subparsers)``; the module must import nothing heavy at import time (no sphinx,
no docutils, no python-docx) so that ``kbtools validate`` starts fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from kbtools import __version__

#: Subcommand modules, in the order ``kbtools --help`` lists them.
COMMAND_MODULES = (
    "kbtools.commands.validate",
    "kbtools.commands.new",
    "kbtools.commands.render",
    "kbtools.commands.diff",
    "kbtools.commands.typology",
)

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


#: argparse's own texts in Danish (argparse looks them up through its module-level ``_``).
_ARGPARSE_DA = {
    "usage: ": "brug: ",
    "positional arguments": "argumenter",
    "options": "valgmuligheder",
    "show this help message and exit": "vis denne hjælp og afslut",
    "show program's version number and exit": "vis versionsnummeret og afslut",
    "the following arguments are required: %s": "disse argumenter mangler: %s",
    "unrecognized arguments: %s": "ukendte argumenter: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ugyldigt valg: %(value)r (vælg mellem %(choices)s)"
    ),
    "expected one argument": "forventede én værdi",
    "ambiguous option: %(option)s could match %(matches)s": (
        "tvetydig valgmulighed: %(option)s kan betyde %(matches)s"
    ),
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "invalid %(type)s value: %(value)r": "ugyldig værdi: %(value)r",
}


def _danish(message: str) -> str:
    return _ARGPARSE_DA.get(message, message)


argparse._ = _danish  # type: ignore[attr-defined]


class DanishArgumentParser(argparse.ArgumentParser):
    """argparse with Danish error messages and exit code 2 on usage errors."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"{self.prog}: fejl i kommandoen: {message}\n")
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = DanishArgumentParser(
        prog="kbtools",
        description="Værktøjer til LKS-vidensbasen: validér, opret og vis partnerskabsaftaler.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"kbtools {__version__}",
        help="vis versionsnummeret og afslut",
    )
    subparsers = parser.add_subparsers(
        dest="command", metavar="KOMMANDO", parser_class=DanishArgumentParser
    )
    subparsers.required = True
    for name in COMMAND_MODULES:
        module = importlib.import_module(name)
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.run(args)
    except KeyboardInterrupt:
        sys.stderr.write("Afbrudt.\n")
        return 130
    return code


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
