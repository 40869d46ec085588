// The builder's YAML writer (kbtools/sphinxext/static/ab-yaml.mjs): the layout of kbtools' one
// Python writer. That both write the same bytes, and that YAML reads back exactly the data, is
// tested for generated documents in tests/builder/test_js_yaml.py.
import { test } from "node:test";
import assert from "node:assert/strict";
import { number, quoted, scalar, toYaml } from "../../kbtools/sphinxext/static/ab-yaml.mjs";

const FIELDS = [
  { key: "skema", kind: "constant" },
  { key: "titel", kind: "text" },
  { key: "parter", kind: "list", item: { fields: [{ key: "id" }, { key: "navn" }] } },
];

test("keys follow the schema's order, unknown keys last", () => {
  const text = toYaml({ ekstra: 1, parter: [{ navn: "A", id: "a" }], titel: "T", skema: "partnerskabsaftale/1" }, FIELDS);
  assert.equal(text, 'skema: partnerskabsaftale/1\ntitel: "T"\nparter:\n  - id: a\n    navn: "A"\nekstra: 1\n');
});

test("only plain lowercase words and dates go without quotes", () => {
  for (const text of ["no", "yes", "null", "2027", "Jobcenter Fjordkommune", "a: b", "=", "<<", "1.500", ""]) {
    assert.equal(scalar(text), quoted(text), text);
  }
  assert.equal(scalar("2027-12-31"), "2027-12-31");
  assert.equal(scalar("beskæftigelse"), "beskæftigelse");
});

test("quoting uses JSON's escapes, and YAML's where JSON leaves a character raw", () => {
  assert.equal(quoted('a "b" \\ c'), '"a \\"b\\" \\\\ c"');
  assert.equal(quoted("linje\nto\tfane"), '"linje\\nto\\tfane"');
  assert.equal(quoted("\u0007\u007f\u2028"), '"\\u0007\\u007f\\u2028"');
});

test("a long text is folded over lines of at most 92 characters", () => {
  const long = "ord ".repeat(40).trim();
  const lines = toYaml({ titel: long }, FIELDS).trimEnd().split("\n");
  assert.equal(lines[0], "titel: >-");
  assert.ok(lines.slice(1).every((line) => line.startsWith("  ") && line.length <= 92));
  assert.equal(lines.slice(1).map((line) => line.trim()).join(" "), long);
});

test("numbers: whole ones as digits, an exponent only far out and always after a point", () => {
  assert.equal(number(2), "2");
  assert.equal(number(7.5), "7.5");
  assert.equal(number(1e21), "1.0e+21");
  assert.equal(number(0.00001), "1.0e-5");
  assert.equal(number(-0), "0");
});

test("empty groups and lists, booleans and missing values", () => {
  assert.equal(toYaml({ a: {}, b: [], c: true, e: null }, []), "a: {}\nb: []\nc: true\ne: null\n");
});

test("texts with line breaks are literal blocks, as a person writes them", () => {
  assert.equal(toYaml({ titel: "a\nb" }, FIELDS), "titel: |-\n  a\n  b\n");
  assert.equal(toYaml({ titel: "a\n\nb\n" }, FIELDS), "titel: |\n  a\n\n  b\n");
  assert.equal(toYaml({ titel: " a\nb" }, FIELDS), 'titel: " a\\nb"\n'); // a block cannot start with a space
});
