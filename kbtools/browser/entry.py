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

Two arguments matter beyond the file. ``date`` (ÅÅÅÅ-MM-DD) is the reference date of the
checks that depend on the day, e.g. whether an agreement runs out within 90 days; without
it, today (the browser's clock). ``agreements`` are the agreements a follow-up
(``skema: opfølgning/1``) is checked against, as ``kbtools validate`` checks it against the
agreements in its folder: a list of ``{"name": "aftale.yaml", "text": "…"}`` (or
``"base64"``). A follow-up form passes the agreement it was filled in from::

    await py.call("check", {text: opfølgning, name: "opfoelgning-2026.yaml",
                            agreements: [{name: "aftale.yaml", text: aftale}]});

Without ``agreements`` the follow-up's goals and spending are not compared with an
agreement, and the answer says so (``opfoelgning-ingen-aftale``).

Arguments and answers have English ASCII keys: they are code's data, not a file format
(the YAML files and ``kbtools validate --format json`` keep their documented Danish keys).
The findings are those of :func:`kbtools.api.check_bytes`, as
:mod:`kbtools.browser.findings` gives them to a page: ``findings`` (each with its code,
place, level, message and structured data), ``counts`` per level, ``summary`` (»Aftalen har
1 fejl, 0 advarsler og 2 anbefalinger.«, worded by :mod:`kbtools.reporting.summary` as the
CLI and the case pages word it) and ``sections`` (the builder's word per top-level part).
A failure is ``{"error": "…"}``.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from collections.abc import Callable
from typing import Any

from kbtools.api import CheckResult, check_bytes, wrong_kind
from kbtools.browser.findings import findings_answer
from kbtools.kinds import AGREEMENT, FOLLOWUP

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
    """The reference date ``date`` (ÅÅÅÅ-MM-DD or as a Danish user writes it); None: today."""
    text = args.get("date")
    if text is None or text == "":
        return None
    from kbtools.danish import parse_danish_date

    day = parse_danish_date(str(text))
    if day is None:
        raise ValueError(f"»{text}« er ikke en dato. Skriv datoen som ÅÅÅÅ-MM-DD.")
    return day


def _agreements(args: dict[str, Any]) -> list[tuple[str, bytes]] | None:
    """The files given with a follow-up (``agreements``: a list of ``{name, text}`` or
    ``{name, base64}``), or None when the caller gave none."""
    given = args.get("agreements")
    if not isinstance(given, list):
        return None
    return [
        (str(item.get("name") or "aftale.yaml"), _content(item))
        for item in given
        if isinstance(item, dict)
    ]


def _findings(result: CheckResult) -> dict[str, Any]:
    subjects = {AGREEMENT: "Aftalen", FOLLOWUP: "Opfølgningen"}
    subject = subjects.get(result.kind, "Filen") if result.kind else "Filen"
    return findings_answer(result.findings, subject)


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
    those even with ``--kladde``); ``draft`` says whether the document is marked as a draft
    (it has errors or placeholders left).
    """
    result = _result(args)
    if not isinstance(result.data, dict) or wrong_kind(result, AGREEMENT) is not None:
        return {"html": None, "draft": True, **_findings(result)}
    from kbtools.render import render_agreement  # imported when first used: Python starts sooner
    from kbtools.render.docx_letterhead import LetterheadError

    draft = result.is_draft
    try:
        html = render_agreement(result.data, "html", draft, _letterhead(args)).decode("utf-8")
    except LetterheadError as exc:
        return {"html": None, "draft": draft, "templateProblem": str(exc), **_findings(result)}
    return {"html": html, "draft": draft, **_findings(result)}


def _letterhead(args: dict[str, Any]) -> bytes | None:
    """The municipality's Word file the user chose (``template``, base64), if any."""
    from kbtools.render.docx_letterhead import LetterheadError

    encoded = args.get("template")
    if not isinstance(encoded, str) or not encoded:
        return None
    try:
        return base64.b64decode(encoded, validate=True)
    except ValueError as exc:
        raise LetterheadError("Skabelonen kunne ikke læses.") from exc


def render_docx(args: dict[str, Any]) -> dict[str, Any]:
    """The agreement as a Word document (base64), from the same model as ``render_html``;
    with ``template`` (a Word file, base64) it wears that file's letterhead, as
    ``kbtools render --skabelon`` makes it, and ``render_html`` takes its logo and colour.
    A file that is not a Word file gives ``templateProblem``: what is wrong, in Danish.

    Written by :mod:`kbtools.render.docx_writer`, as ``kbtools render --format docx
    --kladde`` writes it: the same bytes. ``docx`` is None when the file is not an agreement
    that can be read.
    """
    result = _result(args)
    if not isinstance(result.data, dict) or wrong_kind(result, AGREEMENT) is not None:
        return {"docx": None, "draft": True, **_findings(result)}
    from kbtools.render import render_agreement
    from kbtools.render.docx_letterhead import LetterheadError

    draft = result.is_draft
    try:
        content = render_agreement(result.data, "docx", draft, _letterhead(args))
    except LetterheadError as exc:
        return {"docx": None, "draft": draft, "templateProblem": str(exc), **_findings(result)}
    encoded = base64.b64encode(content).decode("ascii")
    return {"docx": encoded, "draft": draft, **_findings(result)}


def _folder(args: dict[str, Any]) -> list[tuple[str, bytes]]:
    """The other files of the follow-up's folder (``folder``: a list of ``name`` and ``text``
    or ``base64``), as :func:`kbtools.render.note_sources.folder_files` reads them from disk."""
    files = args.get("folder")
    if not isinstance(files, list):
        return []
    return [(str(f.get("name") or "fil.yaml"), _content(f)) for f in files if isinstance(f, dict)]


def render_note(args: dict[str, Any]) -> dict[str, Any]:
    """A follow-up's status note, as ``kbtools render opfoelgning.yaml --format FMT
    [--kladde]`` writes it beside the files in ``folder`` (the agreement, earlier versions of
    it, typology assessments): the same bytes. ``format`` is ``html``, ``md`` (both as text
    under ``html``/``md``) or ``docx`` (base64 under ``docx``); ``template`` a Word file, as
    for :func:`render_docx`. The note is None when the file is not a follow-up that can be
    read (``wrongKind``: the finding that says what it is instead); ``draft`` says whether it
    is marked as a draft (the follow-up has errors). The follow-up is checked against the
    agreements in ``folder``, as ``kbtools render`` checks it against those in its folder
    (``agreements``, when given, as for :func:`check`)."""
    from kbtools.browser.findings import finding_data

    fmt = str(args.get("format") or "html")
    if fmt not in ("html", "md", "docx"):
        return {"error": f"Ukendt format: {fmt}. Brug html, md eller docx."}
    folder = _folder(args) if isinstance(args.get("folder"), list) else None
    if args.get("agreements") is None and folder is not None:
        args = {**args, "agreements": [dict(f) for f in args["folder"] if isinstance(f, dict)]}
    result = _result(args)
    mismatch = wrong_kind(result, FOLLOWUP)
    if not isinstance(result.data, dict) or mismatch is not None:
        wrong = {"wrongKind": finding_data(mismatch)} if mismatch is not None else {}
        return {fmt: None, "draft": True, **wrong, **_findings(result)}
    from kbtools.render import render_note as render
    from kbtools.render.docx_letterhead import LetterheadError
    from kbtools.render.note_sources import note_sources

    draft = result.is_draft
    try:
        sources = note_sources(result.data, folder or [])
        content = render(result.data, sources, fmt, draft, _letterhead(args))
    except LetterheadError as exc:
        return {fmt: None, "draft": draft, "templateProblem": str(exc), **_findings(result)}
    shown = base64.b64encode(content).decode("ascii") if fmt == "docx" else content.decode()
    return {fmt: shown, "draft": draft, **_findings(result)}


def start_followup(args: dict[str, Any]) -> dict[str, Any]:
    """A year's follow-up begun from the agreement given (``text`` or ``base64``, ``name``):
    :func:`kbtools.browser.followup.followup_skeleton` for ``year`` (default: the year the
    agreement starts), with the agreement's findings. ``followup`` is None when the file is
    not an agreement that can be read."""
    result = _result(args)
    if not isinstance(result.data, dict) or wrong_kind(result, AGREEMENT) is not None:
        return {"followup": None, **_findings(result)}
    from kbtools.browser.followup import first_year, followup_skeleton

    year = args.get("year")
    if not isinstance(year, int) or isinstance(year, bool):
        year = first_year(result.data) or dt.date.today().year
    return {"followup": followup_skeleton(result.data, year), **_findings(result)}


def read_note_file(args: dict[str, Any]) -> dict[str, Any]:
    """What a file given to the follow-up form for its status note is to the note, as
    :func:`render_note` reads the files in ``folder``: ``kind`` is ``agreement`` (a version of
    the agreement) or ``assessment`` (a typology assessment without errors), or None; ``about``
    says which in words (:func:`kbtools.render.note_sources.note_file`). With the file's
    findings, which say why a file is not taken."""
    from kbtools.render.note_sources import note_file

    result = _result(args)
    found = note_file(str(args.get("name") or "fil.yaml"), _content(args))
    kind, about = found if found is not None else (None, None)
    return {
        "kind": kind,
        "about": about,
        **_findings(result),
    }


def combine(args: dict[str, Any]) -> dict[str, Any]:
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
    "start_followup": start_followup,  # the follow-up form, begun from the agreement
    "read_note_file": read_note_file,  # an assessment or agreement for the status note
    "combine": combine,  # the self-assessment's facilitator view (kbtools vurdering saml)
}


def call(name: str, arguments: str) -> str:
    """Run ``FUNCTIONS[name]`` on the JSON ``arguments``; the answer as strict JSON.

    An unknown name or a failure comes back as ``{"error": "…"}`` (never an exception across
    the worker boundary), so the page can say what went wrong.
    """
    function = FUNCTIONS.get(name)
    if function is None:
        return json.dumps({"error": f"Ukendt funktion: {name}"})
    try:
        # strict JSON, which JavaScript's JSON.parse reads: NaN and Infinity are refused
        return json.dumps(function(json.loads(arguments)), ensure_ascii=False, allow_nan=False)
    except Exception as exc:  # the page shows it; a broken call must not kill the worker
        return json.dumps({"error": f"{type(exc).__name__}: {exc}"}, ensure_ascii=False)
