"""The schema directives, built in tiny Sphinx projects (tests/roots/test-schema-*)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from docutils import nodes
from sphinx.testing.util import SphinxTestApp

from kbtools.editor import render
from kbtools.findings import docs_url
from kbtools.kinds import AGREEMENT, KINDS
from kbtools.loading import load_path
from kbtools.sphinxext.schema_fields import children, constraints, elements, slug

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.sphinx("html", testroot="schema-basic")


@pytest.fixture
def built(app: SphinxTestApp) -> SphinxTestApp:
    """The schema-basic project, built (whether it warned is checked by its own test)."""
    app.build()
    return app


def html_ids(path: Path) -> list[str]:
    return re.findall(r'\sid="([^"]+)"', path.read_text(encoding="utf-8"))


def first_element_list_titles(app: SphinxTestApp, docname: str) -> list[str]:
    doctree = app.env.get_doctree(docname)
    lists = [n for n in doctree.findall(nodes.bullet_list) if "aftale-elementer" in n["classes"]]
    return [item.next_node(nodes.strong).astext() for item in lists[0].children]


def test_basic_root_builds_without_warnings(app: SphinxTestApp) -> None:
    app.build()
    assert app.warning.getvalue() == ""


def test_step_list_holds_exactly_the_elements_of_that_step(built: SphinxTestApp) -> None:
    assert first_element_list_titles(built, "trin") == [
        "Økonomi",
        "Ressourcer",
        "Kommunikation",
        "Indsatser",
    ]
    html = (built.outdir / "trin.html").read_text(encoding="utf-8")
    assert 'href="partnerskabsaftalen/elementer.html#okonomi"' in html
    assert "anbefalet, men valgfri" in html  # kommunikation


def test_list_without_step_groups_every_stepped_element_once(built: SphinxTestApp) -> None:
    doctree = built.env.get_doctree("trin")
    outer = [n for n in doctree.findall(nodes.bullet_list) if "aftale-elementer" in n["classes"]][1]
    headings = [item.next_node(nodes.strong).astext() for item in outer.children]
    assert headings == [
        "Trin 1: Den bærende idé",
        "Trin 2: Udvikling af konceptet",
        "Trin 3: Rolle- og arbejdsfordeling",
        "Trin 4: Den endelige partnerskabsaftale",
    ]
    listed = [strong.astext() for strong in outer.findall(nodes.strong)]
    listed = [text for text in listed if text not in headings]
    properties = AGREEMENT.schema["properties"]
    stepped = [node["title"] for node in properties.values() if "x-trin" in node]
    assert sorted(listed) == sorted(stepped)
    assert properties["skema"]["title"] not in listed
    # readers see Danish titles only: no YAML key in the list
    assert list(outer.findall(nodes.literal)) == []


def test_field_reference_has_a_stable_anchor_for_every_field(built: SphinxTestApp) -> None:
    ids = html_ids(built.outdir / "feltreference.html")
    schema = AGREEMENT.schema
    expected = [
        field.anchor
        for element in elements(schema)
        for field in (element, *children(schema, element))
    ]
    assert len(expected) == len(set(expected)), "two fields share an anchor"
    missing = [anchor for anchor in expected if anchor not in ids]
    assert missing == []
    for anchor in ("felt-parter-kontakt-email", "felt-oekonomi-budget_i_alt", "felt-moeder"):
        assert anchor in ids


def test_field_reference_follows_refs_and_lists_rules(built: SphinxTestApp) -> None:
    html = (built.outdir / "feltreference.html").read_text(encoding="utf-8")
    # $ref to #/definitions/budgetpost and on to beløb_pr_år
    assert 'id="felt-oekonomi-budget-pr_aar"' in html
    assert "årstal med fire cifre" in html
    # $ref with a sibling title: organisering.styregruppe → gruppe
    assert 'id="felt-organisering-styregruppe-medlemmer-part"' in html
    section = html.split('id="felt-parter-system"', 1)[1].split("</dd>", 1)[0]
    for value in ("beskæftigelse", "uddannelse", "erhvervsfremme"):
        assert f'<span class="pre">{value}</span>' in section
    assert 'href="partnerskabsaftalen/elementer.html#parter"' in html
    assert 'href="#felt-parter-kontakt-email"' in html  # {ref} to a nested field


def test_schema_is_a_dependency_of_the_pages_that_render_it(built: SphinxTestApp) -> None:
    for docname in ("trin", "feltreference"):
        deps = {str(Path(built.srcdir, dep).resolve()) for dep in built.env.dependencies[docname]}
        assert str(Path(AGREEMENT.schema_file).resolve()) in deps


def test_schemas_are_published_with_the_site(built: SphinxTestApp) -> None:
    published = built.outdir / "skemaer" / "partnerskabsaftale-1.schema.json"
    assert published.read_bytes() == Path(AGREEMENT.schema_file).read_bytes()
    assert json.loads(published.read_text(encoding="utf-8"))["$id"].endswith(
        "/skemaer/partnerskabsaftale-1.schema.json"
    )
    for kind in KINDS:
        editor = built.outdir / "skemaer" / "editor" / kind.editor_file.name
        assert editor.read_text(encoding="utf-8") == render(kind)
        url = json.loads(render(kind))["$id"]
        assert url == docs_url(editor.relative_to(built.outdir).as_posix())


def test_rules_directive_lists_every_rule_and_code(built: SphinxTestApp) -> None:
    rule_modules = AGREEMENT.rules
    html = (built.outdir / "regler.html").read_text(encoding="utf-8")
    assert len(rule_modules) >= 1
    for module in rule_modules:
        title = (module.__doc__ or "").strip().splitlines()[0].rstrip(".")
        assert f"<dt>{title}</dt>" in html
        for code in module.CODES:
            assert f'<span class="pre">{code.id}</span>' in html
    deps = {str(Path(built.srcdir, dep).resolve()) for dep in built.env.dependencies["regler"]}
    assert str(Path(rule_modules[0].check.__code__.co_filename).resolve()) in deps


@pytest.mark.sphinx("text", testroot="schema-basic")
def test_other_builders_get_the_reference_but_no_published_schemas(app: SphinxTestApp) -> None:
    app.build()
    assert app.warning.getvalue() == ""
    text = (app.outdir / "feltreference.txt").read_text(encoding="utf-8")
    assert "parter.kontakt.email" in text
    assert "Tilladte værdier:" in text
    assert not (app.outdir / "skemaer").exists()


@pytest.mark.sphinx("html", testroot="schema-bad-trin")
def test_bad_step_option_gives_a_located_warning(app: SphinxTestApp) -> None:
    app.build()
    index = app.srcdir / "index.md"
    assert app.warning.getvalue() == (
        f"{index}:3: WARNING: aftale-elementer: :trin: skal være 1, 2, 3 eller 4, ikke '7'"
        " [kbtools.schema]\n"
        f"{index}:7: WARNING: aftale-elementer: :trin: skal være 1, 2, 3 eller 4, ikke ''"
        " [kbtools.schema]\n"
    )


def test_slug_and_rules_in_plain_python() -> None:
    assert slug("pr_år") == "pr_aar"
    assert slug("Økonomi") == "oekonomi"
    schema = AGREEMENT.schema
    ressourcer = next(e for e in elements(schema) if e.key == "ressourcer")
    timer = next(f for f in children(schema, ressourcer) if f.dotted.endswith("timer"))
    assert [(c.label, c.values) for c in constraints(schema, timer)] == [
        ("Værdi", ("større end 0",))
    ]


def test_worked_example_follows_the_schema() -> None:
    """The example on eksempel.md must stay a valid agreement as the schema evolves."""
    example = REPO / "docs" / "partnerskabsaftalen" / "_filer" / "eksempel-aftale.yaml"
    document, findings = load_path(example)
    assert findings == []
    assert document is not None
    validator = jsonschema.Draft7Validator(
        AGREEMENT.schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER
    )
    assert [error.message for error in validator.iter_errors(document.data)] == []
    recommended = [k for k, v in AGREEMENT.schema["properties"].items() if v.get("x-anbefalet")]
    assert [key for key in recommended if key not in document.data] == []
