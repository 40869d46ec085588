"""What the browser calls: pure functions over JSON-able data, run in Pyodide.

The site's JavaScript runtime (``kbtools/sphinxext/static/kb-python.js``) starts Pyodide in a
Web Worker, unpacks kbtools into it and then calls :func:`call` with a function name and its
arguments as a JSON text; the answer comes back as a JSON text. In JavaScript::

    const py = startPython();                 // starts loading at once
    await py.ready;                            // resolves when Python can answer
    const result = await py.call("check", {text: "skema: …", name: "aftale.yaml"});

Every function in :data:`FUNCTIONS` takes one dict and returns one dict. A file's content is
given as ``text`` (what the form would save) or as ``base64`` (the bytes of an opened file,
checked exactly as ``kbtools validate`` reads them from disk), and ``name`` is the file name
findings show. To add a function for another page, write it here and register it in
:data:`FUNCTIONS`; keep it pure (no files, no network) and JSON in, JSON out. Import what only
that function needs inside it: Python is ready as soon as this module is imported, so every
module imported at the top delays the first check.

Two arguments matter beyond the file. ``dato`` (ÅÅÅÅ-MM-DD) is the reference date of the
checks that depend on the day, e.g. whether an agreement runs out within 90 days; without
it, today (the browser's clock). ``aftaler`` are the agreements a follow-up
(``skema: opfølgning/1``) is checked against, as ``kbtools validate`` checks it against the
agreements in its folder: a list of ``{"name": "aftale.yaml", "text": "…"}`` (or
``"base64"``). A follow-up form passes the agreement it was filled in from::

    await py.call("check", {text: opfølgning, name: "opfoelgning-2026.yaml",
                            aftaler: [{name: "aftale.yaml", text: aftale}]});

Without ``aftaler`` the follow-up's goals and spending are not compared with an agreement,
and the answer says so (``opfoelgning-ingen-aftale``).

The findings are those of :func:`kbtools.api.check_bytes`, in the CLI's JSON form
(``kbtools validate --format json``: fil, linje, kolonne, niveau, kode, besked, hjælp, path,
title, values, reader_message) plus ``sti`` (the same as ``path``: where in the data the
finding is, so the page can point at the field). ``antal`` counts them per level, and
``summary`` says it in one Danish sentence (»Aftalen har 1 fejl, 0 advarsler og 2
anbefalinger.«), worded as the CLI and the case pages word it.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from collections.abc import Callable
from typing import Any

from kbtools.api import CheckResult, check_bytes, wrong_kind
from kbtools.findings import Finding
from kbtools.kinds import AGREEMENT, FOLLOWUP
from kbtools.reporting.jsonout import finding_as_json
from kbtools.reporting.summary import counts, counts_text

Function = Callable[[dict[str, Any]], dict[str, Any]]


def _content(args: dict[str, Any]) -> bytes:
    encoded = args.get("base64")
    if isinstance(encoded, str):
        return base64.b64decode(encoded)
    return str(args.get("text", "")).encode("utf-8")


def _result(args: dict[str, Any]) -> CheckResult:
    return check_bytes(
        _content(args),
        str(args.get("name") or "aftale.yaml"),
        today=_today(args),
        agreements=_agreements(args),
    )


def _today(args: dict[str, Any]) -> dt.date | None:
    """The reference date ``dato`` (ÅÅÅÅ-MM-DD or as a Danish user writes it); None: today."""
    text = args.get("dato")
    if text is None or text == "":
        return None
    from kbtools.danish import parse_danish_date

    day = parse_danish_date(str(text))
    if day is None:
        raise ValueError(f"»{text}« er ikke en dato. Skriv datoen som ÅÅÅÅ-MM-DD.")
    return day


def _agreements(args: dict[str, Any]) -> list[tuple[str, bytes]] | None:
    """The files given with a follow-up (``aftaler``: a list of ``{name, text}`` or
    ``{name, base64}``), or None when the caller gave none."""
    given = args.get("aftaler")
    if not isinstance(given, list):
        return None
    return [
        (str(item.get("name") or "aftale.yaml"), _content(item))
        for item in given
        if isinstance(item, dict)
    ]


def _finding(finding: Finding) -> dict[str, Any]:
    return {**finding_as_json(finding), "sti": list(finding.path)}


def _findings(result: CheckResult) -> dict[str, Any]:
    subjects = {AGREEMENT: "Aftalen", FOLLOWUP: "Opfølgningen"}
    subject = subjects.get(result.kind, "Filen") if result.kind else "Filen"
    return {
        "fund": [_finding(f) for f in result.findings],
        "antal": {level.value: count for level, count in counts(result.findings).items()},
        "summary": f"{subject} har {counts_text(result.findings)}.",
    }


def check(args: dict[str, Any]) -> dict[str, Any]:
    """The findings of ``kbtools validate`` for one file's content."""
    return _findings(_result(args))


def load(args: dict[str, Any]) -> dict[str, Any]:
    """The file's data as JSON (None when it cannot be read) and its findings."""
    result = _result(args)
    return {"data": result.data, **_findings(result)}


def render_html(args: dict[str, Any]) -> dict[str, Any]:
    """The agreement as the HTML ``kbtools render --format html [--kladde]`` writes.

    ``html`` is None when the file cannot be loaded or is not an agreement (the CLI refuses
    those even with ``--kladde``); ``kladde`` says whether the
    document is marked as a draft (it has errors or placeholders left).
    """
    result = _result(args)
    if not isinstance(result.data, dict) or wrong_kind(result, AGREEMENT) is not None:
        return {"html": None, "kladde": True, **_findings(result)}
    from kbtools.render import render_agreement  # imported when first used: Python starts sooner
    from kbtools.render.docx_letterhead import LetterheadError

    draft = result.is_draft
    try:
        html = render_agreement(result.data, "html", draft, _letterhead(args)).decode("utf-8")
    except LetterheadError as exc:
        return {"html": None, "kladde": draft, "skabelon": str(exc), **_findings(result)}
    return {"html": html, "kladde": draft, **_findings(result)}


def _letterhead(args: dict[str, Any]) -> bytes | None:
    """The municipality's Word file the user chose (``skabelon``, base64), if any."""
    from kbtools.render.docx_letterhead import LetterheadError

    encoded = args.get("skabelon")
    if not isinstance(encoded, str) or not encoded:
        return None
    try:
        return base64.b64decode(encoded, validate=True)
    except ValueError as exc:
        raise LetterheadError("Skabelonen kunne ikke læses.") from exc


def render_docx(args: dict[str, Any]) -> dict[str, Any]:
    """The agreement as a Word document (base64), from the same model as ``render_html``;
    with ``skabelon`` (a Word file, base64) it wears that file's letterhead, as
    ``kbtools render --skabelon`` makes it, and ``render_html`` takes its logo and colour.
    A file that is not a Word file gives ``skabelon``: what is wrong, in Danish.

    Written by :mod:`kbtools.render.docx_writer`, as ``kbtools render --format docx
    --kladde`` writes it: the same bytes. ``docx`` is None when the file is not an agreement
    that can be read.
    """
    result = _result(args)
    if not isinstance(result.data, dict) or wrong_kind(result, AGREEMENT) is not None:
        return {"docx": None, "kladde": True, **_findings(result)}
    from kbtools.render import render_agreement
    from kbtools.render.docx_letterhead import LetterheadError

    draft = result.is_draft
    try:
        content = render_agreement(result.data, "docx", draft, _letterhead(args))
    except LetterheadError as exc:
        return {"docx": None, "kladde": draft, "skabelon": str(exc), **_findings(result)}
    encoded = base64.b64encode(content).decode("ascii")
    return {"docx": encoded, "kladde": draft, **_findings(result)}


def _folder(args: dict[str, Any]) -> list[tuple[str, bytes]]:
    """The other files of the follow-up's folder (``mappe``: a list of ``name`` and ``text``
    or ``base64``), as :func:`kbtools.render.note_sources.folder_files` reads them from disk."""
    files = args.get("mappe")
    if not isinstance(files, list):
        return []
    return [(str(f.get("name") or "fil.yaml"), _content(f)) for f in files if isinstance(f, dict)]


def render_note(args: dict[str, Any]) -> dict[str, Any]:
    """A follow-up's status note, as ``kbtools render opfoelgning.yaml --format FMT
    [--kladde]`` writes it beside the files in ``mappe`` (the agreement, earlier versions of
    it, typology assessments): the same bytes. ``format`` is ``html``, ``md`` (both as text
    under ``html``/``md``) or ``docx`` (base64 under ``docx``); ``skabelon`` a Word file, as
    for :func:`render_docx`. The note is None when the file is not a follow-up that can be
    read (``forkert_slags``: the finding that says what it is instead); ``kladde`` says
    whether it is marked as a draft (the follow-up has errors). The follow-up is checked
    against the agreements in ``mappe``, as ``kbtools render`` checks it against those in its
    folder (``aftaler``, when given, as for :func:`check`)."""
    fmt = str(args.get("format") or "html")
    if fmt not in ("html", "md", "docx"):
        return {"fejl": f"Ukendt format: {fmt}. Brug html, md eller docx."}
    folder = _folder(args) if isinstance(args.get("mappe"), list) else None
    if args.get("aftaler") is None and folder is not None:
        args = {**args, "aftaler": [dict(f) for f in args["mappe"] if isinstance(f, dict)]}
    result = _result(args)
    mismatch = wrong_kind(result, FOLLOWUP)
    if not isinstance(result.data, dict) or mismatch is not None:
        wrong = {"forkert_slags": _finding(mismatch)} if mismatch is not None else {}
        return {fmt: None, "kladde": True, **wrong, **_findings(result)}
    from kbtools.render import render_note as render
    from kbtools.render.docx_letterhead import LetterheadError
    from kbtools.render.note_sources import note_sources

    draft = result.is_draft
    try:
        sources = note_sources(result.data, folder or [])
        content = render(result.data, sources, fmt, draft, _letterhead(args))
    except LetterheadError as exc:
        return {fmt: None, "kladde": draft, "skabelon": str(exc), **_findings(result)}
    shown = base64.b64encode(content).decode("ascii") if fmt == "docx" else content.decode()
    return {fmt: shown, "kladde": draft, **_findings(result)}


def saml(args: dict[str, Any]) -> dict[str, Any]:
    """The self-assessment's facilitator view: ``kbtools vurdering saml`` on rating files."""
    from kbtools.browser.facilitator import combine_files

    return combine_files(args)


#: The functions the browser may call, by name.
FUNCTIONS: dict[str, Function] = {
    "check": check,
    "load": load,
    "render_html": render_html,
    "render_docx": render_docx,
    "render_note": render_note,  # a follow-up's status note (kbtools render opfoelgning.yaml)
    "saml": saml,  # the self-assessment's facilitator view (kbtools vurdering saml)
}


def call(name: str, arguments: str) -> str:
    """Run ``FUNCTIONS[name]`` on the JSON ``arguments``; the answer as strict JSON.

    An unknown name or a failure comes back as ``{"fejl": "…"}`` (never an exception across
    the worker boundary), so the page can say what went wrong.
    """
    function = FUNCTIONS.get(name)
    if function is None:
        return json.dumps({"fejl": f"Ukendt funktion: {name}"})
    try:
        # strict JSON, which JavaScript's JSON.parse reads: NaN and Infinity are refused
        return json.dumps(function(json.loads(arguments)), ensure_ascii=False, allow_nan=False)
    except Exception as exc:  # the page shows it; a broken call must not kill the worker
        return json.dumps({"fejl": f"{type(exc).__name__}: {exc}"}, ensure_ascii=False)
