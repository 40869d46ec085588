"""The schema directives, built in tiny Sphinx projects (tests/roots/test-schema-*)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from io import StringIO
from pathlib import Path

import pytest
from docutils import nodes
from sphinx.testing.util import SphinxTestApp

from kbtools.schemas import load_schema, schema_path
from kbtools.sphinxext.schema_fields import children, constraints, elements, slug

ROOTS = Path(__file__).resolve().parents[1] / "roots"
REPO = Path(__file__).resolve().parents[2]


def build(tmp_path: Path, root: str, builder: str = "html") -> tuple[SphinxTestApp, str]:
    srcdir = tmp_path / root
    shutil.copytree(ROOTS / root, srcdir)
    warnings = StringIO()
    app = SphinxTestApp(builder, srcdir=srcdir, status=StringIO(), warning=warnings)
    try:
        app.build()
    finally:
        app.cleanup()
    return app, warnings.getvalue()


@pytest.fixture(scope="module")
def basic(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[SphinxTestApp, str]]:
    yield build(tmp_path_factory.mktemp("schema"), "test-schema-basic")


def html_ids(path: Path) -> list[str]:
    return re.findall(r'\sid="([^"]+)"', path.read_text(encoding="utf-8"))


def first_element_list_keys(app: SphinxTestApp, docname: str) -> list[str]:
    doctree = app.env.get_doctree(docname)
    lists = [n for n in doctree.findall(nodes.bullet_list) if "aftale-elementer" in n["classes"]]
    return [item.next_node(nodes.literal).astext() for item in lists[0].children]


def test_basic_root_builds_without_warnings(basic: tuple[SphinxTestApp, str]) -> None:
    _, warnings = basic
    assert warnings == ""


def test_step_list_holds_exactly_the_elements_of_that_step(
    basic: tuple[SphinxTestApp, str],
) -> None:
    app, _ = basic
    assert first_element_list_keys(app, "trin") == [
        "økonomi",
        "ressourcer",
        "kommunikation",
        "indsatser",
    ]
    html = (app.outdir / "trin.html").read_text(encoding="utf-8")
    assert 'href="partnerskabsaftalen/elementer.html#okonomi"' in html
    assert "anbefalet, men valgfri" in html  # kommunikation


def test_list_without_step_groups_every_stepped_element_once(
    basic: tuple[SphinxTestApp, str],
) -> None:
    app, _ = basic
    doctree = app.env.get_doctree("trin")
    outer = [n for n in doctree.findall(nodes.bullet_list) if "aftale-elementer" in n["classes"]][1]
    headings = [item.next_node(nodes.strong).astext() for item in outer.children]
    assert headings == [
        "Trin 1: Den bærende idé",
        "Trin 2: Udvikling af konceptet",
        "Trin 3: Rolle- og arbejdsfordeling",
        "Trin 4: Den endelige partnerskabsaftale",
    ]
    listed = [literal.astext() for literal in outer.findall(nodes.literal)]
    stepped = [key for key, node in load_schema()["properties"].items() if "x-trin" in node]
    assert sorted(listed) == sorted(stepped)
    assert "skema" not in listed


def test_field_reference_has_a_stable_anchor_for_every_field(
    basic: tuple[SphinxTestApp, str],
) -> None:
    app, _ = basic
    ids = html_ids(app.outdir / "feltreference.html")
    schema = load_schema()
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


def test_field_reference_follows_refs_and_lists_rules(basic: tuple[SphinxTestApp, str]) -> None:
    app, _ = basic
    html = (app.outdir / "feltreference.html").read_text(encoding="utf-8")
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


def test_schema_is_a_dependency_of_the_pages_that_render_it(
    basic: tuple[SphinxTestApp, str],
) -> None:
    app, _ = basic
    for docname in ("trin", "feltreference"):
        deps = {str(Path(app.srcdir, dep).resolve()) for dep in app.env.dependencies[docname]}
        assert str(schema_path().resolve()) in deps


def test_schemas_are_published_with_the_site(basic: tuple[SphinxTestApp, str]) -> None:
    app, _ = basic
    published = app.outdir / "skemaer" / "partnerskabsaftale-1.schema.json"
    assert published.read_bytes() == schema_path().read_bytes()
    assert json.loads(published.read_text(encoding="utf-8"))["$id"].endswith(
        "/skemaer/partnerskabsaftale-1.schema.json"
    )


def test_bad_step_option_gives_a_located_warning(tmp_path: Path) -> None:
    _app, warnings = build(tmp_path, "test-schema-bad-trin")
    lines = [line for line in warnings.splitlines() if "aftale-elementer" in line]
    assert len(lines) == 2
    assert "index.md:3" in lines[0]
    assert ":trin: skal være 1, 2, 3 eller 4, ikke '7'" in lines[0]
    assert "ikke ''" in lines[1]
    assert "[kbtools.schema]" in lines[0]


def test_slug_and_rules_in_plain_python() -> None:
    assert slug("pr_år") == "pr_aar"
    assert slug("Økonomi") == "oekonomi"
    schema = load_schema()
    ressourcer = next(e for e in elements(schema) if e.key == "ressourcer")
    timer = next(f for f in children(schema, ressourcer) if f.dotted.endswith("timer"))
    assert [(c.label, c.values) for c in constraints(schema, timer)] == [
        ("Værdi", ("større end 0",))
    ]


@pytest.mark.slow
def test_every_x_side_link_of_the_schema_exists_on_the_built_site(tmp_path: Path) -> None:
    """Builds the real site: every ``x-side`` (used in validator help links) must resolve."""
    outdir = tmp_path / "html"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-q",
            "-b",
            "html",
            "-c",
            str(REPO),
            str(REPO / "docs"),
            str(outdir),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    sides = [node["x-side"] for node in load_schema()["properties"].values() if "x-side" in node]
    assert len(sides) == 17
    missing = []
    for side in sides:
        page, anchor = side.split("#", 1)
        if anchor not in html_ids(outdir / page):
            missing.append(side)
    assert missing == []


def test_worked_example_follows_the_schema() -> None:
    """The example on eksempel.md must stay a valid agreement as the schema evolves."""
    import jsonschema

    import kbtools.loading

    load_path = getattr(kbtools.loading, "load_path", None)
    if load_path is None:
        pytest.skip("kbtools.loading.load_path findes ikke endnu (loaderen er ikke landet)")
    example = REPO / "docs" / "partnerskabsaftalen" / "_filer" / "eksempel-aftale.yaml"
    document, findings = load_path(example)
    assert findings == []
    validator = jsonschema.Draft7Validator(
        load_schema(), format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER
    )
    assert [error.message for error in validator.iter_errors(document.data)] == []
    recommended = [k for k, v in load_schema()["properties"].items() if v.get("x-anbefalet")]
    assert [key for key in recommended if key not in document.data] == []


def test_other_builders_get_the_reference_but_no_published_schemas(tmp_path: Path) -> None:
    app, warnings = build(tmp_path, "test-schema-basic", builder="text")
    assert warnings == ""
    text = (app.outdir / "feltreference.txt").read_text(encoding="utf-8")
    assert "parter.kontakt.email" in text
    assert "Tilladte værdier:" in text
    assert not (app.outdir / "skemaer").exists()


def test_rules_directive_lists_every_rule_and_code(basic: tuple[SphinxTestApp, str]) -> None:
    from kbtools.kinds import AGREEMENT

    RULE_MODULES = AGREEMENT.rules
    app, _ = basic
    html = (app.outdir / "regler.html").read_text(encoding="utf-8")
    assert len(RULE_MODULES) >= 1
    for module in RULE_MODULES:
        title = (module.__doc__ or "").strip().splitlines()[0].rstrip(".")
        assert f"<dt>{title}</dt>" in html
        for code in module.CODES:
            assert f'<span class="pre">{code.id}</span>' in html
    deps = {str(Path(app.srcdir, dep).resolve()) for dep in app.env.dependencies["regler"]}
    assert str(Path(RULE_MODULES[0].check.__code__.co_filename).resolve()) in deps
