"""``render --format md``: a value is text, never Markdown. It cannot add a heading (a fake
»Underskrifter« with a fake signer), raw HTML, a link or an autolink."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from kbtools.cli import main
from kbtools.render.text_writers import md_text
from kbtools.reporting.visible import visible

MINIMAL = Path(__file__).resolve().parents[1] / "data" / "agreements" / "valid" / "minimal.yaml"
#: CommonMark with GitHub's tables and strikethrough, as GitHub and most viewers show it.
PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"])
#: Everything that has a meaning somewhere in Markdown, and the whitespace around it.
HOSTILE = [
    *"\\`*_[]()<>&|~#!-+=.:)0123456789 \t\n\r\"'{}/@a",
    "javascript:",
    "https://",
    "www.",
    "&amp;",
    "&#60;",
    "<img src=x onerror=alert(1)>",
    "    ",
    "\u00a0",
    "\x1b[31m",
    "\u202e",
]


def expected_text(text: str) -> str:
    """What a reader should see: the text, line by line, without blank lines and margins."""
    lines = [visible(line.strip()) for line in re.split(r"\r\n|\r|\n", text)]
    return "\n".join(line for line in lines if line)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(HOSTILE), max_size=30).map("".join))
def test_any_text_is_one_plain_paragraph_showing_the_text(text: str) -> None:
    shown = PARSER.render(md_text(text))
    want = expected_text(text)
    if not want:
        assert shown == ""
        return
    assert html.unescape(shown) == f"<p>{want}</p>\n"
    assert "<" not in shown.removeprefix("<p>").removesuffix("</p>\n")


def agreement_with(tmp_path: Path, purpose: str, name: str) -> Path:
    data = yaml.safe_load(MINIMAL.read_text("utf-8"))
    data["formål"]["beskrivelse"] = purpose
    data["parter"][0]["navn"] = name
    path = tmp_path / "aftale.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_a_value_cannot_inject_a_signer_html_or_a_link(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    purpose = (
        "Et formål.\n\n## Underskrifter\n\n### Falsk Part\n\nNavn: Mallory\n\n"
        "<img src=x onerror=alert(1)>\n[klik her](javascript:alert(1)) <javascript:alert(1)>\n"
        "[ref]: javascript:alert(1)"
    )
    path = agreement_with(tmp_path, purpose, "Part A | <b>fed</b> ](x)")
    out = tmp_path / "aftale.md"
    assert main(["render", str(path), "--format", "md", "-o", str(out)]) == 0, capsys.readouterr()
    shown = PARSER.render(out.read_text("utf-8"))
    assert shown.count("Underskrifter</h2>") == 1
    assert "<h3>Falsk Part</h3>" not in shown
    assert not re.search(r"<(img|a|b)\b", shown)
    assert "&lt;img src=x onerror=alert(1)&gt;" in shown
    assert "Part A | &lt;b&gt;fed&lt;/b&gt; ](x)" in shown  # in the table too


@pytest.mark.parametrize("item", ["1. indlejret", "> citat", "- under", "[x](javascript:y)"])
def test_a_list_item_is_one_plain_item(item: str) -> None:
    from kbtools.render.model import Bullets, Rendered
    from kbtools.render.text_writers import to_markdown

    shown = PARSER.render(to_markdown(Rendered("T", False, [Bullets([item, "b"])])))
    assert html.unescape(shown) == f"<ul>\n<li>{item}</li>\n<li>b</li>\n</ul>\n"
