"""Fixtures for the site tests: the real site built once per session, one local web server
and one chromium.

The site build is the product's main job (what bootstrap.sh runs), so it stays a
``sphinx-build -n -W --keep-going`` subprocess, and a failed build or any warning fails the
tests that depend on it (never skips them): the fixture calls ``pytest.fail`` with the
warnings so the reader sees what broke. pytest keeps a session fixture's result, failure
included, so the site is built at most once per run.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import CHROMIUM_ARGS, chromium_path, serve
from sitebuild import build_problems, build_site

RUN_BOOTSTRAP = "Kør ./bootstrap.sh for at installere det (run ./bootstrap.sh to install it)."


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site's HTML output folder.

    Fails (not skips) every dependent test if sphinx exits non-zero or prints a warning.
    """
    outdir = tmp_path_factory.mktemp("site") / "html"
    problems = build_problems(build_site(outdir))
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
def axe_script(repo_root: Path) -> Path:
    path = repo_root / "node_modules" / "axe-core" / "axe.min.js"
    if not path.is_file():
        pytest.fail(f"axe-core mangler: {path} findes ikke. {RUN_BOOTSTRAP}", pytrace=False)
    return path


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
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(executable), args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield chromium
        finally:
            chromium.close()


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
