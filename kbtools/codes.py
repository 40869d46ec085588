"""The registry of every finding code: loader, schema, file kinds and their rules.

Each code is defined next to the check that emits it; this module only collects them, so the
docs page of all codes and the test that no unregistered code is ever emitted read one list.
"""

from __future__ import annotations

import inspect
import sys

from kbtools import api, kinds, unchecked
from kbtools.checking import schema_codes
from kbtools.findings import Code
from kbtools.loading import codes as loading_codes
from kbtools.typology import combine


def groups() -> tuple[tuple[str, tuple[Code, ...]], ...]:
    """(Danish heading, codes) in the order the docs page lists them."""
    return (
        ("Indlæsning af filen", loading_codes.CODES),
        ("Filens slags", api.CODES),
        ("Formatet (skemaet)", schema_codes.CODES),
        *((f"Regler for en {kind.label}", kind.codes) for kind in kinds.KINDS),
        ("Filer i en mappe, der ikke er kontrolleret (kbtools validate)", unchecked.CODES),
        ("Samling af bedømmelser (kbtools vurdering saml)", combine.CODES),
    )


def all_codes() -> tuple[Code, ...]:
    """Every code: loading, file kind, schema, then each kind's rules."""
    return tuple(code for _, group in groups() for code in group)


def source_files() -> list[str]:
    """The modules that define codes (a docs build depends on them)."""
    modules = [loading_codes, api, unchecked, schema_codes, combine, sys.modules[__name__]]
    modules += [sys.modules[rule.check.__module__] for kind in kinds.KINDS for rule in kind.rules]
    return sorted({inspect.getfile(module) for module in modules})


def registry() -> dict[str, Code]:
    """Code id → code. Raises on a duplicate id: one code, one meaning."""
    result: dict[str, Code] = {}
    for code in all_codes():
        if code.id in result:
            raise ValueError(f"Finding code {code.id!r} is defined twice")
        result[code.id] = code
    return result
