// The builder's number reading, totals and shown values (kbtools/sphinxext/static/ab-values.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { amountOf, formatTotal, parseDate, parseNumber, readable, showDate, showNumber, shown, slug, sum, total } from "../../kbtools/sphinxext/static/ab-values.mjs";

test("whole numbers, decimal commas and decimal points are numbers", () => {
  assert.equal(parseNumber("1500"), 1500);
  assert.equal(parseNumber(" -3 "), -3);
  assert.equal(parseNumber("2,5"), 2.5);
  assert.equal(parseNumber("2.5"), 2.5);
});

test("amounts as Danish consultants write them are read", () => {
  assert.equal(parseNumber("1.500"), 1500);
  assert.equal(parseNumber("1.500.000"), 1500000);
  assert.equal(parseNumber("1 500"), 1500);
  assert.equal(parseNumber("1\u00a0500"), 1500);
  assert.equal(parseNumber("250.000 kr."), 250000);
  assert.equal(parseNumber("250.000 kr"), 250000);
  assert.equal(parseNumber("kr. 250.000"), 250000);
  assert.equal(parseNumber("250.000,-"), 250000);
  assert.equal(parseNumber("250 DKK"), 250);
  assert.equal(parseNumber("1.500,50"), 1500.5);
  assert.equal(parseNumber("1,5 mio."), 1500000);
  assert.equal(parseNumber("1,5 mio. kr."), 1500000);
  assert.equal(parseNumber("2 mio"), 2000000);
  assert.equal(parseNumber("1,1 millioner"), 1100000);
  assert.equal(parseNumber("2 mia. kr."), 2000000000);
  assert.equal(parseNumber("-1.500"), -1500);
  assert.equal(parseNumber("1,500"), 1.5); // a comma is a decimal comma in Danish
});

test("what cannot be read as one number is kept as typed, never counted as another", () => {
  for (const text of ["", "1.5oo", "ca. 1000", "1.50.000", "1,5,0", "kr.", "mio.", "1000-2000", "12.34.567"]) {
    assert.equal(parseNumber(text), text, text);
  }
  assert.equal(readable(""), true);
  assert.equal(readable("1.500"), true);
  assert.equal(readable("1.5oo"), false);
});

test("dates as Danes write them are stored as ÅÅÅÅ-MM-DD and shown back in Danish", () => {
  assert.equal(parseDate("31-12-2027"), "2027-12-31");
  assert.equal(parseDate("31.12.2027"), "2027-12-31");
  assert.equal(parseDate("31/12/2027"), "2027-12-31");
  assert.equal(parseDate(" 1.1.2027 "), "2027-01-01");
  assert.equal(parseDate("2027-12-31"), "2027-12-31");
  assert.equal(parseDate("31. december 2027"), "2027-12-31");
  assert.equal(parseDate("1 dec 2027"), "2027-12-01");
  assert.equal(showDate("2027-12-31"), "31.12.2027");
  assert.equal(showDate(undefined), "");
});

test("a date that does not exist or cannot be read is kept as typed", () => {
  for (const text of ["30-02-2027", "31.12.27", "31-12.2027", "2027-13-01", "i morgen", "31. decembre 2027"]) {
    assert.equal(parseDate(text), text, text);
  }
  assert.equal(parseDate("29-02-2028"), "2028-02-29");
});

test("a number is shown in Danish; other values as text", () => {
  assert.equal(showNumber(2.5), "2,5");
  assert.equal(showNumber(1500), "1.500");
  assert.equal(showNumber(1500000.25), "1.500.000,25");
  assert.equal(showNumber("abc"), "abc");
  assert.equal(showNumber(undefined), "");
});

test("a list or group where one value belongs is shown readably", () => {
  assert.equal(shown(["a", "b"]), "a, b");
  assert.equal(shown({ a: 1, b: [2, 3] }), "a: 1; b: 2, 3");
  assert.equal(shown(null), "");
});

test("totals are Danish: thousands separator and decimal comma, every decimal there is", () => {
  assert.equal(formatTotal(1500000), "1.500.000");
  assert.equal(formatTotal(3.3), "3,3");
  assert.equal(formatTotal(0.125), "0,125");
  assert.equal(formatTotal("-1234567.5"), "-1.234.567,5");
  assert.equal(showNumber(1.1 + 2.2), "3,3");
  assert.equal(showNumber(-0), "0");
  assert.equal(showNumber(1e21), "1.000.000.000.000.000.000.000");
});

test("sums of amounts in øre are exact", () => {
  assert.equal(sum([1.1, 2.2]), 3.3);
  assert.equal(sum([0.1, 0.2, 0.3]), 0.6);
  assert.equal(sum([450000.5, 120000.25]), 570000.75);
  assert.equal(sum([]), 0);
  assert.equal(sum([1e11, 0.001, -1e11]), 0.001);
  assert.equal(formatTotal(total([1.1, 2.2]).total), "3,3");
});

test("an amount for a year is 0 when there is none and null when it is not a number", () => {
  assert.equal(amountOf({ 2027: 5, 2028: "x" }, "2027"), 5);
  assert.equal(amountOf({ 2027: 5, 2028: "x" }, "2028"), null);
  assert.equal(amountOf({ 2027: 5 }, "2029"), 0);
  assert.equal(amountOf(null, "2027"), 0);
});

test("a total over an amount that cannot be read says it is incomplete", () => {
  assert.deepEqual(total([250, 120, null]), { total: "370", missing: 1 });
  assert.deepEqual(total([1.1, 2.2]), { total: "3.3", missing: 0 });
  assert.deepEqual(total([]), { total: "0", missing: 0 });
  assert.deepEqual(total([total([0.1, 0.2]).total, 0.3]), { total: "0.6", missing: 0 });
});

test("a slug keeps Danish letters", () => {
  assert.equal(slug("Jobcenter Århus – Øst"), "jobcenter-århus-øst");
  assert.equal(slug("  ---  "), "");
});
