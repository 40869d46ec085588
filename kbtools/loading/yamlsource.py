"""Safe, positioned YAML loading.

PyYAML composes the node tree (with its C parser when available); this module then builds
plain data from the nodes itself, so that nothing is ever constructed from a tag, no alias is
ever expanded, no key is silently dropped and YAML 1.1's surprises (``no`` → False,
``0755`` → 493, ``22:22`` → 1342) never change what the user wrote.

Every problem becomes a :class:`~kbtools.findings.Finding` with a position; nothing here raises
past :func:`load_bytes` / :func:`load_path`, and nothing here writes.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from kbtools.findings import Finding, docs_url
from kbtools.loading import codes
from kbtools.loading.build import MAX_DEPTH, build
from kbtools.loading.depth import LIBYAML_LIMIT, locate_by_events, too_deep
from kbtools.loading.diagnose import diagnose
from kbtools.loading.document import Document
from kbtools.loading.invisible import invisible_in_structure, invisible_message
from kbtools.loading.layout import soften_tabs
from kbtools.loading.problem import LoadProblem
from kbtools.loading.pureloader import PureLoader
from kbtools.loading.text import decode, describe, position, replace_forbidden

#: The loader without libyaml (the browser's); the C loader where PyYAML has it.
_PureLoader = PureLoader
_Loader: Any = yaml.CSafeLoader if getattr(yaml, "__with_libyaml__", False) else _PureLoader

#: Files larger than this are refused before they are read.
MAX_FILE_BYTES = 1_000_000

#: Where the docs explain the YAML rules every file must follow.
LOAD_HELP = docs_url("vedligeholdelse/validering.html")

#: Cheap test for what could be an anchor (&a), alias (*a) or tag (!t): the indicator after
#: a space, a flow bracket or the start of a line, followed by a name character. Anything it
#: matches is confirmed (or not) by the parser's events.
_NODE_PROPERTY = re.compile(r"(?:^|[\s,\[\]{}])[&*!][^\s,\[\]{}]", re.MULTILINE)
_TAB_INDENT = re.compile(r"^[ ]*\t", re.MULTILINE)
_LONE_CR = re.compile(r"\r(?!\n)")

__all__ = ["MAX_DEPTH", "MAX_FILE_BYTES", "load_bytes", "load_path"]


def _with_help(
    result: tuple[Document | None, list[Finding]],
) -> tuple[Document | None, list[Finding]]:
    document, findings = result
    return document, [replace(f, help_url=f.help_url or LOAD_HELP) for f in findings]


def load_path(
    path: Path, *, display: str | None = None, max_bytes: int = MAX_FILE_BYTES
) -> tuple[Document | None, list[Finding]]:
    """Read and load one YAML file. Never raises, never writes."""
    return _with_help(_load_path(path, display, max_bytes))


def _load_path(
    path: Path, display: str | None, max_bytes: int
) -> tuple[Document | None, list[Finding]]:
    raw, problems = read_path(path, display=display, max_bytes=max_bytes)
    if raw is None:
        return None, problems
    return _load_bytes(raw, display if display is not None else str(path))


def read_path(
    path: Path, *, display: str | None = None, max_bytes: int = MAX_FILE_BYTES
) -> tuple[bytes | None, list[Finding]]:
    """The file's bytes, or None and a finding saying why it cannot be read. Never raises."""
    name = display if display is not None else str(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None, [_unreadable(name, "Filen findes ikke.")]
    except OSError as exc:
        return None, [_unreadable(name, f"Filen kan ikke åbnes ({exc.strerror or exc}).")]
    except ValueError:  # a NUL character in the path: no file can have that name
        return None, [_unreadable(name, "Stien indeholder et tegn, som et filnavn ikke kan have.")]
    if stat.S_ISDIR(info.st_mode):
        return None, [_unreadable(name, "Stien er en mappe, ikke en fil.")]
    if not stat.S_ISREG(info.st_mode):
        # A pipe or device could block or never end; an agreement is always a plain file.
        return None, [_unreadable(name, "Stien er ikke en almindelig fil.")]
    if info.st_size > max_bytes:
        return None, [_too_big(name, max_bytes)]
    try:
        with open(path, "rb") as handle:
            raw = handle.read(max_bytes + 1)
    except OSError as exc:
        return None, [_unreadable(name, f"Filen kan ikke læses ({exc.strerror or exc}).")]
    if len(raw) > max_bytes:
        return None, [_too_big(name, max_bytes)]
    return raw, []


def load_bytes(
    raw: bytes, file: str, *, max_bytes: int = MAX_FILE_BYTES
) -> tuple[Document | None, list[Finding]]:
    """Load YAML from bytes (refused, as a file is, when longer than ``max_bytes``). Never
    raises."""
    if len(raw) > max_bytes:
        return None, [_too_big(file, max_bytes)]
    return _with_help(_load_bytes(raw, file))


def _load_bytes(raw: bytes, file: str) -> tuple[Document | None, list[Finding]]:
    findings: list[Finding] = []
    try:
        document = _load(raw, file, findings)
    except LoadProblem as problem:
        findings.append(problem.code.finding(file, problem.line, problem.column, problem.message))
        return None, findings
    except RecursionError:
        findings.append(codes.TOO_DEEP.finding(file, 1, 1, "Filen er indlejret for dybt."))
        return None, findings
    except Exception as exc:  # a loader must never crash the caller
        message = f"Filen kunne ikke indlæses på grund af en uventet fejl ({type(exc).__name__})."
        findings.append(codes.UNEXPECTED.finding(file, 1, 1, message))
        return None, findings
    return document, findings


def _unreadable(file: str, message: str) -> Finding:
    return codes.UNREADABLE.finding(file, 1, 1, message, help_url=LOAD_HELP)


def _too_big(file: str, max_bytes: int) -> Finding:
    limit = f"{max_bytes:,}".replace(",", ".")
    message = f"Filen er for stor. En aftale må højst fylde {limit} bytes."
    return codes.TOO_BIG.finding(file, 1, 1, message, help_url=LOAD_HELP)


def _load(raw: bytes, file: str, findings: list[Finding]) -> Document | None:
    """The document, or None when the file cannot be parsed (the findings say why)."""
    text, forbidden = replace_forbidden(_unix_lines(decode(raw)))
    for line, column, char in forbidden:
        findings.append(codes.CONTROL.finding(file, line, column, _forbidden_message(char)))
    written, text = text, soften_tabs(text)
    deep = too_deep(text)  # before any parser: they disagree about deep files (see .depth)
    if deep is not None:
        raise deep
    tabs = _tab_indents(text)
    try:
        _check_events(text)
        try:
            root = _compose(text)
        except RecursionError:  # the pure-Python composer recurses; libyaml's does not
            raise locate_by_events(text, _PureLoader, (1, 1)) from None
    except yaml.YAMLError as exc:
        findings.extend(_parse_failure(exc, text, tabs, file))
        return None
    _check_tabs(tabs, root)
    if root is None:
        raise LoadProblem(
            codes.EMPTY,
            1,
            1,
            "Filen er tom. Den skal indeholde en aftale, en vurdering eller en bedømmelse.",
        )
    if not isinstance(root, yaml.MappingNode):
        kind = "en liste" if isinstance(root, yaml.SequenceNode) else f"teksten »{root.value}«"
        raise LoadProblem(
            codes.TOP_LEVEL,
            root.start_mark.line + 1,
            root.start_mark.column + 1,
            f"Filen skal bestå af nøgler og værdier (som »skema: …«), men den indeholder {kind}.",
        )
    document = Document(file=file, data=None)
    findings.extend(build(root, text, document, written=written))
    return document


def _unix_lines(text: str) -> str:
    """A lone carriage return (old Mac line ends) becomes a line feed: one for one, so every
    position stays, and lines are counted as YAML and every editor count them."""
    return _LONE_CR.sub("\n", text) if "\r" in text else text


def _forbidden_message(char: str) -> str:
    return (
        f"Her står {describe(char)}. Tegnet kan ikke ses i de fleste editorer, og det må ikke "
        "stå i en YAML-fil. Erstat det med et almindeligt mellemrum."
    )


def _parse_failure(
    exc: yaml.YAMLError, text: str, tabs: list[tuple[int, int]], file: str
) -> list[Finding]:
    """One finding per problem that stops parsing, at the line where the mistake is."""
    mark: Any = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if LIBYAML_LIMIT in str(getattr(exc, "problem", "")):
        # libyaml's own limit, on nesting the layout reading missed: say where ours is passed
        where = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        return [locate_by_events(text, _PureLoader, where).finding(file)]
    if tabs:  # a tab in the indentation is the likeliest cause; say so plainly
        return [_refuse_tab(*tabs[0]).finding(file)]
    if isinstance(exc, yaml.reader.ReaderError):
        offset = max(text.find(chr(exc.character)), 0)
        line, column = position(text, offset)
        message = _forbidden_message(text[offset : offset + 1] or " ")
        return [codes.CONTROL.finding(file, line, column, message)]
    last_line = mark.line + 1 if mark is not None else len(text)
    hidden = invisible_in_structure(text, last_line)
    if hidden:
        return [
            codes.INVISIBLE.finding(file, line, column, invisible_message(char))
            for line, column, char in hidden
        ]
    code, line, column, message = diagnose(exc, text)
    return [code.finding(file, line, column, message)]


def _tab_indents(text: str) -> list[tuple[int, int]]:
    """(line, column) of every tab in a line's leading whitespace (blank lines ignored)."""
    if "\t" not in text:
        return []
    found = []
    for match in _TAB_INDENT.finditer(text):
        line_end = text.find("\n", match.end())
        rest = text[match.end() : line_end if line_end != -1 else len(text)]
        if rest.strip():  # a blank line with stray whitespace changes nothing
            found.append(position(text, match.end() - 1))
    return found


def _refuse_tab(line: int, column: int) -> LoadProblem:
    return LoadProblem(
        codes.TAB,
        line,
        column,
        "Linjen er indrykket med et tabulatortegn. Brug mellemrum, ikke tabulatortegn, til "
        "indrykning.",
    )


def _check_tabs(tabs: list[tuple[int, int]], root: Any) -> None:
    """Refuse tab indentation unless the line is inside quoted or block text (then it is text)."""
    if not tabs:
        return
    text_lines: set[int] = set()
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            if node.style and node.end_mark.line > node.start_mark.line:
                # Lines after the first one of a multi-line quoted or block scalar (1-based);
                # a block scalar ends at column 0 of the line after it, which is not its own.
                last = node.end_mark.line + (1 if node.end_mark.column else 0)
                text_lines.update(range(node.start_mark.line + 2, last + 1))
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.extend((key, value))
        else:
            stack.extend(node.value)
    for line, column in tabs:
        if line not in text_lines:
            raise _refuse_tab(line, column)


def _check_events(text: str) -> None:
    """Refuse anchors, aliases and tags without composing (so nothing can expand)."""
    if not _NODE_PROPERTY.search(text):
        return
    for event in yaml.parse(text, Loader=_Loader):
        mark: Any = event.start_mark
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise LoadProblem(
                codes.ANCHOR,
                mark.line + 1,
                mark.column + 1,
                "Ankre (&navn) og henvisninger (*navn) er ikke tilladt. Skriv værdien ud hvert "
                "sted, den skal bruges.",
            )
        tag = getattr(event, "tag", None)
        if tag is not None:
            raise LoadProblem(
                codes.TAG,
                mark.line + 1,
                mark.column + 1,
                f"Typeangivelser (tags) som »{_short_tag(tag)}« er ikke tilladt. Sæt værdien i "
                "anførselstegn i stedet.",
            )


def _short_tag(tag: str | None) -> str:
    if not tag:
        return "!"
    return tag.replace("tag:yaml.org,2002:", "!!")


def _compose(text: str) -> Any:
    loader = _Loader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()
