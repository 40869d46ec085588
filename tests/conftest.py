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

The real site is built once per run by ``built_site`` (below), also when pytest-xdist spreads
the tests over several worker processes: the site tests in ``tests/site/`` and the agreement
builder's tests in ``tests/builder/`` share that build; each worker has its own local web
server (``site_url``) and one headless Debian chromium (``browser``). A failed build or any
warning fails the tests that depend on it (never skips them): the fixture calls
``pytest.fail`` with the warnings so the reader sees what broke.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings
from sphinx.util.console import nocolor

# the helpers next to the site tests (browser.py, sitebuild.py) and the shared ones in support/
# (cli.py, checkout.py, returning.py), importable by their bare name
sys.path.insert(0, str(Path(__file__).resolve().parent / "site"))
sys.path.insert(0, str(Path(__file__).resolve().parent / "support"))

from browser import AXE_FILE, CHROMIUM_ARGS, TEST_ARGS, chromium_path, serve
from firstvisit import PATIENT_MS, FirstVisit, visited_once
from once import run_folder
from returning import returning_visitor
from sitebuild import built_once, start_building

pytest_plugins = ("sphinx.testing.fixtures",)

REPO_ROOT = Path(__file__).resolve().parents[1]


def _keep_compiled_python() -> None:
    """Without cached bytecode every process of the run (the workers, and each kbtools, Sphinx
    and pre-commit process the tests start) compiles each module of the checkout it imports
    again, and pytest rewrites every test module's asserts again: about 4 s per worker before
    the first test. So the run writes ``__pycache__`` folders (ignored by git) even when
    ``PYTHONDONTWRITEBYTECODE`` is set, as Python does by default, for this process and every
    process it starts. (A ``PYTHONPYCACHEPREFIX`` elsewhere would not do: Python then ignores
    the bytecode pip wrote for the installed packages, and a first run compiles them all.)"""
    if os.environ.pop("PYTHONDONTWRITEBYTECODE", ""):
        sys.dont_write_bytecode = False


_keep_compiled_python()


# Hypothesis' per-example deadline (200 ms) is a timing: on a busy machine it fails tests that
# are right. No test here depends on how idle the machine is.
settings.register_profile("kbtools", deadline=None)
settings.load_profile("kbtools")


def pytest_configure(config: pytest.Config) -> None:
    nocolor()  # Sphinx colours warnings even in a StringIO; tests compare plain text


def _needs_site(item: pytest.Item) -> bool:
    return "built_site" in getattr(item, "fixturenames", ())


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that needs the real site build is ``slow`` (``-m "not slow"`` leaves out the
    build; the default run, and so CI, still runs them), and comes after the others: they run
    while the site is built (see :func:`pytest_collection_finish`). The order is the same in
    every xdist worker, as pytest-xdist requires."""
    for item in items:
        if _needs_site(item):
            item.add_marker(pytest.mark.slow)
    items.sort(key=_needs_site)  # stable: otherwise in the order collected


def pytest_collection_finish(session: pytest.Session) -> None:
    """Start building the site as soon as it is known that a selected test needs it, and
    after it the run's first visit to it, if a selected test needs that."""
    if session.config.option.collectonly:
        return  # nothing runs
    if any(_needs_site(item) for item in session.items):
        factory: pytest.TempPathFactory = session.config._tmp_path_factory  # type: ignore[attr-defined]
        shared = run_folder(factory)
        visit = any("first_visit" in getattr(item, "fixturenames", ()) for item in session.items)
        start_building(
            shared / "site",
            then=(lambda html: visited_once(html, shared / "first-visit")) if visit else None,
        )


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


RUN_BOOTSTRAP = "Kør ./bootstrap.sh for at installere det (run ./bootstrap.sh to install it)."


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site's HTML output folder, built once per test run.

    With pytest-xdist every worker is a session of its own: the build starts in the background
    once the tests are collected, into the run's shared temporary folder, and every worker
    waits for that one build (:func:`sitebuild.built_once`). Fails (not skips) every dependent
    test if sphinx exits non-zero or prints a warning.
    """
    shared = run_folder(tmp_path_factory) / "site"
    outdir = shared / "html"
    problems = built_once(shared)
    if problems:
        pytest.fail(problems, pytrace=False)
    if not (outdir / "index.html").is_file():
        pytest.fail(f"The site build produced no index.html in {outdir}", pytrace=False)
    return outdir


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """Base URL (ending in "/") of the built site served on localhost."""
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def first_visit(
    browser: Any, built_site: Path, tmp_path_factory: pytest.TempPathFactory
) -> FirstVisit:
    """The run's first visit to the builder, made once for every worker (``firstvisit.py``):
    its Cache Storage makes every other context a returning visitor's. Fails (not skips) every
    dependent test if it failed."""
    found = visited_once(built_site, run_folder(tmp_path_factory) / "first-visit")
    if isinstance(found, str):
        pytest.fail(found, pytrace=False)
    return found


@pytest.fixture(scope="session")
def axe_script() -> Path:
    """npm's axe-core, which ``browser.run_axe`` loads into a page; a test that scans asks for
    it, so a missing axe-core fails with how to install it."""
    if not AXE_FILE.is_file():
        pytest.fail(f"axe-core mangler: {AXE_FILE} findes ikke. {RUN_BOOTSTRAP}", pytrace=False)
    return AXE_FILE


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Debian chromium for the whole session (never a downloaded browser)."""
    executable = chromium_path()
    if executable is None:
        pytest.fail(
            f"chromium mangler: /usr/bin/chromium findes ikke. {RUN_BOOTSTRAP}", pytrace=False
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail(f"Python-pakken playwright mangler. {RUN_BOOTSTRAP}", pytrace=False)
    from playwright.sync_api import expect

    # a busy machine (CI, xdist workers side by side) is slow, never wrong: every wait and every
    # auto-retrying assertion (expect) gets a patient limit instead of Playwright's 30 s and 5 s
    expect.set_options(timeout=PATIENT_MS)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(executable), args=[*CHROMIUM_ARGS, *TEST_ARGS], headless=True
        )
        try:
            yield _PatientBrowser(chromium)
        finally:
            chromium.close()


class _PatientBrowser:
    """The browser, whose new contexts wait up to PATIENT_MS for anything."""

    def __init__(self, browser: Any) -> None:
        self._browser = browser

    def new_context(self, **options: Any) -> Any:
        context = self._browser.new_context(**options)
        context.set_default_timeout(PATIENT_MS)
        return context

    def __getattr__(self, name: str) -> Any:
        return getattr(self._browser, name)


@pytest.fixture(scope="session")
def screenshot_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where screenshots go: $KB_SCREENSHOT_DIR (set by .ci/run to the artefact folder) or a
    temporary folder."""
    configured = os.environ.get("KB_SCREENSHOT_DIR")
    if configured:
        path = Path(configured)
        path.mkdir(parents=True, exist_ok=True)
        return path
    return tmp_path_factory.mktemp("screenshots")


#: The screens of the shared pages below.
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def _shared_page(
    browser: Any, site_url: str, first_visit: FirstVisit, **options: Any
) -> Iterator[Any]:
    context = browser.new_context(locale="da-DK", **options)
    try:
        yield returning_visitor(context, site_url, first_visit)
    finally:
        context.close()


@pytest.fixture(scope="session")
def desktop_page(browser: Any, site_url: str, first_visit: FirstVisit) -> Iterator[Any]:
    """This test process's desktop page (1280 × 900, Danish), a returning visitor's, for every
    test that asks for it. Opening a page again in the same page costs less than half of what
    a new browser context costs, so tests share it and begin with
    :func:`returning.fresh_visit`, which makes each visit a new one."""
    yield from _shared_page(browser, site_url, first_visit, viewport=DESKTOP)


@pytest.fixture(scope="session")
def phone_page(browser: Any, site_url: str, first_visit: FirstVisit) -> Iterator[Any]:
    """This test process's phone page (390 × 844, a mobile browser's viewport, touch)."""
    yield from _shared_page(
        browser, site_url, first_visit, viewport=PHONE, is_mobile=True, has_touch=True
    )


@pytest.fixture
def context(browser: Any) -> Iterator[Any]:
    """A fresh Danish browser context (own localStorage) at desktop size; the builder's tests
    use it, and a test module may define its own."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")
    try:
        yield context
    finally:
        context.close()
