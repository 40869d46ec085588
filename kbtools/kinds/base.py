"""What a file kind is: a schema, its cross-field rules, its help page and its finding codes."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from kbtools.checking.rules.base import Rule
from kbtools.findings import Code, DataPath, docs_url
from kbtools.schemas import EDITOR_DIR, load_schema, schema_path


@dataclass(frozen=True)
class Kind:
    """One file format kbtools checks, e.g. a partnership agreement.

    ``schema_name`` is the file name in ``kbtools/schemas`` without ``.schema.json``; the
    ``skema:`` value a file of this kind starts with is the ``const`` of the schema's own
    ``skema`` property, so it is written in one place only. ``label`` is the Danish name used
    in messages; ``help_page`` is the docs page (relative to the site root) that explains the
    format, used when an element has no page of its own (``x-side``). ``file_patterns`` are
    the globs (relative to the repository root) of the files the editor treats as this kind
    (``.vscode/settings.json`` is generated from them by ``python -m kbtools.editor``).
    """

    schema_name: str
    label: str
    help_page: str
    rules: tuple[Rule, ...]
    file_patterns: tuple[str, ...] = ()

    @cached_property
    def schema(self) -> dict[str, Any]:
        """The parsed JSON Schema (shared; treat it as read-only)."""
        return load_schema(self.schema_name)

    @property
    def schema_file(self) -> str:
        """Path of the schema file (for build dependencies and editor settings)."""
        return str(schema_path(self.schema_name))

    @property
    def editor_file(self) -> Path:
        """The generated editor schema of this kind (see :mod:`kbtools.editor`)."""
        return EDITOR_DIR / f"{self.schema_name}.editor.json"

    @property
    def editor_url(self) -> str:
        """Where the site publishes the editor schema (its ``$id``; new files point at it)."""
        return docs_url(f"skemaer/editor/{self.editor_file.name}")

    @cached_property
    def skema(self) -> str:
        """The value of ``skema:`` in files of this kind, read from the schema's ``const``."""
        return str(self.schema["properties"]["skema"]["const"])

    @property
    def codes(self) -> tuple[Code, ...]:
        """The codes this kind's rules can emit (schema and loader codes are shared)."""
        return tuple(code for rule in self.rules for code in rule.CODES)

    def help_url(self, path: DataPath) -> str:
        """Docs link for the element ``path`` lies in (its ``x-side``), or the kind's page."""
        if path and isinstance(path[0], str):
            element = self.schema.get("properties", {}).get(path[0], {})
            page = element.get("x-side") if isinstance(element, dict) else None
            if page:
                return docs_url(str(page))
        return docs_url(self.help_page)
