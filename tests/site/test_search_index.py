"""The Danish search index: Sphinx must stem with the Danish Snowball stemmer,
so that "partnerskaber" and "partnerskabsaftale" find pages."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import snowballstemmer

PREFIX = "Search.setIndex("


@pytest.fixture(scope="module")
def search_index(built_site: Path) -> dict[str, Any]:
    text = (built_site / "searchindex.js").read_text(encoding="utf-8").strip()
    assert text.startswith(PREFIX) and text.endswith(")"), "searchindex.js has an unknown form"
    index: dict[str, Any] = json.loads(text[len(PREFIX) : -1].rstrip(";").rstrip(")"))
    return index


def _pages_for(index: dict[str, Any], word: str) -> list[str]:
    stem = snowballstemmer.stemmer("danish").stemWord(word.lower())
    hits = index["terms"].get(stem, [])
    documents = [hits] if isinstance(hits, int) else hits
    return [index["docnames"][number] for number in documents]


def test_the_danish_stem_of_partnerskaber_is_in_the_index(search_index: dict[str, Any]) -> None:
    stem = snowballstemmer.stemmer("danish").stemWord("partnerskaber")
    assert stem != "partnerskaber", "the Danish stemmer did not stem the word"
    assert stem in search_index["terms"], (
        f"The Danish stem {stem!r} is not in searchindex.js; is html_search_language 'da'?"
    )


@pytest.mark.parametrize("word", ["partnerskabsaftale", "partnerskaber"])
def test_a_search_for_the_word_finds_pages(search_index: dict[str, Any], word: str) -> None:
    pages = _pages_for(search_index, word)
    assert pages, f"A search for {word!r} finds no pages"


def test_the_agreement_section_is_found_for_partnerskabsaftale(
    search_index: dict[str, Any],
) -> None:
    pages = _pages_for(search_index, "partnerskabsaftale")
    assert any(page.startswith("partnerskabsaftalen/") for page in pages), pages


def test_the_search_page_stems_queries_in_danish(built_site: Path) -> None:
    # The index is only useful if the browser stems the reader's query the same way.
    language_data = (built_site / "_static" / "language_data.js").read_text(encoding="utf-8")
    assert "DanishStemmer" in language_data, "the search page does not use the Danish stemmer"
