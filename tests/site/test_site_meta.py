"""Contact details in one place, a page description on every page.

The contact setting is ``lks_kontakt`` in conf.py (kbtools/sphinxext/site_meta.py); the footer,
»Om sitet« and the accessibility statement show it, and the Pages workflow refuses to publish
while it holds a placeholder.
"""

from __future__ import annotations

import html
import re
import runpy
import subprocess
import sys
from pathlib import Path

import yaml
from test_public_pages import content_pages

from kbtools.sphinxext.site_meta import SITE_DESCRIPTION, description_of, placeholder_problems

ROOT = Path(__file__).resolve().parents[2]
CONTACT = runpy.run_path(str(ROOT / "conf.py"))["lks_kontakt"]


def _description(page: str) -> str | None:
    tags = re.findall(r'<meta name="description" content="([^"]*)"', page)
    assert len(tags) <= 1, tags
    return html.unescape(tags[0]) if tags else None


def test_every_page_has_a_description_from_its_own_text(built_site: Path) -> None:
    pages = [*content_pages(built_site), "search.html", "genindex.html"]
    for rel in pages:
        text = (built_site / rel).read_text(encoding="utf-8")
        description = _description(text)
        assert description, rel
        assert 40 <= len(description) <= 160, (rel, description)
    # a reader page's description is its own opening, not the site's default
    hvorfor = _description((built_site / "rammevaerk" / "hvorfor.html").read_text("utf-8"))
    assert hvorfor and hvorfor.startswith("De fleste er enige om, at samarbejde er godt.")
    index = _description((built_site / "index.html").read_text("utf-8"))
    assert index and index != SITE_DESCRIPTION


def test_front_matter_description_wins_and_long_text_is_cut_at_a_word() -> None:
    assert description_of(None, {"description": "  Egen   beskrivelse. "}) == "Egen beskrivelse."
    assert description_of(None, {}) == SITE_DESCRIPTION
    from docutils import nodes

    document = nodes.document(None, None)
    long_text = "Ord " * 80
    document += nodes.paragraph(text=long_text)
    cut = description_of(document, {})
    assert len(cut) <= 160 and cut.endswith("Ord…")


def test_footer_and_the_two_pages_show_the_one_configured_address(built_site: Path) -> None:
    email = CONTACT["email"]
    for rel in content_pages(built_site):
        text = (built_site / rel).read_text(encoding="utf-8")
        footer = text.split('<div class="bottom-of-page">', 1)[1]
        assert f'href="mailto:{email}"' in footer, rel
        assert "Made with" not in footer and "Furo" not in footer, rel
    for rel in ("om-sitet.html", "tilgaengelighed.html"):
        article = (built_site / rel).read_text(encoding="utf-8").split("<article", 1)[1]
        assert f'href="mailto:{email}"' in article, rel
        assert CONTACT["telefon"] in article, rel
    credits = (built_site / "om-sitet.html").read_text(encoding="utf-8")
    assert "Sphinx" in credits and "Furo" in credits
    # the address is typed in conf.py only
    for page in (ROOT / "docs").rglob("*.md"):
        assert email not in page.read_text(encoding="utf-8"), page


def test_placeholders_are_recognised() -> None:
    ready = {"email": "lks@kommune.dk", "telefon": "+45 12 34 56 78", "udgiver": "Kommune"}
    assert placeholder_problems(ready) == []
    assert placeholder_problems({**ready, "email": "UDFYLD@x.dk"})
    assert placeholder_problems({**ready, "email": "kontakt@lks.example"})
    assert placeholder_problems({**ready, "telefon": ""})
    assert placeholder_problems(None)


def test_the_pages_workflow_refuses_to_publish_while_a_placeholder_is_configured(
    tmp_path: Path,
) -> None:
    workflow = yaml.safe_load((ROOT / ".github/workflows/pages.yml").read_text("utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    runs = [str(step.get("run", "")) for step in steps]
    (check,) = [i for i, run in enumerate(runs) if "kbtools.sphinxext.site_meta" in run]
    upload = next(i for i, s in enumerate(steps) if "upload-pages-artifact" in s.get("uses", ""))
    assert check < upload
    command = [sys.executable, "-m", "kbtools.sphinxext.site_meta"]
    placeholder = tmp_path / "placeholder.py"
    placeholder.write_text(f"lks_kontakt = {CONTACT!r}\n", encoding="utf-8")
    ready = tmp_path / "ready.py"
    ready.write_text(
        "lks_kontakt = {'email': 'lks@kommune.dk', 'telefon': '+45 12 34 56 78',"
        " 'udgiver': 'Kommune'}\n",
        encoding="utf-8",
    )
    configured_now = subprocess.run([*command, str(placeholder)], capture_output=True, check=False)
    assert configured_now.returncode == (1 if placeholder_problems(CONTACT) else 0)
    assert subprocess.run([*command, str(ready)], capture_output=True, check=False).returncode == 0
