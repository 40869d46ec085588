"""`kbtools render AFTALE --format docx|pdf|html|md -o FIL`: a readable agreement to sign.

Given a follow-up (``skema: opfølgning/1``) instead, it makes the steering group's status
note for that year, with the agreement and the typology assessments in the same folder
(:mod:`kbtools.render.note_sources`). The same rules hold for both:
a file with errors, or with placeholders from the template still in it, is refused
unless ``--kladde`` is given; then every page is marked KLADDE. The output is never the input:
``-o`` naming the agreement itself (by any path or link) is refused, even with ``--overskriv``.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kbtools.render import FORMATS

if TYPE_CHECKING:
    from kbtools.api import CheckResult

PROG = "kbtools render"


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "render",
        help="lav en læsbar aftale (docx, pdf, html eller md) til underskrift, eller et "
        "statusnotat ud fra en opfølgning",
        description="Laver en læsbar udgave af en partnerskabsaftale, eller styregruppens "
        "statusnotat ud fra en opfølgning (med aftalen og typologivurderingerne i samme "
        "mappe). En fil med fejl eller med pladsholdere fra skabelonen afvises, medmindre "
        "--kladde er angivet; så er hver side mærket KLADDE. Filen selv bliver aldrig "
        "overskrevet.",
    )
    parser.add_argument("aftale", help="aftalens eller opfølgningens YAML-fil")
    parser.add_argument("--format", choices=FORMATS, required=True)
    parser.add_argument("-o", dest="ud", required=True, metavar="FIL", help="ny fil eller -")
    parser.add_argument(
        "--kladde", action="store_true", help="lav en kladde trods fejl eller pladsholdere"
    )
    parser.add_argument("--overskriv", action="store_true", help="overskriv en eksisterende fil")
    parser.add_argument(
        "--skabelon",
        metavar="FIL",
        help="en Word-fil (.docx) med jeres egne typografier, sidehoved, sidefod og logo "
        "(PDF og html får logoet og overskrifternes farve)",
    )
    parser.set_defaults(run=run)


def _say(message: str) -> None:
    from kbtools.reporting.visible import visible

    sys.stderr.write(f"{PROG}: {visible(message)}\n")


def run(args: argparse.Namespace) -> int:
    from kbtools.api import check_file
    from kbtools.fileio import same_file

    if (cannot := _cannot_write(args)) is not None:
        return cannot
    if args.ud != "-" and same_file(Path(args.ud), Path(args.aftale)):
        _say(
            f"{args.ud} er den fil, dokumentet laves ud fra, og den bliver aldrig overskrevet. "
            f"Vælg et andet filnavn til resultatet, fx {Path(args.aftale).stem}.{args.format}."
        )
        return 2
    letterhead = _letterhead(args.skabelon, args.format) if args.skabelon else None
    if isinstance(letterhead, int):
        return letterhead
    result = check_file(args.aftale)
    refusal = _refuse(result, kladde=args.kladde)
    if refusal is not None:
        return refusal
    draft = result.is_draft
    try:
        content = _render(result, Path(args.aftale), args.format, letterhead)
    except Exception as exc:  # never a traceback; and never blame the file for our own bug
        if os.environ.get("KBTOOLS_DEBUG"):
            raise
        return _render_failed(type(exc).__name__, args.format, broken=result.has_errors)
    if args.ud == "-":
        sys.stdout.write(content.decode("utf-8"))
        return 0
    written = _write(Path(args.ud), content, args.overskriv, Path(args.aftale))
    if written:
        from kbtools.reporting.visible import visible

        print(visible(f"Skrev {args.ud}{' (KLADDE)' if draft else ''}."))
    return 0 if written else 2


def _render(result: CheckResult, path: Path, fmt: str, letterhead: bytes | None) -> bytes:
    """The agreement, or the follow-up's status note with what its folder holds."""
    from kbtools.kinds import FOLLOWUP
    from kbtools.render import render_agreement, render_note

    if result.kind is FOLLOWUP:
        from kbtools.render.note_sources import folder_files, note_sources

        sources = note_sources(result.data, folder_files(path))
        return render_note(result.data, sources, fmt, result.is_draft, letterhead)
    return render_agreement(result.data, fmt, result.is_draft, letterhead)


def _cannot_write(args: argparse.Namespace) -> int | None:
    """The exit code when the format cannot be written where asked, after saying why."""
    if args.ud == "-" and args.format in ("docx", "pdf"):
        _say(f"{args.format} kan ikke skrives til skærmen. Angiv et filnavn med -o.")
        return 2
    if args.format == "pdf":
        from kbtools.render.pdf_writer import engine_problem

        problem = engine_problem()
        if problem is not None:
            _say(problem)
            return 2
    return None


def _letterhead(path: str, fmt: str) -> bytes | int:
    """The user's Word file for ``--skabelon``, or the exit code after saying what is wrong."""
    from kbtools.render.docx_letterhead import LetterheadError, read
    from kbtools.render.docx_parts import STYLES

    if fmt == "md":
        _say("--skabelon bruges med --format docx, pdf eller html (ikke md).")
        return 2
    try:
        content = Path(path).read_bytes()
        read(content, STYLES)
    except OSError as exc:
        _say(f"Skabelonen {path} kunne ikke læses ({exc.strerror or exc}).")
        return 2
    except LetterheadError as exc:
        _say(f"{path}: {exc}")
        return 2
    return content


def _render_failed(error: str, fmt: str, *, broken: bool) -> int:
    """Say why nothing was written. Only a draft of an agreement with errors may fail because
    of the file; a valid agreement that cannot be laid out is a bug in kbtools (exit 70)."""
    if broken:
        _say(
            f"Kladden kunne ikke laves ({error}). Aftalen har fejl, som kbtools validate viser; "
            "ret dem, og prøv igen. Sker det stadig, er det en fejl i kbtools: meld den gerne "
            "til LKS-vidensbasen."
        )
        return 1
    _say(
        f"{fmt}-filen kunne ikke laves på grund af en fejl i kbtools selv ({error}). Aftalen "
        "har ingen fejl. Prøv et andet format (fx --format html), og meld gerne fejlen til "
        "LKS-vidensbasen."
    )
    from kbtools.cli import EXIT_INTERNAL

    return EXIT_INTERNAL


def _refuse(result: CheckResult, *, kladde: bool) -> int | None:
    """The exit code when nothing may be rendered (after saying why), else None."""
    from kbtools.api import wrong_kind
    from kbtools.danish import plural
    from kbtools.kinds import AGREEMENT, FOLLOWUP
    from kbtools.reporting.text import report

    if result.document is None:
        report(result.findings, 1, sys.stderr)
        return 2
    mismatch = None if result.kind is FOLLOWUP else wrong_kind(result, AGREEMENT)
    if mismatch is not None:
        report([mismatch], 1, sys.stderr)
        _say(
            f"kbtools render laver også et statusnotat ud fra en opfølgning (»skema: "
            f"{FOLLOWUP.skema}«)."
        )
        return 2
    if kladde:
        return None
    if result.has_errors:
        report(result.findings, 1, sys.stdout)
        if result.kind is FOLLOWUP:
            _say("Opfølgningen har fejl, så notatet laves ikke. Ret fejlene, eller brug --kladde.")
        else:
            _say("Aftalen har fejl og laves ikke. Ret fejlene, eller brug --kladde.")
        return 1
    left = list(result.placeholders)
    if left:
        report(left, 1, sys.stdout)
        lines = sorted({f.line for f in left})
        count = plural(len(left), "pladsholder", "pladsholdere")
        subject = "Opfølgningen" if result.kind is FOLLOWUP else "Aftalen"
        _say(
            f"{subject} er ikke udfyldt færdig: {count} fra skabelonen står der stadig (linje "
            f"{_line_list(lines)}). Udfyld dem, eller brug --kladde for at lave en kladde."
        )
        return 1
    return None


def _line_list(lines: list[int], shown: int = 12) -> str:
    from kbtools.danish import format_list

    text = [str(line) for line in lines[:shown]]
    if len(lines) > shown:
        return ", ".join(text) + " …"
    return format_list(text)


def _write(target: Path, content: bytes, overwrite: bool, source: Path) -> bool:
    from kbtools.fileio import TargetExists, WriteRefused, write_file

    try:
        write_file(target, content, overwrite=overwrite, inputs=[source])
    except TargetExists as refused:
        _say(f"{refused} Brug --overskriv for at erstatte den.")
        return False
    except WriteRefused as refused:
        _say(str(refused))
        return False
    return True
