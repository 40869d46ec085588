"""Scripts and stylesheets that only the pages using a directive get.

The agreement builder, the questionnaire, the facilitator view and the Python runtime each mark
the pages their directive is on; those pages (and no others) get the tool's CSS and JavaScript,
and the files are copied into ``_static`` once the build has finished. The marks live in the
build environment, so incremental and parallel builds keep them right (``env-merge-info``,
``env-purge-doc``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sphinx.util.fileutil import copy_asset_file

STATIC = Path(__file__).resolve().parent / "static"


@dataclass(frozen=True)
class PageAssets:
    """The files one tool adds to the pages it is used on.

    ``key`` names the set of marked pages in the environment; ``css`` and ``js`` are added to
    those pages and copied from ``kbtools/sphinxext/static`` into ``_static``. A script ending
    in ``.mjs`` is added as an ES module; ``imports`` are the modules it imports, copied but
    not added to the page.
    """

    key: str
    css: tuple[str, ...] = ()
    js: tuple[str, ...] = ()
    imports: tuple[str, ...] = ()

    def mark(self, env: Any, docname: str) -> None:
        """Mark ``docname`` as a page that uses the tool."""
        pages: set[str] | None = getattr(env, self.key, None)
        if pages is None:
            pages = set()
            setattr(env, self.key, pages)
        pages.add(docname)

    def used_on(self, env: Any, docname: str) -> bool:
        return docname in getattr(env, self.key, set())

    def connect(self, app: Any) -> None:
        """Register the bookkeeping, and adding and copying the files, with ``app``."""
        app.connect("env-merge-info", self._merge)
        app.connect("env-purge-doc", self._purge)
        if self.css or self.js:
            app.connect("html-page-context", self._add_files)
            app.connect("build-finished", self._copy)

    def _add_files(
        self, app: Any, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
    ) -> None:
        if self.used_on(app.env, pagename):
            for name in self.css:
                app.add_css_file(name)
            for name in self.js:
                if name.endswith(".mjs"):
                    app.add_js_file(name, type="module")
                else:
                    app.add_js_file(name)

    def _copy(self, app: Any, exception: Exception | None) -> None:
        if exception is None and app.builder.format == "html":
            for name in (*self.css, *self.js, *self.imports):
                copy_asset_file(str(STATIC / name), str(Path(app.outdir) / "_static"), force=True)

    def _merge(self, app: Any, env: Any, docnames: set[str], other: Any) -> None:
        for docname in getattr(other, self.key, set()) & docnames:
            self.mark(env, docname)

    def _purge(self, app: Any, env: Any, docname: str) -> None:
        getattr(env, self.key, set()).discard(docname)
