"""Command-line entry point: ``kbtools <kommando> …``.

Each subcommand lives in its own module under ``kbtools.commands`` and exposes
``register(subparsers)``; the module must import nothing heavy at import time (no sphinx,
no docutils, no WeasyPrint) so that ``kbtools validate`` starts fast.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import importlib
import io
import os
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
    "kbtools.commands.vurdering",
)

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
    "ignored explicit argument %r": "tager ingen værdi (fik %r)",
    "expected at least one argument": "forventede mindst én værdi",
    "expected at most one argument": "forventede højst én værdi",
    "not allowed with argument %s": "kan ikke bruges sammen med %s",
    "one of the arguments %s is required": "et af disse argumenter mangler: %s",
    "unexpected option string: %s": "uventet valgmulighed: %s",
}


def _danish(message: str) -> str:
    return _ARGPARSE_DA.get(message, message)


argparse._ = _danish  # type: ignore[attr-defined]


class DanishArgumentParser(argparse.ArgumentParser):
    """argparse with Danish error messages and exit code 2 on usage errors."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        from kbtools.reporting.visible import visible

        sys.stderr.write(f"{self.prog}: fejl i kommandoen: {visible(message)}\n")
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


#: Exit code for a bug in kbtools itself (never a traceback; ``KBTOOLS_DEBUG=1`` shows it).
EXIT_INTERNAL = 70


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns its exit code. Never raises, except ``SystemExit`` from
    argparse (``--help``, ``--version`` and usage errors, with exit code 2)."""
    from kbtools.reporting.console import tolerate

    if sys.stdout is None:  # started with standard output closed (``kbtools … >&-``)
        sys.stdout = _closed_output()
    for stream in (sys.stdout, sys.stderr):
        tolerate(stream)
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.run(args)
        sys.stdout.flush()
    except KeyboardInterrupt:
        sys.stderr.write("Afbrudt.\n")
        return 130
    except BrokenPipeError:  # the reader went away (``kbtools validate . | head``)
        _silence_stdout()
        return EXIT_FINDINGS
    except OSError as exc:  # the disk is full, or a path the operating system refuses
        if os.environ.get("KBTOOLS_DEBUG"):
            raise
        _say_os_error(exc)
        return EXIT_USAGE
    except Exception as exc:
        if os.environ.get("KBTOOLS_DEBUG"):
            raise
        sys.stderr.write(
            f"kbtools: uventet fejl i kbtools selv ({type(exc).__name__}). Meld gerne fejlen "
            "til LKS-vidensbasen.\n"
        )
        return EXIT_INTERNAL
    return code


def _say_os_error(error: OSError) -> None:
    """A Danish message for an error from the operating system that no command foresaw.

    One without a file name comes from writing the result (standard output full or closed);
    one with a name is a file or folder the system would not read or write.
    """
    reason = error.strerror or str(error) or type(error).__name__
    if error.filename is None:
        _silence_stdout()  # what could not be written must not fail again at exit
        message = (
            f"resultatet kunne ikke skrives på standard-output ({reason}). Er disken fuld, "
            "eller er uddata lukket? Skriv resultatet et sted med plads, fx i en fil på en "
            "anden disk."
        )
    else:
        message = (
            f"{error.filename}: kan ikke læses eller skrives ({reason}). Kontrollér stien og "
            "adgangen til den."
        )
    with contextlib.suppress(OSError, ValueError):
        from kbtools.reporting.visible import visible

        sys.stderr.write(f"kbtools: {visible(message)}\n")


def _closed_output() -> io.TextIOWrapper:
    """A standard output that fails, as a closed one does, when something is written to it."""

    class Closed(io.RawIOBase):
        def writable(self) -> bool:
            return True

        def write(self, data: object) -> int:
            raise OSError(errno.EBADF, "standard-output er lukket")

    return io.TextIOWrapper(Closed(), encoding="utf-8", write_through=True)  # type: ignore[arg-type]


def _silence_stdout() -> None:
    """Point stdout at the null device, so the interpreter's final flush cannot fail."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
