// The builder's letterhead (kbtools/sphinxext/static/ab-skabelon.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { bytesToBase64, chooseTemplate, templateProblem, withTemplate } from "../../kbtools/sphinxext/static/ab-skabelon.mjs";

test("bytes become base64, also past one slice", () => {
  assert.equal(bytesToBase64(new Uint8Array([80, 75, 3, 4])), "UEsDBA==");
  const big = new Uint8Array(0x8000 * 2 + 3).fill(65);
  assert.equal(atob(bytesToBase64(big)).length, big.length);
});

test("a chosen file goes with every render call until it is removed", async () => {
  assert.deepEqual(withTemplate({ text: "a" }), { text: "a" });
  const file = { name: "kommune.docx", arrayBuffer: async () => new Uint8Array([1, 2, 3]).buffer };
  assert.equal(await chooseTemplate(file), "kommune.docx");
  assert.deepEqual(withTemplate({ text: "a" }), { text: "a", template: "AQID" });
  assert.equal(await chooseTemplate(undefined), null);
  assert.deepEqual(withTemplate({ text: "a" }), { text: "a" });
});

test("Python's reason is shown in Danish", () => {
  assert.equal(templateProblem({ templateProblem: "Skabelonen er ikke en Word-fil." }), "Skabelonen kan ikke bruges: Skabelonen er ikke en Word-fil.");
  assert.equal(templateProblem({ docx: "x" }), "");
});
