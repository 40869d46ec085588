"""The registry of every finding code: loader, schema, file kinds and their rules.

Each code is defined next to the check that emits it; this module only collects them, so the
docs page of all codes and the test that no unregistered code is ever emitted read one list.
"""

from __future__ import annotations

from kbtools import api, kinds
from kbtools.checking import schema_codes
from kbtools.findings import Code
from kbtools.loading import codes as loading_codes


def all_codes() -> tuple[Code, ...]:
    """Every code, grouped as the docs page lists them: loading, file kind, schema, rules."""
    groups = [loading_codes.CODES, api.CODES, schema_codes.CODES]
    groups.extend(kind.codes for kind in kinds.KINDS)
    return tuple(code for group in groups for code in group)


def registry() -> dict[str, Code]:
    """Code id → code. Raises on a duplicate id: one code, one meaning."""
    result: dict[str, Code] = {}
    for code in all_codes():
        if code.id in result:
            raise ValueError(f"Finding code {code.id!r} is defined twice")
        result[code.id] = code
    return result
