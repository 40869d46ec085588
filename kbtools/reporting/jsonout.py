"""JSON for programs: one object with the findings and the counts.

The fields are documented for maintainers in docs/vedligeholdelse/validering.md. The output
is always one valid JSON document; on a console that cannot show every character (cp1252 on
Windows), non-ASCII characters are written as ``\\uXXXX`` escapes, so nothing is lost.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TextIO

from kbtools.findings import Finding
from kbtools.reporting.console import is_unicode
from kbtools.reporting.summary import counts
from kbtools.reporting.visible import json_safe


def finding_as_json(finding: Finding) -> dict[str, object]:
    """One finding as the JSON output writes it (the field names are documented for users).

    The Danish keys came first; the structured data for programs has English keys: ``path``
    (keys and list indices), ``title`` (the element's title), ``values`` (what the message is
    built from) and ``reader_message`` (the message naming elements by title).
    """
    return {
        "fil": finding.file,
        "linje": finding.line,
        "kolonne": finding.column,
        "niveau": finding.level.value,
        "kode": finding.code,
        "besked": finding.message,
        "hjælp": finding.help_url,
        "path": list(finding.path),
        "title": finding.title,
        "values": dict(finding.values),
        "reader_message": finding.reader_message,
    }


def report(findings: Sequence[Finding], files: int, out: TextIO, skipped: int = 0) -> None:
    payload = {
        "filer": files,
        "sprunget_over": skipped,
        "antal": {level.value: count for level, count in counts(findings).items()},
        "fund": [finding_as_json(f) for f in findings],
    }
    out.write(json_safe(json.dumps(payload, ensure_ascii=not is_unicode(out), indent=2)) + "\n")
