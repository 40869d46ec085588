// The builder's drafts in the browser's storage (kbtools/sphinxext/static/ab-drafts.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";
import * as drafts from "../../kbtools/sphinxext/static/ab-drafts.mjs";

const MODEL = { schema: "partnerskabsaftale/1", elements: [{ key: "titel", kind: "text" }, { key: "lks", kind: "yesNo" }] };

function memoryStorage(limit = Infinity) {
  const items = new Map();
  return {
    items,
    getItem: (key) => (items.has(key) ? items.get(key) : null),
    setItem(key, value) {
      if (value.length > limit) {
        const error = new Error("full");
        error.name = "QuotaExceededError";
        throw error;
      }
      items.set(key, value);
    },
  };
}

test("an empty storage gives one new draft with the schema and the yes/no element set", () => {
  const store = drafts.load(memoryStorage(), MODEL);
  assert.equal(store.active, "Kladde 1");
  assert.deepEqual(store.drafts["Kladde 1"].data, { skema: "partnerskabsaftale/1", lks: true });
});

test("drafts survive a save and a load", () => {
  const storage = memoryStorage();
  const store = drafts.load(storage, MODEL);
  store.drafts["Kladde 1"].data.titel = "Aftale om Ø";
  drafts.addDraft(store, drafts.uniqueName(store, "Kladde 1"), MODEL);
  assert.equal(store.active, "Kladde 1 (2)");
  assert.equal(drafts.save(storage, store), null);
  const again = drafts.load(storage, MODEL);
  assert.deepEqual(again, JSON.parse(JSON.stringify(store)));
});

test("unreadable or foreign data in the storage starts afresh instead of failing", () => {
  for (const text of ["{", "null", '{"active": "x", "drafts": {}}', '"tekst"']) {
    const storage = memoryStorage();
    storage.setItem(drafts.STORE_KEY, text);
    assert.equal(drafts.load(storage, MODEL).active, "Kladde 1");
  }
});

test("a large opened file's bytes are not stored, and the draft then counts as edited", () => {
  const big = { data: {}, original: "A".repeat(drafts.ORIGINAL_LIMIT + 1), changed: false, pending: true };
  const kept = drafts.stored(big);
  assert.equal(kept.original, null);
  assert.equal(kept.changed, true);
  assert.equal("pending" in kept, false);
  assert.equal(big.original.length, drafts.ORIGINAL_LIMIT + 1, "the draft in the page keeps its bytes");
  const small = { data: {}, original: "QUJD", changed: false };
  assert.equal(drafts.stored(small), small);
});

test("a full storage is reported, not thrown, and names the largest other drafts", () => {
  const store = drafts.emptyStore();
  drafts.addDraft(store, "lille", MODEL);
  drafts.addDraft(store, "stor", MODEL, { data: { titel: "x".repeat(5000) } });
  drafts.addDraft(store, "aktiv", MODEL);
  const error = drafts.save(memoryStorage(100), store);
  assert.equal(error.name, "QuotaExceededError");
  assert.deepEqual(drafts.largestOthers(store).map((entry) => entry[0]), ["stor", "lille"]);
});

test("sizes are given as localStorage counts them, in Danish", () => {
  assert.equal(drafts.sizeText(10), "1 kB");
  assert.equal(drafts.sizeText(100000), "200 kB");
  assert.equal(drafts.sizeText(1250000), "2,5 MB");
});
