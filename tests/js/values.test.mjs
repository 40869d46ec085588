// The builder's number reading, totals and shown values (kbtools/sphinxext/static/ab-values.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { amountOf, formatTotal, parseNumber, showNumber, shown, slug, sum } from "../../kbtools/sphinxext/static/ab-values.mjs";

test("whole numbers, decimal commas and decimal points are numbers", () => {
  assert.equal(parseNumber("1500"), 1500);
  assert.equal(parseNumber(" -3 "), -3);
  assert.equal(parseNumber("2,5"), 2.5);
  assert.equal(parseNumber("2.5"), 2.5);
});

test("a thousands separator or a unit is kept as typed, never read as another number", () => {
  assert.equal(parseNumber("1.500"), "1.500");
  assert.equal(parseNumber("1.500.000"), "1.500.000");
  assert.equal(parseNumber("250 kr."), "250 kr.");
  assert.equal(parseNumber(""), "");
});

test("a number is shown with a decimal comma; other values as text", () => {
  assert.equal(showNumber(2.5), "2,5");
  assert.equal(showNumber(1500), "1500");
  assert.equal(showNumber("abc"), "abc");
  assert.equal(showNumber(undefined), "");
});

test("a list or group where one value belongs is shown readably", () => {
  assert.equal(shown(["a", "b"]), "a, b");
  assert.equal(shown({ a: 1, b: [2, 3] }), "a: 1; b: 2, 3");
  assert.equal(shown(null), "");
});

test("totals are Danish: thousands separator and decimal comma", () => {
  assert.equal(formatTotal(1500000), "1.500.000");
  assert.equal(formatTotal(3.3), "3,3");
  assert.equal(formatTotal(0.125), "0,13");
});

test("sums of amounts in øre are exact", () => {
  assert.equal(sum([1.1, 2.2]), 3.3);
  assert.equal(sum([0.1, 0.2, 0.3]), 0.6);
  assert.equal(sum([450000.5, 120000.25]), 570000.75);
  assert.equal(sum([]), 0);
  assert.equal(formatTotal(sum([1.1, 2.2])), "3,3");
});

test("an amount for a year is 0 only when there is none or it is not a number", () => {
  assert.equal(amountOf({ 2027: 5, 2028: "x" }, "2027"), 5);
  assert.equal(amountOf({ 2027: 5, 2028: "x" }, "2028"), 0);
  assert.equal(amountOf(null, "2027"), 0);
});

test("a slug keeps Danish letters", () => {
  assert.equal(slug("Jobcenter Århus – Øst"), "jobcenter-århus-øst");
  assert.equal(slug("  ---  "), "");
});
