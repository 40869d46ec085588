"""Build one of the tiny Sphinx projects in ``tests/roots`` and return its front page."""

from __future__ import annotations

import shutil
from io import StringIO
from pathlib import Path

from sphinx.testing.util import SphinxTestApp

ROOTS = Path(__file__).resolve().parents[1] / "roots"


def build_root(name: str, workdir: Path) -> tuple[str, str]:
    """(index.html, warnings) of ``tests/roots/<name>`` built as HTML in ``workdir``."""
    srcdir = workdir / "src"
    shutil.copytree(ROOTS / name, srcdir)
    warnings = StringIO()
    app = SphinxTestApp("html", srcdir=srcdir, status=StringIO(), warning=warnings)
    try:
        app.build()
        html = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    finally:
        app.cleanup()
    return html, warnings.getvalue()
