"""Shared fixtures: Sphinx test projects and the repository root.

Tiny Sphinx projects live in ``tests/roots/test-<name>/`` (a ``conf.py`` and an ``index``
page) and are built with Sphinx' own pytest fixtures (``sphinx.testing.fixtures``)::

    @pytest.mark.sphinx("html", testroot="tasklist")
    def test_something(app: SphinxTestApp) -> None:
        app.build()
        assert app.warning.getvalue() == ""
        html = (app.outdir / "index.html").read_text(encoding="utf-8")

The ``app`` fixture copies the root into the test's own ``tmp_path`` (``app.srcdir``) and
builds into ``app.outdir`` below it, so every test starts from an empty environment and may
edit ``app.srcdir`` before ``app.build()`` (conf.py is already read by then: change settings
with ``confoverrides={...}`` in the marker). For a second build of the same project (an
incremental rebuild), ask for ``make_app`` too and call
``make_app("html", srcdir=app.srcdir, builddir=app.srcdir / "_build")``. Warnings are plain
text (no colour codes), so a failure-mode root can assert the exact warning.

The real site is built once per session by ``built_site`` in ``tests/site/conftest.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sphinx.util.console import nocolor

pytest_plugins = ("sphinx.testing.fixtures",)

REPO_ROOT = Path(__file__).resolve().parents[1]


def pytest_configure(config: pytest.Config) -> None:
    nocolor()  # Sphinx colours warnings even in a StringIO; tests compare plain text


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that needs the real site build is ``slow`` (``-m "not slow"`` leaves out the
    build; the default run, and so CI, still runs them)."""
    for item in items:
        if "built_site" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where ``@pytest.mark.sphinx(testroot="x")`` finds its project: ``tests/roots/test-x``."""
    return REPO_ROOT / "tests" / "roots"


@pytest.fixture
def sphinx_test_tempdir(tmp_path: Path) -> Path:
    """Build each test's project in that test's own folder.

    Sphinx' default is one folder per session, so a second test of the same root would reuse
    the first test's environment, read nothing again and so never see a warning.
    """
    return tmp_path


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The checkout's root folder (where ``conf.py`` and ``docs/`` live)."""
    return REPO_ROOT
