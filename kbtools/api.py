"""The public check API that every front end calls: the CLI, the Sphinx extension, the browser.

``check_file(path)`` and ``check_bytes(data, name)`` read and parse a file once, find its kind
from ``skema:``, run the kind's schema and rules, and return a :class:`CheckResult` holding the
parsed document, the kind and the findings, sorted as the CLI prints them. They never raise:
every problem, even a bug in a rule, comes back as a finding, so one bad file never stops the
others. Only pure-Python code runs here, so the same check can run in a browser (Pyodide).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any

from kbtools import kinds
from kbtools.checking.context import AgreementChoice, Context
from kbtools.checking.rules.placeholders import CODES as PLACEHOLDER_CODES
from kbtools.checking.schema import check_schema
from kbtools.checking.schema_codes import TYPE
from kbtools.checking.suggest import suggest
from kbtools.danish import describe_value
from kbtools.findings import Code, Finding, Level, sort_findings
from kbtools.kinds import Kind
from kbtools.loading import Document, load_bytes, load_path
from kbtools.loading.codes import AMBIGUOUS_NUMBER, DECIMAL_COMMA, LARGE_NUMBER, UNREADABLE
from kbtools.loading.yamlsource import LOAD_HELP
from kbtools.schemas.titles import title_at

#: The page that explains ``skema:`` and the file kinds (the same page as for loading).
KIND_HELP = LOAD_HELP

NO_SKEMA = Code(
    "skema-linje-mangler",
    Level.FEJL,
    "Filen har ingen »skema:«-linje, så kbtools ved ikke, hvilken slags fil det er.",
    "Filen har ingen »skema:«-linje, så den kan ikke kontrolleres. Skriv fx »skema: "
    "partnerskabsaftale/1« øverst. …",
)
UNKNOWN_SKEMA = Code(
    "skema-ukendt",
    Level.FEJL,
    "Værdien af »skema:« er ikke et af de skemaer, kbtools kender.",
    "Skemaet »partnerskabsaftale/2« kendes ikke. Mente du »partnerskabsaftale/1«?",
)
WRONG_KIND = Code(
    "skema-forkert-slags",
    Level.FEJL,
    "Kommandoen arbejder kun med én slags fil (fx partnerskabsaftaler), og filen er en anden.",
    "Filen er ikke en partnerskabsaftale (fandt »typologivurdering/1«).",
)
INTERNAL = Code(
    "intern-fejl",
    Level.FEJL,
    "Kontrollen stødte på en fejl i kbtools selv. Filen er ikke kontrolleret færdig; meld "
    "gerne fejlen til LKS-vidensbasen.",
    "Kontrollen stødte på en uventet fejl (KeyError). …",
)

CODES = (NO_SKEMA, UNKNOWN_SKEMA, WRONG_KIND, INTERNAL)


@dataclass(frozen=True)
class CheckResult:
    """What checking one file found.

    ``document`` is None when the file could not be loaded at all; ``kind`` is None when the
    file has no known ``skema:``. ``findings`` are sorted as every front end shows them.
    """

    file: str
    document: Document | None
    kind: Kind | None
    findings: tuple[Finding, ...]

    @property
    def data(self) -> Any:
        """The plain data (None when the file could not be loaded)."""
        return self.document.data if self.document is not None else None

    @property
    def unreadable(self) -> bool:
        """True when the file could not be read at all (missing, a folder, no access …)."""
        return any(f.code == UNREADABLE.id for f in self.findings)

    @property
    def has_errors(self) -> bool:
        return any(f.level is Level.FEJL for f in self.findings)

    @property
    def placeholders(self) -> tuple[Finding, ...]:
        """The template's placeholders still in the file (texts to fill in)."""
        ids = {code.id for code in PLACEHOLDER_CODES}
        return tuple(f for f in self.findings if f.code in ids)

    @property
    def is_draft(self) -> bool:
        """True when an agreement can only be rendered as a draft (marked KLADDE): it has
        errors or placeholders left. ``kbtools render`` and the builder both ask this."""
        return self.has_errors or bool(self.placeholders)


def check_file(
    path: str | Path, display: str | None = None, *, today: dt.date | None = None
) -> CheckResult:
    """Check the file at ``path``; ``display`` is the name findings show (default: the path).

    ``today`` is the reference date of the checks that depend on it (an agreement that runs
    out); default today. A follow-up is checked against the agreement in its folder.
    """
    name = display if display is not None else str(path)
    document, findings = load_path(Path(path), display=name)
    folder = (Path(path).parent, Path(name).parent)
    return _check(name, document, findings, _Given(today, folder=folder))


def check_bytes(
    data: bytes,
    name: str,
    *,
    today: dt.date | None = None,
    folder: Path | None = None,
    agreements: Iterable[tuple[str, bytes]] | None = None,
) -> CheckResult:
    """Check a file's content given as bytes; ``name`` is the file name findings show.

    ``today`` is the reference date (default today). A follow-up is checked against
    ``agreements`` (files given as (name, content), e.g. by the browser) or else against the
    agreements in ``folder`` (where the file lies on disk, named as ``name``'s folder).
    """
    document, findings = load_bytes(data, name)
    given = _Given(
        today,
        folder=None if folder is None else (folder, Path(name).parent),
        agreements=None if agreements is None else tuple(agreements),
    )
    return _check(name, document, findings, given)


@dataclass(frozen=True)
class _Given:
    """What a front end told the check besides the file (see :func:`check_bytes`)."""

    today: dt.date | None = None
    folder: tuple[Path, Path] | None = None  # (where it is, how it is shown)
    agreements: tuple[tuple[str, bytes], ...] | None = None

    def context(self, document: Document, kind: Kind) -> Context:
        today = self.today or dt.date.today()
        if kind is not kinds.FOLLOWUP:
            return Context(today)
        from kbtools.kinds import followup_agreement as lookup

        year = document.data.get("år")
        if self.agreements is not None:
            found = lookup.agreements_from_texts(self.agreements)
            return Context(today, lookup.choose_agreement(found, year))
        if self.folder is not None:
            found = lookup.agreements_in_folder(*self.folder)
            return Context(today, lookup.choose_agreement(found, year))
        return Context(today, AgreementChoice())


def _check(
    name: str, document: Document | None, findings: list[Finding], given: _Given | None = None
) -> CheckResult:
    if document is None:
        return CheckResult(name, None, None, tuple(sort_findings(findings)))
    kind, problem = kind_of(document)
    if problem is not None:
        findings.append(problem)
    if kind is not None:
        numbers = (AMBIGUOUS_NUMBER.id, LARGE_NUMBER.id, DECIMAL_COMMA.id)
        told = {(f.line, f.column) for f in findings if f.code in numbers}
        context = (given or _Given()).context(document, kind)
        findings.extend(
            finding
            for finding in check_document(document, kind, context)
            # the loader already explained why »10.000«, »1.0e999« or »7,5« is not a number
            if not (finding.code == TYPE.id and (finding.line, finding.column) in told)
        )
        findings = [_with_title(finding, kind) for finding in findings]
    return CheckResult(name, document, kind, tuple(sort_findings(findings)))


def _with_title(finding: Finding, kind: Kind) -> Finding:
    """``finding`` with the title of the element it is about, read from the kind's schema."""
    if finding.title or not finding.path:
        return finding
    title = title_at(kind.schema, finding.path)
    return replace(finding, title=title) if title else finding


def kind_of(document: Document) -> tuple[Kind | None, Finding | None]:
    """The file's kind from its ``skema:`` key, or a finding saying why it has none."""
    skema = document.data.get("skema")
    known = ", ".join(f"»{kind.skema}«" for kind in kinds.KINDS)
    if skema is None:
        position = document.position_of(())
        message = (
            f"Filen har ingen »skema:«-linje, så den kan ikke kontrolleres. Skriv fx "
            f"»skema: {kinds.AGREEMENT.skema}« øverst. Kendte skemaer: {known}."
        )
        return None, NO_SKEMA.finding(
            document.file, position.line, position.column, message, help_url=KIND_HELP
        )
    kind = kinds.by_skema(skema)
    if kind is None:
        position = document.position_of(("skema",))
        hint = suggest(skema, [k.skema for k in kinds.KINDS]) if isinstance(skema, str) else None
        if isinstance(skema, str):
            message = f"Skemaet »{skema}« kendes ikke."
        else:
            message = f"»skema:« skal være en tekst, men er {describe_value(skema)}."
        message += f" Mente du »{hint}«?" if hint else f" Kendte skemaer: {known}."
        return None, UNKNOWN_SKEMA.finding(
            document.file,
            position.line,
            position.column,
            message,
            help_url=KIND_HELP,
            path=("skema",),
        )
    return kind, None


def check_document(document: Document, kind: Kind, context: Context | None = None) -> list[Finding]:
    """Schema and rule findings for a loaded document of ``kind`` (with help links);
    ``context`` is the reference date and a follow-up's agreement (default: today, none).

    The schema check and each rule run on their own: a bug in one of them becomes an
    ``intern-fejl`` finding and never hides what the others found.
    """
    findings: list[Finding] = []
    steps: list[Callable[[], Iterable[Finding]]] = [
        partial(check_schema, document, kind.schema_name),
        *(partial(rule.check, document, kind.schema, context or Context()) for rule in kind.rules),
    ]
    for step in steps:
        try:
            findings.extend(step())
        except Exception as exc:  # a checker bug must not hide the other results
            message = (
                f"Kontrollen stødte på en uventet fejl ({type(exc).__name__}). Filen er ikke "
                "kontrolleret færdig; meld gerne fejlen til LKS-vidensbasen."
            )
            findings.append(INTERNAL.finding(document.file, 1, 1, message))
    return [
        finding if finding.help_url else replace(finding, help_url=kind.help_url(finding.path))
        for finding in findings
    ]


def wrong_kind(result: CheckResult, wanted: Kind) -> Finding | None:
    """A finding when a loaded file is not of the kind a command needs (None when it is)."""
    if result.document is None or result.kind is wanted:
        return None
    if result.kind is None:  # no skema: line, or an unknown one: that finding says it best
        problems = (NO_SKEMA.id, UNKNOWN_SKEMA.id)
        found_problem = next((f for f in result.findings if f.code in problems), None)
        if found_problem is not None:
            return found_problem
    found = f"»{result.kind.skema}«" if result.kind else "ingen kendt »skema:«-linje"
    position = result.document.position_of(("skema",))
    return WRONG_KIND.finding(
        result.file,
        position.line,
        position.column,
        f"Filen er ikke en {wanted.label} (fandt {found}). Kommandoen arbejder kun med filer, "
        f"der har »skema: {wanted.skema}«.",
        help_url=KIND_HELP,
        path=("skema",),
    )
