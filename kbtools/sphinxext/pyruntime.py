"""Python in the browser: Pyodide and kbtools vendored into the built site.

Pages that run kbtools' own Python code in the reader's browser (the agreement builder, the
self-assessment's facilitator view) load ``_static/kb-python.js``. It starts a Web Worker
(``_static/kb-python-worker.mjs``) that loads Pyodide from ``_static/pyodide-<version>/`` and
unpacks ``_static/kbtools-browser-<hash>.zip`` (kbtools' pure-Python modules, schemas and data
plus PyYAML's pure-Python ``yaml`` package) into Pyodide's file system. Nothing is fetched
from anywhere but the site itself: the site works offline behind a municipal firewall.

Pyodide's files come from the npm package ``pyodide`` (pinned in ``package.json``, installed
by ``npm ci`` in ``bootstrap.sh``); a build without them stops with a Danish message.

A page opts in with :func:`use_python` from a directive (the file list is added to that page
only). The JavaScript API is documented in ``static/kb-python.js``; the Python side is
:mod:`kbtools.browser.entry`.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import zipfile
from pathlib import Path
from typing import Any

import yaml
from sphinx.errors import ExtensionError
from sphinx.util.fileutil import copy_asset_file

import kbtools
from kbtools.sphinxext.page_assets import PageAssets

STATIC = Path(__file__).resolve().parent / "static"
#: The runtime's own JavaScript, copied into ``_static`` when a page uses it.
RUNTIME_FILES = ("kb-python.js", "kb-python-worker.mjs")
#: The files of the npm package ``pyodide`` the worker needs (core runtime only).
PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
#: Read at build time only (the version names the folder), not copied.
PYODIDE_VERSION_FILE = "package.json"
#: Parts of kbtools that never run in the browser: Sphinx, the site's Word template and the
#: PDF writer (WeasyPrint needs native code).
EXCLUDED = (
    "sphinxext/",
    "render/docx_template.py",
    "render/pdf_writer.py",
)
#: The placeholder in kb-python.js that the build replaces with the file names below.
CONFIG_MARK = '{"pyodide": "pyodide/", "bundle": "kbtools-browser.zip"}'
#: The pages that run Python (they get the runtime's script, which _publish writes).
PAGES = PageAssets("kbtools_python_pages")


def pyodide_dir(app: Any) -> Path:
    """Where the npm package ``pyodide`` is installed (``node_modules`` next to conf.py)."""
    return Path(app.confdir) / "node_modules" / "pyodide"


def pyodide_version(folder: Path) -> str:
    """The installed Pyodide's version (from its package.json)."""
    with (folder / PYODIDE_VERSION_FILE).open(encoding="utf-8") as handle:
        return str(json.load(handle)["version"])


def missing_pyodide(folder: Path) -> list[str]:
    """The Pyodide files the site needs that are not installed."""
    needed = (*PYODIDE_FILES, PYODIDE_VERSION_FILE)
    return [name for name in needed if not (folder / name).is_file()]


def _bundled(relative: str) -> bool:
    if "__pycache__" in relative or relative.endswith((".pyc", ".so", ".pyd")):
        return False
    return not relative.startswith(EXCLUDED)


def _files(package: Path, prefix: str, keep: Any) -> list[tuple[str, Path]]:
    found = []
    for path in sorted(package.rglob("*")):
        relative = path.relative_to(package).as_posix()
        if path.is_file() and keep(relative):
            found.append((f"{prefix}/{relative}", path))
    return found


def bundle() -> bytes:
    """kbtools (without :data:`EXCLUDED`) and pure-Python PyYAML as one reproducible zip."""
    kb_dir = Path(kbtools.__file__).resolve().parent
    yaml_dir = Path(yaml.__file__).resolve().parent
    members = _files(kb_dir, "kbtools", _bundled)
    members += _files(yaml_dir, "yaml", lambda rel: rel.endswith(".py"))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, path in members:
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    return buffer.getvalue()


def bundle_name(content: bytes) -> str:
    """The bundle's file name, with a content hash so a new build is never read from cache."""
    return f"kbtools-browser-{hashlib.sha256(content).hexdigest()[:12]}.zip"


def use_python(app: Any, docname: str) -> None:
    """Mark page ``docname`` as running Python: it gets the runtime's script."""
    PAGES.mark(app.env, docname)


def _check_installed(app: Any) -> None:
    if app.builder.format != "html":
        return
    folder = pyodide_dir(app)
    missing = missing_pyodide(folder)
    if missing:
        raise ExtensionError(
            f"Pyodide mangler: {', '.join(missing)} findes ikke i {folder}. Aftalebyggeren "
            "kører kbtools i browseren med Pyodide fra npm-pakken pyodide. Kør ./bootstrap.sh "
            "(eller npm ci) for at installere den."
        )
    app.builder.kbtools_bundle = bundle()


def _add_script(
    app: Any, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if PAGES.used_on(app.env, pagename):
        app.add_js_file("kb-python.js")


def _publish(app: Any, exception: Exception | None) -> None:
    content = getattr(app.builder, "kbtools_bundle", None)
    if exception is not None or app.builder.format != "html" or content is None:
        return
    static = Path(app.outdir) / "_static"
    static.mkdir(parents=True, exist_ok=True)
    source = pyodide_dir(app)
    target = static / f"pyodide-{pyodide_version(source)}"
    target.mkdir(exist_ok=True)
    for name in PYODIDE_FILES:
        if (
            not (target / name).is_file()
            or (target / name).stat().st_size != (source / name).stat().st_size
        ):
            shutil.copyfile(source / name, target / name)
    name = bundle_name(content)
    for old in static.glob("kbtools-browser-*.zip"):
        if old.name != name:
            old.unlink()
    (static / name).write_bytes(content)
    config = json.dumps({"pyodide": f"{target.name}/", "bundle": name})
    script = (STATIC / "kb-python.js").read_text(encoding="utf-8").replace(CONFIG_MARK, config)
    (static / "kb-python.js").write_text(script, encoding="utf-8")
    copy_asset_file(str(STATIC / "kb-python-worker.mjs"), str(static), force=True)


def setup(app: Any) -> dict[str, Any]:
    app.connect("builder-inited", _check_installed)
    app.connect("html-page-context", _add_script)
    app.connect("build-finished", _publish)
    PAGES.connect(app)
    return {"version": kbtools.__version__, "parallel_read_safe": True, "parallel_write_safe": True}
