"""Validate one file: load it, find its kind by ``skema:``, check schema and rules.

Never raises: every problem, even an unexpected one, comes back as a finding, so one bad file
never stops the others.
"""

from __future__ import annotations

from pathlib import Path

from kbtools.checking.kinds import KINDS, Kind
from kbtools.checking.schema import check_schema, suggest
from kbtools.findings import Finding, Level, docs_url
from kbtools.loading import Document, load_path

_SORT_LEVEL = {Level.FEJL: 0, Level.ADVARSEL: 1, Level.ANBEFALING: 2}


def check_path(path: Path, display: str | None = None) -> list[Finding]:
    """All findings for the file at ``path`` (sorted by position)."""
    document, findings = load_path(path, display=display)
    if document is not None:
        ambiguous = {(f.line, f.column) for f in findings if f.code == "yaml-tvetydigt-tal"}
        findings.extend(
            finding
            for finding in check_document(document)
            # the loader already explained why »10.000« is not a number
            if not (finding.code == "skema-type" and (finding.line, finding.column) in ambiguous)
        )
    return sort_findings(findings)


def sort_findings(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.file, f.line, f.column, _SORT_LEVEL[f.level], f.code))


def kind_of(document: Document) -> tuple[Kind | None, Finding | None]:
    """The file's kind from its ``skema:`` key, or a finding saying why it has none."""
    skema = document.data.get("skema")
    known = ", ".join(f"»{value}«" for value in KINDS)
    if skema is None:
        position = document.position_of(())
        return None, Finding(
            document.file,
            position.line,
            position.column,
            Level.FEJL,
            "skema-mangler",
            f"Filen har ingen »skema:«-linje, så den kan ikke kontrolleres. Skriv fx "
            f"»skema: partnerskabsaftale/1« øverst. Kendte skemaer: {known}.",
            docs_url("partnerskabsaftalen/validering.html"),
        )
    kind = KINDS.get(skema) if isinstance(skema, str) else None
    if kind is None:
        position = document.position_of(("skema",))
        hint = suggest(str(skema), list(KINDS))
        message = f"Skemaet »{skema}« kendes ikke."
        message += f" Mente du »{hint}«?" if hint else f" Kendte skemaer: {known}."
        return None, Finding(
            document.file,
            position.line,
            position.column,
            Level.FEJL,
            "skema-ukendt",
            message,
            docs_url("partnerskabsaftalen/validering.html"),
        )
    return kind, None


def check_document(document: Document) -> list[Finding]:
    """Schema and rule findings for a loaded document (load findings are not included)."""
    try:
        kind, problem = kind_of(document)
        if kind is None:
            return [problem] if problem else []
        findings = list(check_schema(document, kind.schema_name))
        for rule in kind.rules():
            findings.extend(rule(document))
        return findings
    except Exception as exc:  # a checker bug must not hide the other files' results
        return [
            Finding(
                document.file,
                1,
                1,
                Level.FEJL,
                "intern-fejl",
                f"Kontrollen stødte på en uventet fejl ({type(exc).__name__}). Filen er ikke "
                "kontrolleret færdig; meld gerne fejlen til LKS-vidensbasen.",
            )
        ]
