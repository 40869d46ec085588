"""What a Danish public site needs, checked on the built site: a favicon on
every page, »Om sitet« and the accessibility statement linked from every page's footer, and
the checks the accessibility statement (docs/tilgaengelighed.md) reports: axe-core on every
page, keyboard focus, and reflow at 320 CSS pixels."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import AXE_FILE, run_axe
from firstvisit import FirstVisit
from returning import returning_visitor
from test_browser import SERIOUS, _describe, top_level_pages
from test_selvevaluering_samling import PAGE as FACILITATOR_PAGE

DOCS = Path(__file__).resolve().parents[2] / "docs"
NOT_PAGES = ("_static/", "_downloads/", "_sources/", "eksempler/", "skemaer/", "skabelon/")
NOT_CONTENT = {"genindex.html", "search.html"}


def content_pages(site: Path) -> list[str]:
    """Every page a reader can open (not the generated index, search page or downloads)."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if not rel.startswith(NOT_PAGES) and rel not in NOT_CONTENT:
            pages.append(rel)
    return pages


def _head_links(html: str) -> dict[str, str]:
    """rel → href of the <link> tags (the last one wins)."""
    links = {}
    for tag in re.findall(r"<link\b[^>]*>", html):
        rel = re.search(r'rel="([^"]+)"', tag)
        href = re.search(r'href="([^"]+)"', tag)
        if rel and href:
            key = rel.group(1) + (" png" if 'type="image/png"' in tag else "")
            links[key] = href.group(1)
    return links


def test_every_page_references_the_favicon_and_its_fallbacks(built_site: Path) -> None:
    pages = content_pages(built_site)
    assert len(pages) > 20, pages
    for rel in pages:
        page = built_site / rel
        links = _head_links(page.read_text(encoding="utf-8"))
        expected = {
            "shortcut icon": "favicon.svg",
            "icon png": "favicon-32.png",
            "apple-touch-icon": "apple-touch-icon.png",
        }
        for rel_attr, name in expected.items():
            href = links.get(rel_attr, "")
            assert href.endswith("_static/" + name), (rel, rel_attr, links)
            assert (page.parent / href).resolve().is_file(), (rel, href)
    svg = (built_site / "_static" / "favicon.svg").read_text(encoding="utf-8")
    assert svg.startswith("<svg") and "<script" not in svg
    assert (built_site / "_static" / "favicon-32.png").read_bytes().startswith(b"\x89PNG")
    # browsers ask for /favicon.ico without a <link>: it is at the site root
    assert (built_site / "favicon.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"


def test_every_page_links_om_sitet_and_the_accessibility_statement(built_site: Path) -> None:
    for rel in content_pages(built_site):
        html = (built_site / rel).read_text(encoding="utf-8")
        footer = html.split('<div class="lks-footer-links">', 1)
        assert len(footer) == 2, rel
        links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', footer[1].split("</div>", 1)[0])
        page = built_site / rel
        # on the linked page itself Sphinx writes "#"
        targets = {text: page if href == "#" else page.parent / href for href, text in links}
        assert set(targets) == {"Om sitet", "Tilgængelighedserklæring"}, (rel, links)
        assert targets["Om sitet"].resolve() == (built_site / "om-sitet.html").resolve()
        assert (
            targets["Tilgængelighedserklæring"].resolve()
            == (built_site / "tilgaengelighed.html").resolve()
        )


EXTERNAL = re.compile(
    r"<(?:script|img|iframe|source)\b[^>]*\ssrc=\"(?:https?:)?//|"
    r"<link\b[^>]*\shref=\"(?:https?:)?//[^\"]*\"[^>]*>"
)


def test_no_page_loads_anything_from_another_server(built_site: Path) -> None:
    """»Om sitet« promises no tracking: scripts, styles, fonts and images come from the site."""
    loaded = []
    for rel in content_pages(built_site):
        html = (built_site / rel).read_text(encoding="utf-8")
        for match in EXTERNAL.finditer(html):
            tag = match.group(0)
            if tag.startswith("<link") and 'rel="canonical"' in tag:
                continue  # names the page's own address; loads nothing
            loaded.append((rel, tag[:120]))
    assert loaded == []


def test_om_sitet_says_who_is_behind_it_without_claiming_endorsement() -> None:
    text = " ".join((DOCS / "om-sitet.md").read_text(encoding="utf-8").split())
    assert "uafhængigt projekt" in text
    assert "Sitet er **ikke** udgivet af CARMA, Aalborg Universitet" in text
    assert "har ikke læst eller godkendt siderne" in text
    assert "https://github.com/lks-vidensbasen/lks-vidensbasen.github.io/issues" in text
    assert "CC BY 4.0" in text and "MIT-licensen" in text
    assert "ingen cookies" in text


def test_accessibility_statement_has_the_sections_of_the_template() -> None:
    text = (DOCS / "tilgaengelighed.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+)$", text, flags=re.M)
    assert headings == [
        "Overholdelsesstatus",
        "Ikke-tilgængeligt indhold",
        "Udarbejdelse af denne tilgængelighedserklæring",
        "Feedback og kontaktoplysninger",
        "Håndhævelsesprocedure",
    ]
    assert "delvist i overensstemmelse" in text
    assert "Digitaliseringsstyrelsen" in text.split("## Håndhævelsesprocedure", 1)[1]


def test_accessibility_statement_names_the_axe_core_the_tests_run() -> None:
    installed = json.loads((AXE_FILE.parent / "package.json").read_text(encoding="utf-8"))
    major_minor = ".".join(installed["version"].split(".")[:2])
    text = " ".join((DOCS / "tilgaengelighed.md").read_text(encoding="utf-8").split())
    assert f"axe-core (version {major_minor})" in text


@pytest.fixture(scope="module")
def light_page(browser: Any, site_url: str, first_visit: FirstVisit) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")
    # pages that start Python start from the snapshot
    yield returning_visitor(context, site_url, first_visit)
    context.close()


#: the pages are scanned in this many parts, so pytest-xdist can scan them side by side
SCAN_PARTS = 4
#: Pages whose own tests scan them as opened, in both colour schemes (the facilitator view:
#: test_selvevaluering_samling.py); scanning them here again would find the same.
SCANNED_AS_OPENED = {FACILITATOR_PAGE}


@pytest.mark.browser
@pytest.mark.parametrize("part", range(SCAN_PARTS))
def test_every_page_has_no_serious_accessibility_violations(
    light_page: Any, built_site: Path, site_url: str, axe_script: Path, part: int
) -> None:
    """test_browser.py scans the top-level pages in both colour schemes, and some pages' own
    tests scan them as opened (SCANNED_AS_OPENED); this scans the rest in the light scheme, so
    the statement's »alle sider« is true (every SCAN_PARTS-th page, from ``part`` on: the
    parts together scan every page)."""
    top = set(top_level_pages(DOCS))
    assert set(content_pages(built_site)) >= SCANNED_AS_OPENED
    pages = [*content_pages(built_site), *sorted(NOT_CONTENT), "search.html?q=partnerskab"]
    pages = [rel for rel in pages if rel not in top | SCANNED_AS_OPENED]
    assert len(pages) > 3 * SCAN_PARTS, pages
    problems = []
    for rel in pages[part::SCAN_PARTS]:
        response = light_page.goto(site_url + rel, wait_until="load")
        assert response is not None and response.ok, rel
        result = run_axe(light_page)
        violations = [v for v in result["violations"] if v["impact"] in SERIOUS]
        if violations:
            problems.append(f"{rel}:\n{_describe(violations)}")
    assert problems == []
    assert light_page.context.cookies() == []  # »Om sitet«: the site sets no cookies


_FOCUS_RING = """() => {
  let element = document.activeElement;
  const start = element;
  for (let i = 0; i < 4 && element; i++, element = element.parentElement) {
    const style = getComputedStyle(element);
    if (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2) return null;
  }
  return start.outerHTML.slice(0, 120);
}"""


SCROLLING = "getComputedStyle(document.documentElement).scrollBehavior"


@pytest.mark.browser
def test_a_reader_who_asks_for_less_motion_gets_no_smooth_scrolling(
    light_page: Any, site_url: str
) -> None:
    light_page.goto(site_url + "index.html", wait_until="load")
    try:
        assert light_page.evaluate(SCROLLING) == "smooth"  # the theme's own
        light_page.emulate_media(reduced_motion="reduce")
        assert light_page.evaluate(SCROLLING) == "auto"
    finally:
        light_page.emulate_media(reduced_motion="no-preference")


@pytest.mark.browser
def test_keyboard_skip_link_first_and_a_visible_focus_ring_on_every_stop(
    light_page: Any, site_url: str
) -> None:
    light_page.goto(site_url + "index.html", wait_until="load")
    light_page.keyboard.press("Tab")
    first = light_page.evaluate("[document.activeElement.textContent.trim(), location.hash]")
    assert first[0] == "Gå til indholdet"
    without_ring = []
    for _ in range(40):
        light_page.keyboard.press("Tab")
        if light_page.evaluate("document.activeElement === document.body"):
            break
        missing = light_page.evaluate(_FOCUS_RING)
        if missing:
            without_ring.append(missing)
    assert without_ring == []


@pytest.mark.browser
def test_top_level_pages_reflow_at_320_css_pixels(browser: Any, site_url: str) -> None:
    """WCAG 1.4.10: 320 CSS pixels wide (400 % zoom of 1280 px) without scrolling sideways."""
    context = browser.new_context(viewport={"width": 320, "height": 640}, locale="da-DK")
    try:
        page = context.new_page()
        too_wide = []
        for rel in top_level_pages(DOCS):
            page.goto(site_url + rel, wait_until="load")
            width = page.evaluate(
                "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
            )
            if width[0] > width[1]:
                too_wide.append((rel, width))
        assert too_wide == []
    finally:
        context.close()
