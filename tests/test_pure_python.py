"""The check runs on pure Python: what the browser (Pyodide) can load.

A fresh interpreter hides PyYAML's C extension and then checks every test and example file
through the public API. It must give the same findings as here, and the only packages outside
the standard library it may import are kbtools and PyYAML, as plain ``.py`` files: no
jsonschema (it needs the native rpds-py), no fastjsonschema, no compiled extension."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

from kbtools import check_file

ROOT = Path(__file__).resolve().parents[1]
#: Packages kbtools must not import at all: jsonschema needs rpds-py (native, no wasm wheel).
FORBIDDEN = {"jsonschema", "fastjsonschema", "rpds", "referencing"}
FILES = sorted((ROOT / "tests" / "data").rglob("*.yaml")) + sorted((ROOT / "cases").rglob("*.yaml"))

SCRIPT = """
import json, sys
before = set(sys.modules)  # what the interpreter itself loaded (site, editable installs …)
sys.modules["yaml._yaml"] = None  # as if PyYAML had been installed without libyaml
sys.modules["_yaml"] = None

from kbtools import check_file
from kbtools.loading import yamlsource
import yaml

assert not yaml.__with_libyaml__ and issubclass(yamlsource._Loader, yaml.SafeLoader)
findings = {path: repr(check_file(path).findings) for path in sys.argv[1:]}
outside = sorted(
    f"{name} ({getattr(module, '__file__', None)})"
    for name, module in list(sys.modules.items())
    if module is not None
    and name not in before
    and name.partition(".")[0] not in sys.stdlib_module_names
    and name not in sys.builtin_module_names
    and (
        name.partition(".")[0] not in ("kbtools", "yaml")
        or not str(getattr(module, "__file__", "") or "x.py").endswith(".py")
    )
)
print(json.dumps({"findings": findings, "outside": outside}))
"""


def test_checking_needs_only_pure_python() -> None:
    paths = [str(path) for path in FILES]
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, *paths], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["outside"] == []
    assert report["findings"] == {path: repr(check_file(path).findings) for path in paths}


def test_no_module_imports_jsonschema() -> None:
    found = []
    for path in sorted((ROOT / "kbtools").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            found += [f"{path.name}: {name}" for name in names if name.split(".")[0] in FORBIDDEN]
    assert found == []
