// The builder's YAML writer (kbtools/sphinxext/static/ab-yaml.mjs). That Python reads back
// exactly what it writes, for generated agreements, is tested in tests/builder/test_js_yaml.py.
import { test } from "node:test";
import assert from "node:assert/strict";
import { plainOk, quote, toYaml } from "../../kbtools/sphinxext/static/ab-yaml.mjs";

const FIELDS = [
  { nøgle: "skema", felt: "fast" },
  { nøgle: "titel", felt: "tekst" },
  { nøgle: "parter", felt: "liste", element: { felter: [{ nøgle: "id" }, { nøgle: "navn" }] } },
];

test("keys follow the schema's order, unknown keys last, a blank line before each list", () => {
  const text = toYaml({ ekstra: 1, parter: [{ navn: "A", id: "a" }], titel: "T", skema: "partnerskabsaftale/1" }, FIELDS);
  assert.equal(text, "skema: partnerskabsaftale/1\ntitel: T\n\nparter:\n  - id: a\n    navn: A\nekstra: 1\n");
});

test("texts YAML would read as something else are quoted", () => {
  for (const text of ["no", "yes", "On", "=", "<<", "null", "~", "2027", "- punkt", "a: b", "tekst # ikke kommentar", " kant", "@x", "1.500"]) {
    assert.equal(plainOk(text), false, text);
  }
  assert.equal(plainOk("2027-12-31"), true);
  assert.equal(plainOk("Jobcenter Fjordkommune"), true);
});

test("quoting escapes what a double-quoted YAML string needs", () => {
  assert.equal(quote('a "b" \\ c'), '"a \\"b\\" \\\\ c"');
  assert.equal(quote("linje\nto\tfane"), '"linje\\nto\\tfane"');
  assert.equal(quote("\u0007"), '"\\u0007"');
});

test("texts with line breaks are literal blocks", () => {
  assert.equal(toYaml({ titel: "a\nb" }, FIELDS), "titel: |-\n  a\n  b\n");
  assert.equal(toYaml({ titel: "a\n\nb\n" }, FIELDS), "titel: |\n  a\n\n  b\n");
});

test("empty groups and lists, booleans, numbers and missing values", () => {
  assert.equal(toYaml({ a: {}, b: [], c: true, d: 2.5, e: null }, []), "a: {}\n\nb: []\nc: true\nd: 2.5\ne: null\n");
});
