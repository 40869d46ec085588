"""The site's contact details and every page's ``<meta name="description">``.

Contact: one setting in conf.py, ``lks_kontakt`` (e-mail address, the publisher's name and
telephone number). The footer template reads it from the page context, and the pages write
``{kontakt}`email``` (also ``telefon``, ``udgiver``) where they need it, so the address is
typed in one place only. Until the real details are filled in, the setting holds placeholders
(:data:`PLACEHOLDER`); the Pages workflow runs ``python -m kbtools.sphinxext.site_meta conf.py``,
which fails while any placeholder is left, so a placeholder never reaches the public site.

Description: from the page's front matter (``description: …``) or else its first paragraph,
cut at a word boundary; pages without a document (search, index) get the site's description.
"""

from __future__ import annotations

import html
import os
import re
import runpy
import sys
from collections.abc import Mapping
from typing import Any

from docutils import nodes

#: Marks a value that must be replaced before the site is published.
PLACEHOLDER = "UDFYLD"
#: Top-level domains reserved for examples (RFC 2606); an address there is a placeholder too.
RESERVED_DOMAINS = (".example", ".invalid", ".test", ".localhost", "example.com", "example.org")
FIELDS = ("email", "telefon", "udgiver")

SITE_DESCRIPTION = (
    "Viden og værktøjer til lokalt koordinerende samarbejder (LKS) mellem jobcentre, "
    "erhvervsfremme og uddannelsesinstitutioner."
)
MAX_DESCRIPTION = 160


def placeholder_problems(contact: Mapping[str, Any] | None) -> list[str]:
    """What is still missing or a placeholder in ``lks_kontakt`` (empty when ready)."""
    contact = contact or {}
    problems = []
    for field in FIELDS:
        value = str(contact.get(field) or "").strip()
        if not value:
            problems.append(f"lks_kontakt[{field!r}] is empty")
        elif PLACEHOLDER in value.upper():
            problems.append(f"lks_kontakt[{field!r}] is a placeholder: {value}")
        elif field == "email" and value.lower().endswith(RESERVED_DOMAINS):
            problems.append(f"lks_kontakt['email'] uses a reserved example domain: {value}")
    return problems


def _contact_role(
    name: str,
    rawtext: str,
    text: str,
    lineno: int,
    inliner: Any,
    options: Mapping[str, Any] | None = None,
    content: Any = None,
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    """``{kontakt}`email``` → a mailto link; ``telefon`` → a tel: link; ``udgiver`` → text."""
    field = text.strip()
    contact = inliner.document.settings.env.config.lks_kontakt or {}
    if field not in FIELDS:
        message = inliner.reporter.error(
            f"kontakt: unknown field {field!r}; use one of {', '.join(FIELDS)}", line=lineno
        )
        return [inliner.problematic(rawtext, rawtext, message)], [message]
    value = str(contact.get(field, ""))
    if field == "email":
        return [nodes.reference(rawtext, value, refuri=f"mailto:{value}")], []
    if field == "telefon":
        digits = re.sub(r"[^\d+]", "", value)
        if digits:
            return [nodes.reference(rawtext, value, refuri=f"tel:{digits}")], []
    return [nodes.Text(value)], []


def description_of(doctree: nodes.document | None, metadata: Mapping[str, Any]) -> str:
    """The page's description: front matter ``description`` or its first paragraph."""
    given = metadata.get("description") if metadata else None
    if isinstance(given, str) and given.strip():
        return _shorten(given)
    if doctree is not None:
        for paragraph in doctree.findall(nodes.paragraph):
            if _in_skipped_context(paragraph):
                continue
            text = " ".join(paragraph.astext().split())
            if len(text) >= 40:
                return _shorten(text)
    return SITE_DESCRIPTION


def _in_skipped_context(node: nodes.Node) -> bool:
    """Paragraphs a reader does not see as the page's opening (notes, tables, forms, lists)."""
    parent = node.parent
    while parent is not None:
        if isinstance(
            parent,
            (nodes.Admonition, nodes.table, nodes.list_item, nodes.definition, nodes.raw),
        ):
            return True
        classes = parent.get("classes", []) if isinstance(parent, nodes.Element) else []
        if any(cls.startswith(("sd-", "sv-", "ab-")) for cls in classes):
            return True
        parent = parent.parent
    return False


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= MAX_DESCRIPTION:
        return text
    cut = text[: MAX_DESCRIPTION - 1].rsplit(" ", 1)[0].rstrip(",;:–- ")
    return cut + "…"


def _page_context(
    app: Any, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    context["lks_kontakt"] = dict(app.config.lks_kontakt or {})
    metatags = str(context.get("metatags", ""))
    if 'name="description"' in metatags:
        return
    metadata = app.env.metadata.get(pagename, {}) if doctree is not None else {}
    description = description_of(doctree, metadata)
    tag = f'<meta name="description" content="{html.escape(description, quote=True)}" />\n'
    context["metatags"] = metatags + tag


def setup_site_meta(app: Any) -> None:
    app.add_config_value("lks_kontakt", {}, "env", types=[dict])
    app.add_role("kontakt", _contact_role)
    app.connect("html-page-context", _page_context)


def main(argv: list[str]) -> int:
    """Fail (exit 1) while conf.py's ``lks_kontakt`` still holds a placeholder."""
    conf = argv[1] if len(argv) > 1 else "conf.py"
    contact = runpy.run_path(conf).get("lks_kontakt")
    problems = placeholder_problems(contact)
    prefix = "::error::" if os.environ.get("GITHUB_ACTIONS") else ""
    for problem in problems:
        print(f"{prefix}{conf}: {problem}", file=sys.stderr)
    if problems:
        print("Fill in the contact details in conf.py before publishing.", file=sys.stderr)
        return 1
    print(f"{conf}: contact details are filled in.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
