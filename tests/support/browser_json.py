"""The browser's findings (English keys, code's data) next to the CLI's JSON (Danish keys, a
documented format): the same facts under other names."""

from __future__ import annotations

from typing import Any

#: The CLI's ``--format json`` key → the browser's key (kbtools.browser.findings).
CLI_NAMES = {
    "fil": "file",
    "linje": "line",
    "kolonne": "column",
    "niveau": "level",
    "kode": "code",
    "besked": "message",
    "hjælp": "help",
    "path": "path",
    "title": "title",
    "values": "values",
    "reader_message": "readerMessage",
}


def as_cli_json(finding: dict[str, Any]) -> dict[str, Any]:
    """A finding from a browser answer as ``kbtools validate --format json`` writes it."""
    return {cli: finding[browser] for cli, browser in CLI_NAMES.items()}
