"""The built site in a real browser: screenshots, axe-core accessibility scans
in light and dark colour scheme, and the Danish search page.

Uses Debian's chromium and npm's axe-core, both installed by ./bootstrap.sh.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import HELD, held_url, run_axe
from returning import fresh_visit

pytestmark = pytest.mark.browser

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SERIOUS = {"serious", "critical"}


def top_level_pages(docs: Path) -> list[str]:
    """The front page, every section's index, and the other top-level pages (ordliste,
    kilder), as built-site paths. Derived from docs/, so a new section is scanned too."""
    pages = [f"{source.stem}.html" for source in sorted(docs.glob("*.md"))]
    pages += [
        f"{index.parent.name}/index.html"
        for index in sorted(docs.glob("*/index.md"))
        if not index.parent.name.startswith("_")
    ]
    return pages


#: Top-level pages whose own tests scan them in both colour schemes, in more states than
#: just opened: the builder with an agreement's findings shown (test_builder_form.py).
SCANNED_BY_THEIR_TESTS = {"aftalebygger/index.html"}


def _pages_param() -> list[str]:
    pages = top_level_pages(Path(__file__).resolve().parents[2] / "docs")
    return [page for page in pages if page not in SCANNED_BY_THEIR_TESTS]


def test_top_level_pages_include_the_required_ones() -> None:
    pages = set(_pages_param())
    required = {"index.html", "ordliste.html", "kilder.html", "typologi/index.html"}
    assert required <= pages, sorted(required - pages)


@pytest.fixture(params=["light", "dark"], scope="module")
def page(request: pytest.FixtureRequest, browser: Any) -> Iterator[Any]:
    """A browser page in the given colour scheme (furo follows the system's scheme)."""
    context = browser.new_context(
        color_scheme=request.param, viewport={"width": 1280, "height": 900}, locale="da-DK"
    )
    # none of these pages starts Python (the builder's page is scanned by its own tests), so
    # the context needs no Python snapshot
    browser_page = context.new_page()
    browser_page.emulate_media(color_scheme=request.param)
    try:
        yield browser_page
    finally:
        context.close()


def _describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"]]
        shown = ", ".join(targets[:5]) + (
            f" (+{len(targets) - 5} more)" if len(targets) > 5 else ""
        )
        lines.append(
            f"- {violation['id']} [{violation['impact']}]: {violation['help']}\n    {shown}"
        )
    return "\n".join(lines)


@pytest.mark.parametrize("path", _pages_param())
def test_no_serious_accessibility_violations(
    page: Any, site_url: str, axe_script: Path, path: str
) -> None:
    response = page.goto(site_url + path, wait_until="load")
    assert response is not None and response.ok, f"{path} did not load"
    scheme = page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    result = run_axe(page)
    assert result["passes"], "axe-core ran no checks at all"
    violations = [v for v in result["violations"] if v["impact"] in SERIOUS]
    mode = "dark" if scheme else "light"
    assert not violations, (
        f"{path} ({mode} colour scheme) has {len(violations)} serious or critical "
        f"accessibility violations:\n{_describe(violations)}"
    )
    assert page.context.cookies() == []  # »Om sitet«: the site sets no cookies


#: A page of the site's origin with what axe must find: grey text on white, an unnamed image.
NOT_ACCESSIBLE = (
    b'<!doctype html><html lang="da"><title>Utilgaengelig</title>'
    b'<p style="color: #bbb; background: #fff">Lys gr\xc3\xa5 tekst</p>'
    b'<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="40" height="40"></html>'
)


def test_the_scan_is_not_blind(desktop_page: Any, site_url: str, axe_script: Path) -> None:
    HELD["utilgaengelig.html"] = NOT_ACCESSIBLE
    desktop_page.goto(held_url(site_url, "utilgaengelig.html"))
    found = {v["id"]: v["impact"] for v in run_axe(desktop_page)["violations"]}
    assert found.get("color-contrast") == "serious" and found.get("image-alt") == "critical"


@pytest.mark.parametrize(
    ("path", "name"), [("index.html", "forside"), ("typologi/index.html", "typologi")]
)
def test_screenshot(page: Any, site_url: str, screenshot_dir: Path, path: str, name: str) -> None:
    page.goto(site_url + path, wait_until="load")
    dark = page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    target = screenshot_dir / f"{name}-{'moerk' if dark else 'lys'}.png"
    page.screenshot(path=str(target), full_page=True)
    data = target.read_bytes()
    assert data.startswith(PNG_SIGNATURE), f"{target} is not a PNG"
    assert len(data) > 10_000, f"{target} is suspiciously small ({len(data)} bytes)"


def test_search_for_a_danish_word_finds_pages(desktop_page: Any, site_url: str) -> None:
    search = fresh_visit(desktop_page, site_url, "search.html?q=partnerskab")
    hits = search.locator("#search-results ul.search li")
    hits.first.wait_for(state="attached", timeout=20_000)
    assert hits.count() >= 1
    links = hits.locator("a").evaluate_all("links => links.map(a => a.textContent)")
    assert any(text.strip() for text in links), "the search hits have no titles"
