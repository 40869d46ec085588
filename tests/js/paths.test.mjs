// Values at a path in the agreement's data (kbtools/sphinxext/static/ab-paths.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { deleteIn, getIn, setIn } from "../../kbtools/sphinxext/static/ab-paths.mjs";

test("a value is read, set and made on the way", () => {
  const data = {};
  setIn(data, ["økonomi", "budget", 0, "pr_år", "2027"], 1500);
  assert.deepEqual(data, { økonomi: { budget: [{ pr_år: { 2027: 1500 } }] } });
  assert.equal(getIn(data, ["økonomi", "budget", 0, "pr_år", "2027"]), 1500);
  assert.equal(getIn(data, ["titel", "x"]), undefined);
});

test("removing the last value of a group removes the group, but not a list item", () => {
  const data = { økonomi: { budget: [{ pr_år: { 2027: 1 } }] }, varighed: { start: "2027-01-01" } };
  deleteIn(data, ["økonomi", "budget", 0, "pr_år", "2027"]);
  assert.deepEqual(data.økonomi, { budget: [{}] });
  deleteIn(data, ["varighed", "start"]);
  assert.equal("varighed" in data, false);
  deleteIn(data, ["økonomi", "budget", 0]);
  assert.equal("økonomi" in data, false);
});
