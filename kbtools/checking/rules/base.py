"""What every rule module is, and the small helpers the rules share.

A rule is a module with a Danish docstring (the rule's user documentation), ``CODES`` (the
:class:`~kbtools.findings.Code` values it can emit) and ``check(document, schema, context)``,
which yields findings; ``context`` (:class:`~kbtools.checking.context.Context`) holds what a
rule may need besides the file: the reference date and a follow-up's agreement. Rules run
only on documents that loaded, and must never raise on odd data. The runner adds each
finding's help link from the file kind, so rules need not know it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Protocol

from kbtools.checking.context import Context
from kbtools.findings import Code, DataPath, Finding, Values
from kbtools.loading import Document
from kbtools.schemas.titles import title_at


class Rule(Protocol):
    """The shape of a rule module (see the module docstring)."""

    @property
    def CODES(self) -> tuple[Code, ...]: ...

    def check(
        self, document: Document, schema: dict[str, Any], context: Context
    ) -> Iterator[Finding]: ...


def make(
    document: Document,
    path: DataPath,
    code: Code,
    message: str = "",
    *,
    template: str = "",
    values: Values | None = None,
    help_url: str = "",
) -> Finding:
    """A finding of ``code`` at the value (or nearest existing parent) at ``path``; the
    message is ``message``, or ``template`` filled in with ``values`` (see
    :class:`~kbtools.findings.Code`); ``help_url`` when the help is not the element's page."""
    position = document.position_of(path)
    return code.finding(
        document.file,
        position.line,
        position.column,
        message,
        path=path,
        values=values,
        template=template,
        help_url=help_url,
    )


def parent_values(schema: dict[str, Any], key: str) -> dict[str, str | int]:
    """The values that name the top-level element ``key`` in a message as ``{parent}``: its
    key for maintainers, its title for readers."""
    title = title_at(schema, (key,))
    return {"parent": key, **({"parent_title": title} if title else {})}


def items(data: Any, key: str) -> list[tuple[int, dict[str, Any]]]:
    """The mapping items of list ``data[key]`` with their index (skipping malformed ones)."""
    value = data.get(key) if isinstance(data, dict) else None
    if not isinstance(value, list):
        return []
    return [(index, item) for index, item in enumerate(value) if isinstance(item, dict)]


def party_names(data: Any) -> dict[str, str]:
    """Party id → name, for the parties that have a text id."""
    names: dict[str, str] = {}
    for _, party in items(data, "parter"):
        party_id = party.get("id")
        if isinstance(party_id, str):
            name = party.get("navn")
            names.setdefault(party_id, name if isinstance(name, str) else party_id)
    return names
