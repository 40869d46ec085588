/*
 * Aftalebyggeren: draft, check and print a partnership agreement in the browser.
 *
 * The fields are drawn from the form model the build embeds (#ab-model, made from the agreement
 * schema by kbtools/sphinxext/form.py). The agreement is kept as plain data; "Gem aftalen som fil"
 * writes it with ab-yaml.mjs (plain JavaScript, so saving works before Python has loaded).
 * Checks and the print view run kbtools' own Python code through kb-python.js. A file that was
 * opened and not edited is checked and saved as its original bytes; after an edit, the text
 * toYaml() writes is what is checked and saved. Drafts live in localStorage only
 * (ab-drafts.mjs); numbers, amounts and dates are read and shown by ab-values.mjs.
 *
 * This module draws the fields and runs the checks; whole concerns live in modules of their
 * own: the budget tables (ab-money.mjs), parties and the fields that refer to them
 * (ab-parties.mjs, ab-refs.mjs), the findings (ab-findings.mjs, in the form's words from
 * ab-wording.mjs), and files and the print view (ab-files.mjs).
 *
 * Data is only ever put into the page as text (textContent, value, attributes), never as HTML.
 */
import { parseDate, parseNumber, showDate, showNumber, shown } from "./ab-values.mjs";
import { $, el, idFor } from "./ab-dom.mjs";
import { deleteIn, getIn, setIn } from "./ab-paths.mjs";
import { money } from "./ab-money.mjs";
import { findingsView } from "./ab-findings.mjs";
import { files } from "./ab-files.mjs";
import { parties } from "./ab-parties.mjs";
import { draftBar } from "./ab-draftbar.mjs";
import { toYaml } from "./ab-yaml.mjs";
import * as drafts from "./ab-drafts.mjs";
import { chooseTemplate } from "./ab-skabelon.mjs";

const timings = { checks: [] };
window.kbAftalebygger = { timings: timings };

let model, root, references = {}, py = null, pythonReady = false;
let store = drafts.emptyStore();
let checkTimer = null, checkSeq = 0, lastChecked = null, checking = false, again = false;
const PAUSE_MS = 60; // a check starts this long after the last keystroke

// ---------- small helpers ----------

function draft() { return store.drafts[store.active]; }
function data() { return draft().data; }

function getAt(path) { return getIn(data(), path); }
function setAt(path, value) { setIn(data(), path, value); }
function deleteAt(path) { deleteIn(data(), path); }

function typeNote(field, value, id) {
  // a note by a field whose file value is a list or group where one value belongs
  if (value === null || typeof value !== "object" || (field.kind === "textList" && Array.isArray(value))) return null;
  const want = field.kind === "number" ? "et tal" : field.kind === "date" ? "en dato"
    : ["choice", "yesNo", "party"].includes(field.kind) ? "et valg" : "en tekst";
  const had = Array.isArray(value) ? "en liste med " + value.length + (value.length === 1 ? " punkt" : " punkter")
    : "en gruppe med " + Object.keys(value).length + (Object.keys(value).length === 1 ? " felt" : " felter");
  const what = Array.isArray(value) ? "Listen" : "Gruppen";
  return el("p", { class: "ab-hjaelp ab-forkert-type", id: id + "-type",
    text: "Filen har " + had + " her, men feltet skal være " + want + ". " + what
      + " gemmes uændret, indtil I retter feltet. Retter I feltet, gemmes det, I skriver." });
}

// ---------- drafts ----------

function newDraft(name, fields) { drafts.addDraft(store, name, model, fields); filing.forgetPrint(); }
function uniqueName(wanted) { return drafts.uniqueName(store, wanted); }

function persist() {
  bar.showSpace(drafts.save(localStorage, store, drafts.keyFor(model)));
}

function restore() {
  store = drafts.load(localStorage, model);
}

function say(text) { $("ab-besked").textContent = text; }

// ---------- fields ----------

function label(field, id) {
  return el("label", { for: id }, [field.title, field.required ? el("span", { class: "ab-kraevet", text: " (skal udfyldes)" }) : null]);
}

function help(field, id, extra) {
  const text = [field.description, extra].filter(Boolean).join(" ");
  return text ? el("p", { class: "ab-hjaelp", id: id + "-hjaelp", text: text }) : null;
}

function slot(id) { return el("p", { class: "ab-felt-fund", id: id + "-fund", hidden: true }); }

function describe(input, id, hasHelp) {
  input.setAttribute("aria-describedby", (hasHelp ? id + "-hjaelp " : "") + id + "-fund");
}

function scalarInput(field, path, id) {
  const value = getAt(path);
  let input;
  if (field.kind === "choice" || field.kind === "yesNo" || field.kind === "party") {
    input = el("select", { id: id, "data-kind": field.kind });
    if (field.kind === "party") {
      input.setAttribute("data-refers-to", field.refersTo);
      people.partyOptions(input, field, value);
    } else {
      const choices = field.kind === "yesNo" ? [["true", "Ja"], ["false", "Nej"]] : field.choices.map(function (v) { return [v, v]; });
      input.append(el("option", { value: "", text: field.kind === "yesNo" ? "Ikke angivet" : "Vælg" }));
      for (const [v, text] of choices) input.append(el("option", { value: v, text: text }));
      const current = shown(value);
      if (current && !choices.some(function (c) { return c[0] === current; })) input.append(el("option", { value: current, text: current }));
      input.value = current;
    }
  } else if (field.kind === "longText" || field.kind === "textList") {
    const text = field.kind === "textList" && Array.isArray(value) ? value.map(shown).join("\n") : shown(value);
    input = el("textarea", { id: id, rows: field.kind === "textList" ? 3 : 4 });
    input.value = text;
  } else {
    input = el("input", { id: id, type: "text", autocomplete: "off" });
    if (field.kind === "number") input.setAttribute("inputmode", "decimal");
    if (field.kind === "date") input.setAttribute("placeholder", "DD.MM.ÅÅÅÅ");
    input.value = field.kind === "number" ? showNumber(value) : field.kind === "date" ? showDate(value) : shown(value);
    if (field.kind === "number" || field.kind === "date") {
      // a number or date is shown back in Danish once the field is left (never while typing)
      input.addEventListener("change", function () {
        const stored = getAt(path);
        if (field.kind === "number" && typeof stored === "number") input.value = showNumber(stored);
        if (field.kind === "date" && stored !== input.value) input.value = showDate(stored);
      });
    }
  }
  if (field.required) input.setAttribute("aria-required", "true");
  input.addEventListener(input.tagName === "SELECT" ? "change" : "input", function () { onInput(field, path, input); });
  return input;
}

function valueOf(field, input) {
  const raw = input.value;
  if (field.kind === "textList") {
    const lines = raw.split("\n").map(function (line) { return line.trim(); }).filter(Boolean);
    return lines.length ? lines : undefined;
  }
  if (raw === "") return undefined;
  if (field.kind === "yesNo") return raw === "true";
  if (field.kind === "number") return parseNumber(raw);
  if (field.kind === "date") return parseDate(raw);
  return raw;
}

function onInput(field, path, input) {
  const previous = getAt(path);
  const value = valueOf(field, input);
  if (value === undefined) deleteAt(path); else setAt(path, value);
  const note = $(input.id + "-type");
  if (note) { // the file's list or group is replaced by what was typed
    note.remove();
    input.setAttribute("aria-describedby", input.getAttribute("aria-describedby").replace(input.id + "-type ", ""));
  }
  if (path[0] in references && typeof path[1] === "number") people.partyChanged(field, path, previous, value);
  edited();
}

function simpleField(field, path) {
  const id = idFor(path);
  const input = scalarInput(field, path, id);
  const hint = field.kind === "textList" ? "Skriv én pr. linje." : field.kind === "date" ? "Skriv datoen som dag, måned og år, fx 31.12.2027." : "";
  // a top-level element's description already stands under its heading
  const helpNode = path.length > 1 ? help(field, id, hint) : hint ? el("p", { class: "ab-hjaelp", id: id + "-hjaelp", text: hint }) : null;
  describe(input, id, Boolean(helpNode));
  const note = typeNote(field, getAt(path), id);
  if (note) input.setAttribute("aria-describedby", id + "-type " + input.getAttribute("aria-describedby"));
  return el("div", { class: "ab-felt" }, [label(field, id), helpNode, note, input, slot(id)]);
}

function fieldNode(field, path) {
  if (field.kind === "constant" || field.kind === "sum" || field.kind === "yearAmounts") return null;
  if (field.kind === "group") return groupNode(field, path, true);
  if (field.kind === "list") return listNode(field, path);
  if (field.kind === "amountTable") return tables.moneyTable(field, path);
  return simpleField(field, path);
}

function groupNode(field, path, nested) {
  const id = idFor(path);
  const children = field.fields.map(function (f) { return fieldNode(f, path.concat([f.key])); });
  if (!nested) return el("div", { id: id, class: "ab-gruppe", tabindex: "-1" }, children.concat([slot(id)]));
  return el("fieldset", { id: id, class: "ab-gruppe", tabindex: "-1" }, [
    el("legend", { text: field.title + (field.required ? " (skal udfyldes)" : "") }),
    field.description ? el("p", { class: "ab-hjaelp", text: field.description }) : null,
  ].concat(children, [slot(id)]));
}

function listNode(field, path) {
  const id = idFor(path);
  const items = Array.isArray(getAt(path)) ? getAt(path) : [];
  const wrapper = el("div", { id: id, class: "ab-liste", tabindex: "-1" });
  if (path.length > 1) wrapper.append(el("h3", { class: "ab-listetitel", text: field.title }), help(field, id));
  items.forEach(function (item, i) {
    const itemPath = path.concat([i]);
    const title = field.item.title + " " + (i + 1);
    const set = el("fieldset", { class: "ab-element", id: idFor(itemPath), tabindex: "-1" }, [el("legend", { text: title })]);
    for (const child of people.drawnOrder(path, field.item.fields)) set.append(fieldNode(child, itemPath.concat([child.key])));
    set.append(slot(idFor(itemPath)));
    set.append(el("button", { type: "button", class: "ab-fjern", text: "Fjern " + title.toLowerCase(), on: { click: function () { people.removeItem(path, i); } } }));
    wrapper.append(set);
  });
  const buttons = el("p", { class: "ab-knapper" }, [
    el("button", { type: "button", text: "Tilføj " + field.item.title.toLowerCase(), on: { click: function () { addItem(path, {}); } } }),
  ]);
  const ref = people.partyField(field);
  if (ref) {
    buttons.append(" ", el("button", { type: "button", text: "Tilføj for hver part, der mangler", on: { click: function () { people.addPerParty(path, ref); } } }));
  }
  wrapper.append(buttons, slot(id));
  return wrapper;
}

function addItem(path, item) {
  const list = getAt(path);
  if (Array.isArray(list)) list.push(item); else setAt(path, [item]);
  rerender(path[0]);
  const index = getAt(path).length - 1;
  const added = $(idFor(path.concat([index])));
  // a new party starts at its name (its id follows the name), not at the id
  const ref = path.length === 1 ? references[path[0]] : null;
  const first = (ref && $(idFor(path.concat([index, ref.nameField])))) || (added && added.querySelector("input, select, textarea"));
  if (first) first.focus();
  edited();
}

// ---------- drawing ----------

function rerender(key, later) {
  // »later«: the caller shows the findings once, after drawing every element it redraws
  const element = model.elements.find(function (e) { return e.key === key; });
  const container = document.querySelector('[data-element="' + key + '"]');
  if (!element || !container) return;
  const node = element.kind === "group" ? groupNode(element, [key], false) : fieldNode(element, [key]);
  container.replaceChildren();
  if (node) container.append(node);
  if (lastChecked && !later) showFindings(lastChecked);
}

function renderAll() {
  people.clearUndo();
  for (const element of model.elements) rerender(element.key, true);
  if (lastChecked) showFindings(lastChecked);
  bar.showDrafts();
  filing.showNoteFiles();
}

// ---------- checking ----------

function edited() {
  ensurePython();
  const current = draft();
  people.clearUndo();
  current.changed = true;
  current.original = null; // the form's data is the agreement now
  delete current.truncated;
  persist();
  scheduleCheck();
}

function scheduleCheck() {
  clearTimeout(checkTimer);
  $("ab-fund").dataset.tilstand = "venter";
  checkTimer = setTimeout(function () { checkTimer = null; runCheck(); }, PAUSE_MS);
}

async function runCheck() {
  if (!pythonReady) return;
  if (checking) { again = true; return; } // one check at a time; the newest text runs next
  checking = true;
  const seq = ++checkSeq;
  $("ab-fund").dataset.tilstand = "arbejder";
  const started = performance.now();
  try {
    const answer = await py.call("check", filing.content());
    if (seq === checkSeq) {
      timings.checks.push(performance.now() - started);
      if (timings.firstCheck === undefined) timings.firstCheck = performance.now();
      showFindings(answer);
      // done only when no newer check waits: not »again« and no edit within the pause
      if (!again && checkTimer === null) $("ab-fund").dataset.tilstand = "færdig";
    }
  } catch (error) {
    if (seq === checkSeq) {
      $("ab-opsummering").textContent = "Kontrollen mislykkedes: " + error.message;
      $("ab-fund").dataset.tilstand = "fejl";
    }
  } finally {
    checking = false;
    if (again) { again = false; runCheck(); }
  }
}

// ---------- start ----------

function on(id, type, handler) {
  const node = $(id);
  if (node) node.addEventListener(type, handler);
}

function wire() {
  bar.wire();
  on("ab-aabn", "change", function (event) {
    const file = event.target.files && event.target.files[0];
    if (file) filing.openFile(file).finally(function () { event.target.value = ""; });
  });
  on("ab-gem", "click", filing.save);
  on("ab-fra-aftale", "change", function (event) {
    const file = event.target.files && event.target.files[0];
    if (file) filing.startFromAgreement(file).finally(function () { event.target.value = ""; });
  });
  on("ab-lav-udskrift", "click", filing.showPrint);
  on("ab-udskriv", "click", filing.printFrame);
  on("ab-word", "click", filing.saveWord);
  filing.wireNoteFiles();
  on("ab-skabelon", "change", async function (event) {
    const name = await chooseTemplate(event.target.files[0]);
    $("ab-udskrift-besked").textContent = name
      ? "Word-filen og udskriften laves med kommunens skabelon »" + name + "«."
      : "Word-filen og udskriften laves uden skabelon.";
  });
  on("ab-form", "submit", function (event) { event.preventDefault(); });
}

function ensurePython() {
  // Python (kb-python.js) is started once the form is drawn: when the browser is idle, or
  // at once when something needs it (an edit, an opened file, the print view)
  if (py) return;
  if (typeof window.startPython !== "function") {
    $("ab-status").textContent = "Kontrollen kunne ikke indlæses. Du kan stadig udfylde og gemme aftalen.";
    return;
  }
  py = window.startPython();
  timings.pythonStart = performance.now();
  startChecking();
}

function startChecking() {
  py.ready.then(function (info) {
    pythonReady = true;
    timings.pythonReady = performance.now();
    timings.pythonLoadMs = info.loadMs;
    timings.phases = { ...info.phases, fromSnapshot: info.fromSnapshot };
    $("ab-status").textContent = "Kontrol klar";
    if (draft().pending) filing.loadOpened(); else runCheck();
  }, function (error) {
    $("ab-status").textContent = error.message + " Du kan stadig udfylde og gemme aftalen.";
  });
}

const tables = money({ getAt: getAt, setAt: setAt, deleteAt: deleteAt, draft: draft, get model() { return model; },
  help: help, slot: slot, onInput: onInput, addItem: addItem, removeItem: function (path, i) { people.removeItem(path, i); }, rerender: rerender,
  edited: edited, persist: persist, say: say });

const findings = findingsView({ draft: draft, get model() { return model; }, get root() { return root; } });

const bar = draftBar({ store: function () { return store; }, persist: persist, say: say, renderAll: renderAll,
  forgetFindings: function () { lastChecked = null; }, newDraft: newDraft, uniqueName: uniqueName,
  scheduleCheck: scheduleCheck, afterSwitch: function () { filing.forgetPrint(); if (draft().pending) filing.loadOpened(); else scheduleCheck(); } });

const people = parties({ get model() { return model; }, data: data, draft: draft, getAt: getAt, setAt: setAt,
  deleteAt: deleteAt, rerender: rerender, renderAll: renderAll, edited: edited, say: say,
  showLastFindings: function () { if (lastChecked) showFindings(lastChecked); } });

const filing = files({ get model() { return model; }, get store() { return store; }, draft: draft, newDraft: newDraft,
  uniqueName: uniqueName, persist: persist, renderAll: renderAll, say: say, showFindings: showFindings,
  forgetFindings: function () { lastChecked = null; }, ensurePython: ensurePython, scheduleCheck: scheduleCheck,
  python: function () { return pythonReady ? py : null; }, ready: function () { return py ? py.ready : new Promise(function () {}); },
  nextCheck: function () { return ++checkSeq; },
  isLatest: function (seq) { return seq === checkSeq; } });

function showFindings(answer) {
  // the latest check answer (findings, summary, words per section), shown again after a redraw
  lastChecked = answer;
  findings.showFindings(answer);
}

function main() {
  const holder = $("aftalebygger");
  if (!holder) return;
  holder.classList.add("ab-js"); // the tools that need JavaScript are shown only with it
  model = JSON.parse($("ab-model").textContent);
  people.init();
  references = people.references();
  root = holder.dataset.root || "";
  restore();
  wire();
  renderAll();
  timings.formReady = performance.now();
  $("ab-status").textContent = "Kontrollen indlæses … Du kan udfylde formularen imens.";
  if (typeof window.requestIdleCallback === "function") window.requestIdleCallback(ensurePython, { timeout: 1000 });
  else setTimeout(ensurePython, 50);
}

window.kbAftalebygger.toYaml = function (value) { return toYaml(value, model.elements); };
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", main); else main();
