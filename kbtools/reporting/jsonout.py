"""JSON for programs: one object with the findings and the counts."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TextIO

from kbtools.findings import Finding, Level


def report(findings: Sequence[Finding], files: int, out: TextIO) -> None:
    payload = {
        "filer": files,
        "antal": {level.value: sum(f.level == level for f in findings) for level in Level},
        "fund": [
            {
                "fil": f.file,
                "linje": f.line,
                "kolonne": f.column,
                "niveau": f.level.value,
                "kode": f.code,
                "besked": f.message,
                "hjælp": f.help_url,
            }
            for f in findings
        ],
    }
    json.dump(payload, out, ensure_ascii=False, indent=2)
    out.write("\n")
