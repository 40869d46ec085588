"""The sources page lists its entries as a valid ARIA list (a hook in the site's conf.py).

Docutils' default ``role="doc-biblioentry"`` is deprecated, which leaves ``role="list"`` without
list items (axe-core: aria-required-children, critical). Checked here without a browser, so a
regression shows even where chromium is missing.
"""

from __future__ import annotations

import re
from pathlib import Path


def test_every_bibliography_entry_is_a_list_item(built_site: Path) -> None:
    html = (built_site / "kilder.html").read_text(encoding="utf-8")
    lists = re.findall(r'<div role="list" class="citation-list">', html)
    entries = re.findall(r'<div class="citation" id="[^"]+" role="([^"]+)"', html)
    assert lists, "kilder.html has no bibliography list"
    assert len(entries) >= 5, f"expected the five sources, found {len(entries)} entries"
    assert set(entries) == {"listitem"}, f"bibliography entries have roles {set(entries)}"
    assert "doc-biblioentry" not in html
