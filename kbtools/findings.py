"""The one value every check produces: a located, coded, Danish finding.

Every finding is made from a :class:`Code`, so a code has exactly one level and one meaning.
Each owner of a check declares its codes next to the check (the loader, the schema check, each
rule); :mod:`kbtools.codes` collects them into the registry that the docs page lists.
"""

from __future__ import annotations

import enum
import string
from collections.abc import Mapping
from dataclasses import dataclass, field

DOCS_BASE_URL = "https://lks-vidensbasen.github.io/"

#: A path into the data, as in JSON Pointer: mapping keys (str) and list indices (int).
DataPath = tuple[str | int, ...]

#: The values a message is built from, by name (``{"key": "værdisæt"}``); English ASCII names.
Values = Mapping[str, str | int]


class Level(enum.StrEnum):
    """How serious a finding is. The values are what users read."""

    FEJL = "fejl"
    ADVARSEL = "advarsel"
    ANBEFALING = "anbefaling"

    @property
    def rank(self) -> int:
        """0 for errors, 1 for warnings, 2 for recommendations (the order findings print in)."""
        return list(Level).index(self)


@dataclass(frozen=True, order=True)
class Finding:
    """One problem in one file.

    ``line`` and ``column`` are 1-based (characters, not bytes) and point at the offending node
    (or at the parent mapping when a key is missing). ``code`` is stable and ASCII, ``message``
    is Danish, ``help_url`` links to the docs page that explains the element. ``path`` is where
    in the data the problem is (empty when it is not about one value, e.g. a syntax error).
    ``title`` is the title of the element at ``path`` (from the schema), ``values`` the values
    the message is built from, so a front end can word a finding for its readers without
    reading the message back (:attr:`reader_message`).
    """

    file: str
    line: int
    column: int
    level: Level
    code: str
    message: str
    help_url: str = ""
    path: DataPath = field(default=(), compare=False)
    title: str = field(default="", compare=False)
    values: Values = field(default_factory=dict, compare=False)
    template: str = field(default="", compare=False, repr=False)

    @property
    def reader_message(self) -> str:
        """The message for readers of the site and the builder: elements named by their title
        (»Overvej at tilføje »Værdisæt«. …«); the message itself when it has no template."""
        if not self.template:
            return self.message
        return fill_template(self.template, self.values, self.title, readers=True)


def element_label(key: str, title: str, *, readers: bool = False) -> str:
    """How a message names an element: »værdisæt« (Værdisæt) for maintainers, who write the
    key, and »Værdisæt« for readers of the site and the builder, who know the title."""
    if readers:
        return f"»{title or key}«"
    return f"»{key}« ({title})" if title else f"»{key}«"


def fill_template(template: str, values: Values, title: str, *, readers: bool) -> str:
    """``template`` with ``{name}`` replaced by ``values[name]``; the value ``key`` names the
    element the finding is about (see :func:`element_label`), ``parent`` the group it belongs
    in (named by ``parent_title`` for readers)."""
    names = {name for _, name, _, _ in string.Formatter().parse(template) if name}
    filled = {name: values.get(name, "") for name in names}
    if "key" in filled:
        filled["key"] = element_label(str(filled["key"]), title, readers=readers)
    if "parent" in filled:  # the group an element belongs in: its key, or for readers its title
        parent_title = str(values.get("parent_title", "")) if readers else ""
        filled["parent"] = f"»{parent_title or filled['parent']}«"
    return template.format(**filled)


@dataclass(frozen=True)
class Code:
    """A finding code: one stable id, one level and one meaning, explained in Danish.

    ``meaning`` says what the finding means and how to fix it; ``example`` is a typical
    message (shortened with »…«). Both are listed on the docs page of all codes.
    ``template``, when given, is the message with ``{name}`` for each of the finding's values;
    the value ``key`` names an element and is written with :func:`element_label`.
    """

    id: str
    level: Level
    meaning: str
    example: str
    template: str = ""

    def finding(
        self,
        file: str,
        line: int,
        column: int,
        message: str = "",
        *,
        help_url: str = "",
        path: DataPath = (),
        title: str = "",
        values: Values | None = None,
        template: str = "",
    ) -> Finding:
        """A finding of this code at the given position; without ``message``, the message is
        the template (the code's, or ``template`` for this finding) filled in with ``values``."""
        values = dict(values or {})
        template = "" if message else template or self.template
        text = message or fill_template(template, values, title, readers=False)
        return Finding(
            file, line, column, self.level, self.id, text, help_url, path, title, values, template
        )


def docs_url(page: str) -> str:
    """Absolute URL of a docs page given relative to the site root."""
    return DOCS_BASE_URL + page


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Findings in the order every front end shows them: by file, position, level and code."""
    return sorted(findings, key=lambda f: (f.file, f.line, f.column, f.level.rank, f.code))
