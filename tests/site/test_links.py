"""Every internal link of the built site resolves: the target file exists and,
if the link has a ``#fragment``, the target page has an element with that id."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from sitehtml import html_pages, read_page


def test_every_internal_link_resolves(built_site: Path) -> None:
    @cache
    def ids_of(page: Path) -> frozenset[str]:
        return frozenset(read_page(page).ids)

    broken: list[str] = []
    checked = 0
    for page in html_pages(built_site):
        for href, line in read_page(page).links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
                continue  # external
            where = f"{page.relative_to(built_site).as_posix()}:{line}: {href}"
            if parts.path:
                target = (page.parent / unquote(parts.path)).resolve()
                if target.is_dir():
                    target = target / "index.html"
            else:
                target = page
            checked += 1
            if not target.is_file():
                broken.append(f"{where} (no file {os.path.relpath(target, built_site)})")
            elif (
                parts.fragment
                and target.suffix == ".html"
                and unquote(parts.fragment) not in ids_of(target)
            ):
                broken.append(f"{where} (no id {parts.fragment!r} on the target page)")
    assert checked > 100, f"only {checked} internal links found; is the site complete?"
    assert not broken, f"{len(broken)} internal links do not resolve:\n" + "\n".join(broken)
