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
import unicodedata
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from kbtools.findings import Code, DataPath, Finding, docs_url
from kbtools.loading import codes
from kbtools.loading.document import Document, Position
from kbtools.loading.messages import describe_yaml_error

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: Files larger than this are refused before they are read.
MAX_FILE_BYTES = 1_000_000
#: Deeper nesting than this is refused (a hand-written agreement needs about six levels).
MAX_DEPTH = 100

#: Where the docs explain the YAML rules every file must follow.
LOAD_HELP = docs_url("partnerskabsaftalen/validering.html")

_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\Z")
_FLOAT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\.[0-9]+(?:[eE][-+]?[0-9]+)?\Z")
_THOUSANDS = re.compile(r"[-+]?[0-9]{1,3}(?:\.[0-9]{3})+\Z")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
#: Cheap test for what could be an anchor (&a), alias (*a) or tag (!t): the indicator after
#: a space, a flow bracket or the start of a line, followed by a name character. Anything it
#: matches is confirmed (or not) by the parser's events.
_NODE_PROPERTY = re.compile(r"(?:^|[\s,\[\]{}])[&*!][^\s,\[\]{}]", re.MULTILINE)
_TAB_INDENT = re.compile(r"^[ ]*\t", re.MULTILINE)


class _Problem(Exception):
    """A located problem that stops loading (internal; always turned into a Finding)."""

    def __init__(self, code: Code, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.line = line
        self.column = column
        self.message = message


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
    name = display if display is not None else str(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None, [_unreadable(name, "Filen findes ikke.")]
    except OSError as exc:
        return None, [_unreadable(name, f"Filen kan ikke åbnes ({exc.strerror or exc}).")]
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
    return _load_bytes(raw, name)


def load_bytes(raw: bytes, file: str) -> tuple[Document | None, list[Finding]]:
    """Load YAML from bytes. Never raises."""
    return _with_help(_load_bytes(raw, file))


def _load_bytes(raw: bytes, file: str) -> tuple[Document | None, list[Finding]]:
    findings: list[Finding] = []
    try:
        document = _load(raw, file, findings)
    except _Problem as problem:
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
    return codes.UNREADABLE.finding(file, 1, 1, message)


def _too_big(file: str, max_bytes: int) -> Finding:
    limit = f"{max_bytes:,}".replace(",", ".")
    message = f"Filen er for stor. En aftale må højst fylde {limit} bytes."
    return codes.TOO_BIG.finding(file, 1, 1, message)


def _position_of_offset(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    start = text.rfind("\n", 0, offset) + 1
    return line, offset - start + 1


def _decode(raw: bytes) -> str:
    nul = raw.find(b"\x00")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _Problem(
            codes.ENCODING,
            1,
            1,
            "Filen er gemt som UTF-16. Gem den som UTF-8 (»Unicode (UTF-8)« i editoren).",
        )
    if nul != -1:
        line = raw.count(b"\n", 0, nul) + 1
        column = nul - (raw.rfind(b"\n", 0, nul) + 1) + 1
        raise _Problem(
            codes.NUL,
            line,
            column,
            "Filen indeholder et NUL-tegn (byte 0). Er det en tekstfil? Gem den som almindelig "
            "tekst i UTF-8.",
        )
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = len(raw[raw.rfind(b"\n", 0, exc.start) + 1 : exc.start].decode("utf-8", "replace"))
        raise _Problem(
            codes.ENCODING,
            line,
            column + 1,
            "Filen er ikke gemt som UTF-8 (der står et tegn, som ikke kan læses, fx et æ, ø eller "
            "å fra en anden tegnkodning). Gem filen som UTF-8.",
        ) from None


def _tab_indents(text: str) -> list[tuple[int, int]]:
    """(line, column) of every tab in a line's leading whitespace (blank lines ignored)."""
    if "\t" not in text:
        return []
    found = []
    for match in _TAB_INDENT.finditer(text):
        line_end = text.find("\n", match.end())
        rest = text[match.end() : line_end if line_end != -1 else len(text)]
        if rest.strip():  # a blank line with stray whitespace changes nothing
            found.append(_position_of_offset(text, match.end() - 1))
    return found


def _refuse_tab(line: int, column: int) -> _Problem:
    return _Problem(
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
            raise _Problem(
                codes.ANCHOR,
                mark.line + 1,
                mark.column + 1,
                "Ankre (&navn) og henvisninger (*navn) er ikke tilladt. Skriv værdien ud hvert "
                "sted, den skal bruges.",
            )
        tag = getattr(event, "tag", None)
        if tag is not None:
            raise _Problem(
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


def _load(raw: bytes, file: str, findings: list[Finding]) -> Document:
    text = _decode(raw)
    tabs = _tab_indents(text)
    try:
        _check_events(text)
        root = _compose(text)
    except yaml.YAMLError as exc:
        if tabs:  # a tab in the indentation is the likeliest cause; say so plainly
            raise _refuse_tab(*tabs[0]) from None
        code, line, column, message = describe_yaml_error(exc, text)
        raise _Problem(code, line, column, message) from None
    _check_tabs(tabs, root)
    if root is None:
        raise _Problem(
            codes.EMPTY, 1, 1, "Filen er tom. Den skal indeholde en aftale, fx fra skabelonen."
        )
    if not isinstance(root, yaml.MappingNode):
        kind = "en liste" if isinstance(root, yaml.SequenceNode) else f"teksten »{root.value}«"
        raise _Problem(
            codes.TOP_LEVEL,
            root.start_mark.line + 1,
            root.start_mark.column + 1,
            f"Filen skal bestå af nøgler og værdier (som »skema: …«), men den indeholder {kind}.",
        )
    document = Document(file=file, data=None)
    document.data = _build(root, document, findings)
    return document


def _mark(node: Any) -> Position:
    return Position(node.start_mark.line + 1, node.start_mark.column + 1)


def _build(root: Any, document: Document, findings: list[Finding]) -> Any:
    """Turn the node tree into plain data, recording positions (iterative, depth-capped)."""
    positions = document.positions
    key_positions = document.key_positions
    file = document.file
    positions[()] = _mark(root)
    result = _empty_container(root)
    stack: list[tuple[Any, Any, DataPath]] = [(root, result, ())]
    while stack:
        node, target, path = stack.pop()
        if len(path) >= MAX_DEPTH:
            position = _mark(node)
            raise _Problem(
                codes.TOO_DEEP,
                position.line,
                position.column,
                f"Filen er indlejret mere end {MAX_DEPTH} niveauer. Det kan ikke være en aftale.",
            )
        if isinstance(node, yaml.MappingNode):
            first_seen: dict[str, int] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    position = _mark(key_node)
                    raise _Problem(
                        codes.KEY,
                        position.line,
                        position.column,
                        "En nøgle skal være et ord eller en tekst, ikke en liste eller en tabel.",
                    )
                key = unicodedata.normalize("NFC", key_node.value)
                key_position = _mark(key_node)
                if key in first_seen:
                    findings.append(
                        codes.DUPLICATE_KEY.finding(
                            file,
                            key_position.line,
                            key_position.column,
                            f"Nøglen »{key}« står to gange i samme afsnit (første gang i linje "
                            f"{first_seen[key]}). Kun én af dem ville blive brugt – slet eller "
                            "ret den ene.",
                        )
                    )
                    continue
                first_seen[key] = key_position.line
                child_path = (*path, key)
                key_positions[child_path] = key_position
                target[key] = _child(value_node, child_path, positions, stack, findings, file)
        else:
            for index, item in enumerate(node.value):
                child_path = (*path, index)
                target.append(_child(item, child_path, positions, stack, findings, file))
    return result


def _empty_container(node: Any) -> Any:
    return {} if isinstance(node, yaml.MappingNode) else []


def _child(
    node: Any,
    path: DataPath,
    positions: dict[DataPath, Position],
    stack: list[tuple[Any, Any, DataPath]],
    findings: list[Finding],
    file: str,
) -> Any:
    position = _mark(node)
    positions[path] = position
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node, position, findings, file)
    container = _empty_container(node)
    stack.append((node, container, path))
    return container


def _scalar(node: Any, position: Position, findings: list[Finding], file: str) -> Any:
    value: str = node.value
    if node.style:  # quoted or block scalars are always text
        return value
    if value in _NULLS:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    first = value[0]
    if first.isdigit() or first in "+-.":
        if _INT.match(value):
            return int(value)
        if _THOUSANDS.match(value):
            findings.append(
                codes.AMBIGUOUS_NUMBER.finding(
                    file,
                    position.line,
                    position.column,
                    f"»{value}« kan læses både som et decimaltal og som et tal med "
                    f"tusindtalspunktum. Skriv beløbet uden punktum, fx "
                    f"{value.replace('.', '')}.",
                )
            )
            return value
        if _FLOAT.match(value):
            return float(value)
    return value
