"""Small readers for the built HTML site, shared by the site tests (stdlib ``html.parser``)."""

from __future__ import annotations

import unicodedata
from html.parser import HTMLParser
from pathlib import Path

HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4"})


def normalise(text: str) -> str:
    """Compare texts the way a reader would: NFC, case-folded, one kind of dash/apostrophe,
    single spaces."""
    text = unicodedata.normalize("NFC", text)
    for dash in "\u2010\u2011\u2012\u2013\u2014\u2212":
        text = text.replace(dash, "-")
    text = text.replace("\u2019", "'").replace("\u00b6", "")  # pilcrow of the header links
    return " ".join(text.split()).casefold()


class PageReader(HTMLParser):
    """Collects headings (h1–h4), glossary terms (``dt`` in a ``dl.glossary``), every element
    id and every link target of one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.headings: list[str] = []
        self.glossary_terms: list[str] = []
        self.ids: set[str] = set()
        self.links: list[tuple[str, int]] = []  # (href or src, line)
        self._stack: list[tuple[str, bool]] = []  # (tag, inside a glossary list)
        self._capture: str | None = None  # "heading" or "term" while inside one
        self._capture_tag = ""
        self._buffer: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(str(attributes["id"]))
        if tag == "a" and attributes.get("name"):
            self.ids.add(str(attributes["name"]))
        for name in ("href", "src"):
            value = attributes.get(name)
            if value is not None and tag in {"a", "link", "img", "script"}:
                self.links.append((value, self.getpos()[0]))
        if tag in {"br", "img", "meta", "link", "input", "hr", "wbr", "source"}:
            return  # void elements never close
        in_glossary = bool(self._stack and self._stack[-1][1])
        if tag == "dl":
            in_glossary = "glossary" in (attributes.get("class") or "").split()
        self._stack.append((tag, in_glossary))
        if self._capture is None:
            if tag in HEADING_TAGS:
                self._capture, self._capture_tag, self._buffer = "heading", tag, []
            elif tag == "dt" and in_glossary:
                self._capture, self._capture_tag, self._buffer = "term", tag, []

    def handle_endtag(self, tag: str) -> None:
        if self._capture is not None and tag == self._capture_tag:
            text = " ".join("".join(self._buffer).split()).replace("\u00b6", "").strip()
            (self.headings if self._capture == "heading" else self.glossary_terms).append(text)
            self._capture = None
        while self._stack:
            if self._stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._capture is not None:
            self._buffer.append(data)


def read_page(path: Path) -> PageReader:
    reader = PageReader()
    reader.feed(path.read_text(encoding="utf-8"))
    reader.close()
    return reader


def html_pages(site: Path) -> list[Path]:
    """Every HTML page of the built site, sources and static assets excluded."""
    return sorted(
        page
        for page in site.rglob("*.html")
        if not page.relative_to(site).parts[0].startswith(("_sources", "_static"))
    )
