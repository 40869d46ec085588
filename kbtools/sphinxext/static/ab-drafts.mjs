/*
 * The agreement builder's drafts: several named drafts, one of them active, kept in the
 * browser's localStorage under one key and nowhere else. No page code here: the storage is
 * passed in, so Node's test runner checks it with a stand-in (tests/js/drafts.test.mjs).
 *
 * A draft is { data, original, fileName, changed, extraYears }: the agreement as plain data;
 * an opened file's bytes (base64) while the draft is unedited (it is then checked and saved as
 * those bytes); the file's name; whether the form changed it; years added to the budget table
 * before they hold an amount. A follow-up form's draft also holds the agreement it was begun
 * from (``agreements``: ``{ name, base64 }``) and the files added for its status note
 * (``noteFiles``: typology assessments and versions of the agreement, ``{ name, base64, kind,
 * about }``).
 */

import { formatNumber } from "./ab-numbers.mjs";
import { isObject } from "./ab-values.mjs";

export const STORE_KEY = "lks-aftalebygger";

/** Where a form's drafts are kept: the agreement builder's, or the key its page's model
 * names (``tool.storeKey``: the follow-up form keeps its drafts apart). */
export function keyFor(model) {
  return model && model.tool && model.tool.storeKey ? model.tool.storeKey : STORE_KEY;
}

// Bytes over this stay in the tab only: localStorage holds about 5 MB in all, and a few large
// files would fill it. A draft restored without its bytes counts as edited.
export const ORIGINAL_LIMIT = 200000; // characters of base64, about 150 kB of file

export function emptyStore() {
  return { active: null, drafts: {} };
}

/** Add a new draft named ``name`` to ``store`` and make it the active one. */
export function addDraft(store, name, model, fields) {
  const fresh = { data: { skema: model.schema }, original: null, fileName: null, changed: false, extraYears: [] };
  const lks = model.elements.find((e) => e.kind === "yesNo");
  if (lks) fresh.data[lks.key] = true;
  store.drafts[name] = Object.assign(fresh, fields || {});
  store.active = name;
}

/** ``wanted``, or »wanted (2)«, »wanted (3)« … when a draft has that name. */
export function uniqueName(store, wanted) {
  let name = wanted;
  let n = 2;
  while (name in store.drafts) name = wanted + " (" + n++ + ")";
  return name;
}

/** A draft as it is stored: without an opened file's bytes over ORIGINAL_LIMIT. */
export function stored(draft) {
  if (!draft.original || draft.original.length <= ORIGINAL_LIMIT) return draft;
  const copy = Object.assign({}, draft, { original: null, changed: true });
  delete copy.pending;
  return copy;
}

/** What ``chars`` characters take in localStorage (UTF-16: two bytes each), in Danish. */
export function sizeText(chars) {
  const bytes = chars * 2;
  return bytes >= 1e6
    ? formatNumber(Math.round(bytes / 1e5) / 10) + " MB"
    : Math.max(1, Math.round(bytes / 1e3)) + " kB";
}

/** Write every draft to ``storage``. Returns null, or the error the browser gave (e.g. a full
 * storage): the drafts then stay in the page, and the caller says so. */
export function save(storage, store, key = STORE_KEY) {
  const kept = { active: store.active, drafts: {} };
  for (const [name, draft] of Object.entries(store.drafts)) kept.drafts[name] = stored(draft);
  try {
    storage.setItem(key, JSON.stringify(kept));
    return null;
  } catch (error) {
    return error;
  }
}

/** The drafts in ``storage``, or a new store with one empty draft when there are none or they
 * cannot be read. */
export function load(storage, model) {
  let store = emptyStore();
  try {
    const saved = JSON.parse(storage.getItem(keyFor(model)) || "null");
    if (saved && isObject(saved.drafts) && saved.active in saved.drafts) store = saved;
  } catch {
    // no or unreadable drafts: start afresh
  }
  if (!store.active) addDraft(store, "Kladde 1", model);
  return store;
}

/** The other drafts, largest first, with the characters each takes when stored. */
export function largestOthers(store) {
  return Object.keys(store.drafts)
    .filter((name) => name !== store.active)
    .map((name) => [name, JSON.stringify(stored(store.drafts[name])).length])
    .sort((a, b) => b[1] - a[1]);
}
