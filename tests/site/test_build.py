"""The site builds with ``-n -W --keep-going`` and no warnings (issue 3 §3)."""

from __future__ import annotations

from pathlib import Path


def test_site_builds_without_warnings(built_site: Path) -> None:
    # The fixture fails on any warning or a non-zero exit; here we check the result is a site.
    for page in ("index.html", "search.html", "searchindex.js", "ordliste.html", "kilder.html"):
        assert (built_site / page).is_file(), f"{page} is missing from the built site"
