"""Plain language, measured: LIX of the readers' guidance pages.

LIX = words / sentences + 100 × long words / words, where a long word has more than six
letters. Below 30 is very easy, 30–40 easy (fiction, plain-language news), 40–50 medium
(ordinary news), above 50 hard (official and academic prose). Target: the pages' mean at most
40, no page above 45.

Which pages: the readers' path — the landing page, »Om sitet«, the accessibility statement and
every page of rammevaerk/, typologi/, tringuide/, lks-i-praksis/ and baggrund/, the reader
pages of partnerskabsaftalen/, and cases/index. Not measured: the maintainers' section
(vedligeholdelse/), the tool pages (aftalebygger/, selvevaluering/: forms, not prose), the
generated case pages, the glossary (ordliste: headwords and short definitions) and the
bibliography (kilder).

What text: the prose a reader sees, taken from the MyST source by a small extraction
(:func:`prose_units`):

- dropped: fenced code, every directive that is not prose (toctree, literalinclude, the
  generated lists and tables such as aftale-elementer, lks-case, bibliography, glossary),
  directive options, tables of figures or labels (Markdown tables where fewer than half of
  the body cells end with a full stop; a table of sentences counts cell by cell),
  target labels ``(name)=``, attribute lines ``{.class}``, HTML comments, citations
  (``{cite:p}`...```), inline code, URLs and cross-references without their own text;
- kept: the text of roles and links (``{term}`LKS``` → LKS, ``[tekst](url)`` → tekst), the
  prose inside admonitions, cards and dropdowns, and a card's or admonition's title.

A sentence ends at ».«, »!«, »?« or »:« followed by a space, and at the end of a heading, a
list item, a definition or a paragraph. Periods of common abbreviations (fx., bl.a., m.fl.,
…) are not sentence ends. A word is a run of letters and digits (»LKS'erne« and
»tre-årig« are one word each).

Run ``.venv/bin/python tests/test_readability.py`` for the table per page.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[1] / "docs"

SECTIONS = ("rammevaerk", "typologi", "tringuide", "lks-i-praksis", "baggrund")
SINGLE_PAGES = (
    "index.md",
    "om-sitet.md",
    "tilgaengelighed.md",
    "cases/index.md",
    "partnerskabsaftalen/index.md",
    "partnerskabsaftalen/elementer.md",
    "partnerskabsaftalen/skabelon.md",
    "partnerskabsaftalen/eksempel.md",
    "partnerskabsaftalen/aendringer.md",
)
MAX_MEAN = 40.0
MAX_PAGE = 45.0

#: Directives whose content is prose a reader reads; every other directive is dropped.
_PROSE = """admonition attention caution danger error hint important note tip warning seealso
    grid grid-item grid-item-card card card-footer card-header dropdown container rubric topic
    sidebar epigraph table"""
PROSE_DIRECTIVES = frozenset(_PROSE.split())

#: Prose directives whose argument is layout (``::::{grid} 1 2 2 3``), not a title.
LAYOUT_DIRECTIVES = frozenset({"grid", "grid-item", "container"})

_ABBREVIATIONS = (
    "bl.a. m.fl. m.m. f.eks. fx. dvs. evt. ca. pr. nr. jf. inkl. ekskl. mio. mia. mv. osv."
)
ABBREVIATIONS = (*_ABBREVIATIONS.split(), "ver.", "u.å.")

FENCE = re.compile(r"^\s*(?P<mark>`{3,}|:{3,})\s*(?:\{(?P<name>[\w:-]+)\})?\s*(?P<arg>.*)$")
OPTION = re.compile(r"^\s*:[\w-]+:(?:\s.*)?$")
BREAK_LINE = re.compile(r"^\s*(?:#{1,6}\s|[-*+]\s|\d+[.)]\s|:\s)")
SKIP_LINE = re.compile(r"^\s*(?:\(.+\)=\s*$|\{[.#][^}]*\}\s*$)")
TABLE_ROW = re.compile(r"^\s*\|")
TABLE_RULE = re.compile(r"^\s*\|[\s|:-]+\|\s*$")
SENTENCE_END = re.compile(r"[.!?:](?=\s|$)")
WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")

_INLINE = [
    (re.compile(r"<!--.*?-->", re.S), ""),
    (re.compile(r"\{cite(?::\w+)?\}`[^`]*`"), ""),
    (re.compile(r"\{[\w:-]+\}`([^`<]*?)\s*<[^`>]*>`"), r"\1"),  # {doc}`tekst <mål>`
    (re.compile(r"\{(?:doc|ref|numref|download)\}`[^`]*`"), ""),  # target only: no own text
    (re.compile(r"\{[\w:-]+\}`([^`]*)`"), r"\1"),  # {term}`LKS`, {kbd}`Tab`
    (re.compile(r"`[^`]*`"), ""),  # inline code
    (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"),  # [tekst](url)
    (re.compile(r"<https?://[^>]*>|https?://\S+"), ""),
    (re.compile(r"\*{1,3}|(?<!\w)_{1,2}|_{1,2}(?!\w)"), ""),
    (re.compile(r"\\(.)"), r"\1"),
    (re.compile(r"^\s*(?:#{1,6}|[-*+](?:\s\[[ xX]\])?|\d+[.)]|:)\s+"), ""),  # line markers
]


def clean_inline(text: str) -> str:
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    return text


@dataclass
class _Block:
    mark: str
    prose: bool
    fresh: bool = True  # still at the option lines right after the opening fence


def _closes(line: str, block: _Block) -> bool:
    match = FENCE.match(line)
    return bool(
        match
        and not match["name"]
        and not match["arg"]
        and match["mark"][0] == block.mark[0]
        and len(match["mark"]) >= len(block.mark)
    )


class _Extractor:
    """Reads a MyST page line by line and collects its prose units."""

    def __init__(self) -> None:
        self.units: list[str] = []
        self.current: list[str] = []
        self.stack: list[_Block] = []
        self.table: list[list[str]] = []

    def flush_table(self) -> None:
        """A table of sentences counts cell by cell; a table of figures or labels (fewer than
        half of its body cells end a sentence) is left out."""
        body = [clean_inline(cell).strip() for row in self.table[1:] for cell in row]
        self.table.clear()
        cells = [cell for cell in body if cell]
        if cells and 2 * sum(cell.endswith((".", "!", "?")) for cell in cells) >= len(cells):
            self.units.extend(cell for cell in cells if WORD.search(cell))

    def flush(self) -> None:
        text = " ".join(clean_inline(line) for line in self.current).strip()
        self.current.clear()
        if WORD.search(text):
            self.units.append(" ".join(text.split()))

    def fence(self, line: str) -> bool:
        """Handle a fence line (opening or closing); False if ``line`` is not one."""
        if self.stack and _closes(line, self.stack[-1]):
            self.flush()
            self.stack.pop()
            return True
        match = FENCE.match(line)
        if not match:
            return False
        self.flush()
        prose = match["name"] in PROSE_DIRECTIVES
        self.stack.append(_Block(match["mark"], prose))
        if prose and match["arg"] and match["name"] not in LAYOUT_DIRECTIVES:
            self.units.append(clean_inline(match["arg"]).strip())
        return True

    def feed(self, line: str) -> None:
        if self.stack and not self.stack[-1].prose:
            if _closes(line, self.stack[-1]):
                self.stack.pop()
            return
        if self.fence(line):
            return
        if self.stack and self.stack[-1].fresh and OPTION.match(line):
            return
        if self.stack:
            self.stack[-1].fresh = False
        if TABLE_ROW.match(line):
            self.flush()
            if not TABLE_RULE.match(line):
                self.table.append(line.strip().strip("|").split("|"))
            return
        self.flush_table()
        if not line.strip() or SKIP_LINE.match(line):
            self.flush()
            return
        if BREAK_LINE.match(line):
            self.flush()
        self.current.append(line)


def prose_units(source: str) -> list[str]:
    """The page's prose as units (paragraphs, headings, list items, titles): see the module
    docstring for what is kept and dropped."""
    extractor = _Extractor()
    for line in source.splitlines():
        extractor.feed(line)
    extractor.flush()
    extractor.flush_table()
    return [unit for unit in extractor.units if WORD.search(unit)]


@dataclass(frozen=True)
class Lix:
    words: int
    sentences: int
    long_words: int

    @property
    def value(self) -> float:
        if not self.words:
            return 0.0
        return self.words / self.sentences + 100 * self.long_words / self.words


def _sentences(unit: str) -> int:
    text = unit
    for abbreviation in ABBREVIATIONS:
        text = re.sub(
            rf"(?<![^\W_]){re.escape(abbreviation)}",
            abbreviation.replace(".", ""),
            text,
            flags=re.I,
        )
    text = text.rstrip()
    ends = len(SENTENCE_END.findall(text))
    return ends if text.endswith((".", "!", "?", ":")) else ends + 1


def lix(units: list[str]) -> Lix:
    words = sentences = long_words = 0
    for unit in units:
        found = WORD.findall(unit)
        words += len(found)
        long_words += sum(1 for word in found if sum(ch.isalpha() for ch in word) > 6)
        sentences += _sentences(unit)
    return Lix(words, sentences, long_words)


def guidance_pages() -> list[Path]:
    pages = [DOCS / name for name in SINGLE_PAGES]
    for section in SECTIONS:
        pages += sorted((DOCS / section).glob("*.md"))
    return pages


def measure() -> dict[str, Lix]:
    return {
        page.relative_to(DOCS).as_posix(): lix(prose_units(page.read_text(encoding="utf-8")))
        for page in guidance_pages()
    }


def table(results: dict[str, Lix]) -> str:
    lines = [f"{'Side':<40} {'Ord':>6} {'Sætn.':>6} {'Lange':>6} {'LIX':>6}"]
    for name, result in sorted(results.items(), key=lambda item: -item[1].value):
        lines.append(
            f"{name:<40} {result.words:>6} {result.sentences:>6} {result.long_words:>6} "
            f"{result.value:>6.1f}"
        )
    mean = statistics.mean(result.value for result in results.values())
    lines.append(f"{'Gennemsnit':<40} {'':>6} {'':>6} {'':>6} {mean:>6.1f}")
    return "\n".join(lines)


# --- the measure itself ---------------------------------------------------------------------


def test_extraction_keeps_prose_and_drops_code_tables_and_citations() -> None:
    source = """# Overskrift

(et-maerke)=
Et {term}`LKS <lokalt koordinerende samarbejde>` er et samarbejde {cite:p}`carma2018`. Se
[siden](https://eksempel.dk) og {doc}`elementer`.

```{admonition} En titel
:class: tip

Tekst i boksen.
```

```yaml
nøgle: værdi
```

| Tal | Mere |
| --- | --- |
| 1 | 2 |

- Et punkt
  der fortsætter
- `kode` i et punkt
"""
    assert prose_units(source) == [
        "Overskrift",
        "Et LKS er et samarbejde . Se siden og .",
        "En titel",
        "Tekst i boksen.",
        "Et punkt der fortsætter",
        "i et punkt",
    ]


def test_a_table_of_sentences_counts_and_a_table_of_figures_does_not() -> None:
    prose = "| Faktor | Hvad |\n| --- | --- |\n| Tillid | Parterne taler sammen. |\n"
    figures = "| Post | 2017 |\n| --- | ---: |\n| Udvikling af partnerskabet | 1.500 |\n"
    assert prose_units(prose) == ["Tillid", "Parterne taler sammen."]
    assert prose_units(figures) == []


def test_lix_counts_words_sentences_and_long_words() -> None:
    # 8 words, 2 sentences, 2 long words (samarbejde, partnerskab): 8/2 + 100*2/8 = 29
    result = lix(["Vi har et samarbejde.", "Det er et partnerskab."])
    assert (result.words, result.sentences, result.long_words) == (8, 2, 2)
    assert result.value == pytest.approx(29.0)
    # abbreviations do not end sentences; a heading without a period is one sentence
    assert lix(["Fx. bl.a. jobcentret m.fl. er med."]).sentences == 1
    assert lix(["Kom i gang"]).sentences == 1
    assert lix(["Elementerne: parter og formål."]).sentences == 2


def test_every_listed_page_exists_and_has_prose() -> None:
    for page in guidance_pages():
        assert page.is_file(), page
        assert lix(prose_units(page.read_text(encoding="utf-8"))).words > 30, page


# --- readers' text: no commands, no YAML keys ------------------------------------------------

CODE_FENCE = re.compile(r"^[ \t]*`{3,}[ \t]*(?!\{)(\w*)", flags=re.M)
INLINE_CODE = re.compile(r"(?<![}`])`[^`\n]+`(?!`)")
COMMAND = re.compile(r"kbtools\s+(?:validate|new|render|diff|typology)\b|--[a-z]+")


def test_readers_pages_show_no_commands_yaml_keys_or_code() -> None:
    """Reader text names elements in Danish; commands, YAML keys and validator
    lines live in the maintainers' section (docs/vedligeholdelse/)."""
    problems = []
    for page in guidance_pages():
        text = re.sub(r"\{[\w:-]+\}`[^`]*`", "", page.read_text(encoding="utf-8"))  # roles
        text = re.sub(r"^%.*$", "", text, flags=re.M)  # MyST comments
        name = page.relative_to(DOCS).as_posix()
        problems += [(name, "kodeblok", lang) for lang in CODE_FENCE.findall(text) if lang]
        problems += [(name, "kode", code) for code in INLINE_CODE.findall(text)]
        problems += [(name, "kommando", command) for command in COMMAND.findall(text)]
    assert problems == []


# --- the targets ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "page", [p.relative_to(DOCS).as_posix() for p in guidance_pages()], ids=str
)
def test_page_is_plain_language(page: str) -> None:
    result = lix(prose_units((DOCS / page).read_text(encoding="utf-8")))
    assert result.value <= MAX_PAGE, f"{page}: LIX {result.value:.1f} > {MAX_PAGE}"


def test_mean_lix_of_the_guidance_pages() -> None:
    results = measure()
    print("\n" + table(results))
    mean = statistics.mean(result.value for result in results.values())
    assert mean <= MAX_MEAN, f"gennemsnitlig LIX {mean:.1f} > {MAX_MEAN}\n{table(results)}"


if __name__ == "__main__":
    print(table(measure()))
