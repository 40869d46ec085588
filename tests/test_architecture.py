"""The package's shape: no import cycles (counting imports inside functions), modules a person
reads in one sitting, and file-kind ids spelled in one place only."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "kbtools"
MAX_LINES = 400


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imports_of(path: Path) -> set[str]:
    """The kbtools modules ``path`` imports anywhere (module level or inside functions)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                submodule = f"{node.module}.{alias.name}"
                found.add(submodule if submodule in MODULES else node.module)
    return {name for name in found if name in MODULES}


def reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    """Every module reachable from ``start`` by following imports."""
    seen: set[str] = set()
    todo = list(graph[start])
    while todo:
        node = todo.pop()
        if node not in seen:
            seen.add(node)
            todo.extend(graph[node])
    return seen


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import each other, directly or through others."""
    found = {
        tuple(sorted(n for n in graph if n == node or (n in reach and node in reachable(graph, n))))
        for node in graph
        if node in (reach := reachable(graph, node))
    }
    return sorted(list(group) for group in found)


def test_no_import_cycles() -> None:
    graph = {name: imports_of(path) - {name} for name, path in MODULES.items()}
    assert cycles(graph) == []


def package_of(module: str) -> str:
    """The top-level part of kbtools a module belongs to: ``kbtools.checking.rules.dates`` →
    ``kbtools.checking``; a module directly under kbtools is a part of its own."""
    return ".".join(module.split(".")[:2])


def test_no_import_cycles_between_packages() -> None:
    """The layers (loading → checking → reporting; data → rendering; front ends: CLI, Sphinx,
    browser, editor) never import back up, counting imports inside functions. The package's
    ``__init__`` (the public API, imported lazily) is the top, not a layer."""
    top = {"kbtools", "kbtools.__main__"}
    graph: dict[str, set[str]] = {}
    for name, path in MODULES.items():
        part = package_of(name)
        if part in top:
            continue
        graph.setdefault(part, set()).update(
            package_of(imported) for imported in imports_of(path) if package_of(imported) != part
        )
    graph = {
        part: {other for other in imports if other not in top} for part, imports in graph.items()
    }
    assert cycles(graph) == []


def test_build_tools_are_imported_by_nothing_that_runs() -> None:
    """The editor-schema generator is a maintainer's tool (``python -m kbtools.editor``), and
    the builder's form model is built into the site by the Sphinx extension: no module that
    runs in the CLI or the browser imports either."""
    build_only = {"kbtools.editor", "kbtools.sphinxext"}
    importers = {
        name
        for name, path in MODULES.items()
        if package_of(name) not in build_only
        and any(package_of(imported) in build_only for imported in imports_of(path))
    }
    assert importers == set()


def test_browser_code_is_imported_only_in_the_browser() -> None:
    """kbtools.browser is what the site's pages call through Pyodide: nothing else imports it,
    and it holds no build-time code (the Sphinx extension bundles it, it does not run it)."""
    importers = {
        name
        for name, path in MODULES.items()
        if package_of(name) != "kbtools.browser"
        and any(package_of(imported) == "kbtools.browser" for imported in imports_of(path))
    }
    assert importers == set()


def test_cycle_finder_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_modules_are_readable_in_one_sitting() -> None:
    long = {
        str(path.relative_to(ROOT)): n
        for path in [*PACKAGE.rglob("*.py"), *(ROOT / "tests").rglob("*.py")]
        if (n := len(path.read_text("utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def code_strings(path: Path) -> list[str]:
    """String constants that code uses: not docstrings, not a finding code's explanation."""
    tree = ast.parse(path.read_text("utf-8"))
    prose: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            prose.add(id(body[0].value))  # a docstring
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Code":
            prose.update(id(arg) for arg in node.args[2:])  # meaning and example
    texts = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr | ast.BinOp) and id(node) in prose:
            prose.update(id(child) for child in ast.walk(node))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in prose:
            texts.append(node.value)
    return texts


def test_file_kind_ids_are_spelled_only_by_their_kind() -> None:
    """``partnerskabsaftale/1``, ``typologivurdering-1`` … are used by no code outside
    :mod:`kbtools.kinds`; everything else asks the kind, which reads ``skema:`` from its schema."""
    stems = [p.name.removesuffix(".schema.json") for p in (PACKAGE / "schemas").glob("*.json")]
    ids = set(stems) | {stem.replace("-1", "/1") for stem in stems}
    offenders = {
        str(path.relative_to(ROOT)): found
        for path in PACKAGE.rglob("*.py")
        if path.parent.name != "kinds"
        and (found := sorted({i for text in code_strings(path) for i in ids if i in text}))
    }
    assert offenders == {}
