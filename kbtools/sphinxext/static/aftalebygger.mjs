/*
 * Aftalebyggeren: draft, check and print a partnership agreement in the browser.
 *
 * The fields are drawn from the form model the build embeds (#ab-model, made from the agreement
 * schema by kbtools/browser/form.py). The agreement is kept as plain data; "Gem aftalen som fil"
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
import { isObject, parseDate, parseNumber, showDate, showNumber, shown, slug } from "./ab-values.mjs";
import { $, el, idFor } from "./ab-dom.mjs";
import { money } from "./ab-money.mjs";
import { findingsView } from "./ab-findings.mjs";
import { files } from "./ab-files.mjs";
import { parties } from "./ab-parties.mjs";
import { toYaml } from "./ab-yaml.mjs";
import * as drafts from "./ab-drafts.mjs";

const timings = { kontroller: [] };
window.kbAftalebygger = { timings: timings };

let model, root, references = {}, py = null, pythonReady = false;
let store = drafts.emptyStore();
let checkTimer = null, checkSeq = 0, lastChecked = null, checking = false, again = false;
const PAUSE_MS = 60; // a check starts this long after the last keystroke

// ---------- small helpers ----------

function draft() { return store.kladder[store.aktiv]; }
function data() { return draft().data; }

function getAt(path) {
  let node = data();
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = node[key];
  }
  return node;
}

function setAt(path, value) {
  let node = data();
  path.slice(0, -1).forEach(function (key, i) {
    if (node[key] === null || typeof node[key] !== "object") node[key] = typeof path[i + 1] === "number" ? [] : {};
    node = node[key];
  });
  node[path[path.length - 1]] = value;
}

function deleteAt(path) {
  const parent = getAt(path.slice(0, -1));
  if (parent === null || typeof parent !== "object") return;
  if (Array.isArray(parent)) parent.splice(path[path.length - 1], 1);
  else delete parent[path[path.length - 1]];
  // an emptied group under a key disappears too (a list item stays until it is removed)
  for (let i = path.length - 1; i > 0; i--) {
    const node = getAt(path.slice(0, i));
    const emptyGroup = isObject(node) && Object.keys(node).length === 0;
    const emptyList = Array.isArray(node) && node.length === 0;
    if (typeof path[i - 1] !== "string" || !(emptyGroup || emptyList)) break;
    delete getAt(path.slice(0, i - 1))[path[i - 1]];
  }
}

function typeNote(field, value, id) {
  // a note by a field whose file value is a list or group where one value belongs
  if (value === null || typeof value !== "object" || (field.felt === "tekstliste" && Array.isArray(value))) return null;
  const want = field.felt === "tal" ? "et tal" : field.felt === "dato" ? "en dato"
    : ["valg", "ja-nej", "part"].includes(field.felt) ? "et valg" : "en tekst";
  const had = Array.isArray(value) ? "en liste med " + value.length + (value.length === 1 ? " punkt" : " punkter")
    : "en gruppe med " + Object.keys(value).length + (Object.keys(value).length === 1 ? " felt" : " felter");
  const what = Array.isArray(value) ? "Listen" : "Gruppen";
  return el("p", { class: "ab-hjaelp ab-forkert-type", id: id + "-type",
    text: "Filen har " + had + " her, men feltet skal være " + want + ". " + what
      + " gemmes uændret, indtil I retter feltet. Retter I feltet, gemmes det, I skriver." });
}

// ---------- drafts ----------

function newDraft(name, fields) { drafts.addDraft(store, name, model, fields); }
function uniqueName(wanted) { return drafts.uniqueName(store, wanted); }

function persist() {
  showSpace(drafts.save(localStorage, store));
}

function showSpace(error) {
  // when the browser refuses to store the drafts, say which drafts take the space and offer
  // to delete the others; the current draft stays in the page either way
  let box = $("ab-plads");
  if (!error) { if (box) box.remove(); return; }
  if (!box) {
    box = el("div", { id: "ab-plads", class: "ab-plads", role: "alert" });
    $("ab-besked").after(box);
  }
  const sizes = drafts.largestOthers(store);
  const quota = error.name === "QuotaExceededError";
  const lines = [el("p", { text: (quota ? "Browserens plads til kladder er brugt op, så den seneste ændring er ikke gemt i browseren."
    : "Kladden kunne ikke gemmes i browseren (" + error.name + ").") + " Kladden »" + store.aktiv + "« er stadig her på siden."
    + " Gem den som YAML, så I ikke mister den, hvis I lukker siden." })];
  if (quota && sizes.length) {
    lines.push(el("p", { text: "Disse kladder fylder mest: " + sizes.slice(0, 5).map(function (s) { return "»" + s[0] + "« (" + drafts.sizeText(s[1]) + ")"; }).join(", ") + "." }));
    lines.push(el("button", { type: "button", id: "ab-slet-andre", text: "Slet de andre kladder", on: { click: deleteOthers } }));
  }
  box.replaceChildren.apply(box, lines);
}

function deleteOthers() {
  const others = Object.keys(store.kladder).filter(function (name) { return name !== store.aktiv; });
  if (!window.confirm("Slet " + others.length + (others.length === 1 ? " kladde" : " kladder") + " (alle undtagen »" + store.aktiv + "«)? Det kan ikke fortrydes.")) return;
  for (const name of others) delete store.kladder[name];
  persist();
  showDrafts();
  say(others.length + (others.length === 1 ? " kladde er slettet." : " kladder er slettet.") + ($("ab-plads") ? "" : " Kladden »" + store.aktiv + "« er gemt i browseren."));
}

function restore() {
  store = drafts.load(localStorage, model);
}

function showDrafts() {
  const select = $("ab-kladde");
  select.replaceChildren();
  for (const name of Object.keys(store.kladder)) {
    select.append(el("option", { value: name, text: name, selected: name === store.aktiv }));
  }
  $("ab-navn").value = store.aktiv;
}

function say(text) { $("ab-besked").textContent = text; }

// ---------- fields ----------

function label(field, id) {
  return el("label", { for: id }, [field.titel, field.påkrævet ? el("span", { class: "ab-kraevet", text: " (skal udfyldes)" }) : null]);
}

function help(field, id, extra) {
  const text = [field.beskrivelse, extra].filter(Boolean).join(" ");
  return text ? el("p", { class: "ab-hjaelp", id: id + "-hjaelp", text: text }) : null;
}

function slot(id) { return el("p", { class: "ab-felt-fund", id: id + "-fund", hidden: true }); }

function describe(input, id, hasHelp) {
  input.setAttribute("aria-describedby", (hasHelp ? id + "-hjaelp " : "") + id + "-fund");
}

function scalarInput(field, path, id) {
  const value = getAt(path);
  let input;
  if (field.felt === "valg" || field.felt === "ja-nej" || field.felt === "part") {
    input = el("select", { id: id, "data-felt": field.felt });
    if (field.felt === "part") {
      input.setAttribute("data-henvisning", field.henvisning);
      people.partyOptions(input, field, value);
    } else {
      const choices = field.felt === "ja-nej" ? [["true", "Ja"], ["false", "Nej"]] : field.valg.map(function (v) { return [v, v]; });
      input.append(el("option", { value: "", text: field.felt === "ja-nej" ? "Ikke angivet" : "Vælg" }));
      for (const [v, text] of choices) input.append(el("option", { value: v, text: text }));
      const current = shown(value);
      if (current && !choices.some(function (c) { return c[0] === current; })) input.append(el("option", { value: current, text: current }));
      input.value = current;
    }
  } else if (field.felt === "fritekst" || field.felt === "tekstliste") {
    const text = field.felt === "tekstliste" && Array.isArray(value) ? value.map(shown).join("\n") : shown(value);
    input = el("textarea", { id: id, rows: field.felt === "tekstliste" ? 3 : 4 });
    input.value = text;
  } else {
    input = el("input", { id: id, type: "text", autocomplete: "off" });
    if (field.felt === "tal") input.setAttribute("inputmode", "decimal");
    if (field.felt === "dato") input.setAttribute("placeholder", "DD.MM.ÅÅÅÅ");
    input.value = field.felt === "tal" ? showNumber(value) : field.felt === "dato" ? showDate(value) : shown(value);
    if (field.felt === "tal" || field.felt === "dato") {
      // a number or date is shown back in Danish once the field is left (never while typing)
      input.addEventListener("change", function () {
        const stored = getAt(path);
        if (field.felt === "tal" && typeof stored === "number") input.value = showNumber(stored);
        if (field.felt === "dato" && stored !== input.value) input.value = showDate(stored);
      });
    }
  }
  if (field.påkrævet) input.setAttribute("aria-required", "true");
  input.addEventListener(input.tagName === "SELECT" ? "change" : "input", function () { onInput(field, path, input); });
  return input;
}

function valueOf(field, input) {
  const raw = input.value;
  if (field.felt === "tekstliste") {
    const lines = raw.split("\n").map(function (line) { return line.trim(); }).filter(Boolean);
    return lines.length ? lines : undefined;
  }
  if (raw === "") return undefined;
  if (field.felt === "ja-nej") return raw === "true";
  if (field.felt === "tal") return parseNumber(raw);
  if (field.felt === "dato") return parseDate(raw);
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
  const hint = field.felt === "tekstliste" ? "Skriv én pr. linje." : field.felt === "dato" ? "Skriv datoen som dag, måned og år, fx 31.12.2027." : "";
  // a top-level element's description already stands under its heading
  const helpNode = path.length > 1 ? help(field, id, hint) : hint ? el("p", { class: "ab-hjaelp", id: id + "-hjaelp", text: hint }) : null;
  describe(input, id, Boolean(helpNode));
  const note = typeNote(field, getAt(path), id);
  if (note) input.setAttribute("aria-describedby", id + "-type " + input.getAttribute("aria-describedby"));
  return el("div", { class: "ab-felt" }, [label(field, id), helpNode, note, input, slot(id)]);
}

function fieldNode(field, path) {
  if (field.felt === "fast" || field.felt === "sum" || field.felt === "årsbeløb") return null;
  if (field.felt === "gruppe") return groupNode(field, path, true);
  if (field.felt === "liste") return listNode(field, path);
  if (field.felt === "beløbstabel") return tables.moneyTable(field, path);
  return simpleField(field, path);
}

function groupNode(field, path, nested) {
  const id = idFor(path);
  const children = field.felter.map(function (f) { return fieldNode(f, path.concat([f.nøgle])); });
  if (!nested) return el("div", { id: id, class: "ab-gruppe", tabindex: "-1" }, children.concat([slot(id)]));
  return el("fieldset", { id: id, class: "ab-gruppe", tabindex: "-1" }, [
    el("legend", { text: field.titel + (field.påkrævet ? " (skal udfyldes)" : "") }),
    field.beskrivelse ? el("p", { class: "ab-hjaelp", text: field.beskrivelse }) : null,
  ].concat(children, [slot(id)]));
}

function listNode(field, path) {
  const id = idFor(path);
  const items = Array.isArray(getAt(path)) ? getAt(path) : [];
  const wrapper = el("div", { id: id, class: "ab-liste", tabindex: "-1" });
  if (path.length > 1) wrapper.append(el("h3", { class: "ab-listetitel", text: field.titel }), help(field, id));
  items.forEach(function (item, i) {
    const itemPath = path.concat([i]);
    const title = field.element.titel + " " + (i + 1);
    const set = el("fieldset", { class: "ab-element", id: idFor(itemPath), tabindex: "-1" }, [el("legend", { text: title })]);
    for (const child of people.drawnOrder(path, field.element.felter)) set.append(fieldNode(child, itemPath.concat([child.nøgle])));
    set.append(slot(idFor(itemPath)));
    set.append(el("button", { type: "button", class: "ab-fjern", text: "Fjern " + title.toLowerCase(), on: { click: function () { people.removeItem(path, i); } } }));
    wrapper.append(set);
  });
  const buttons = el("p", { class: "ab-knapper" }, [
    el("button", { type: "button", text: "Tilføj " + field.element.titel.toLowerCase(), on: { click: function () { addItem(path, {}); } } }),
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
  const element = model.elementer.find(function (e) { return e.nøgle === key; });
  const container = document.querySelector('[data-element="' + key + '"]');
  if (!element || !container) return;
  const node = element.felt === "gruppe" ? groupNode(element, [key], false) : fieldNode(element, [key]);
  container.replaceChildren();
  if (node) container.append(node);
  if (lastChecked && !later) showFindings(lastChecked);
}

function renderAll() {
  people.clearUndo();
  for (const element of model.elementer) rerender(element.nøgle, true);
  if (lastChecked) showFindings(lastChecked);
  showDrafts();
}

// ---------- checking ----------

function content() {
  const current = draft();
  const name = current.filnavn || fileName();
  if (current.original && !current.redigeret) return { base64: current.original, name: name };
  return { text: toYaml(current.data, model.elementer), name: name };
}

function fileName() {
  const title = data().titel;
  const base = typeof title === "string" && slug(title) ? slug(title) : "partnerskabsaftale";
  return base + ".yaml";
}

function edited() {
  ensurePython();
  const current = draft();
  people.clearUndo();
  current.redigeret = true;
  current.original = null; // the form's data is the agreement now
  delete current.afkortet;
  persist();
  scheduleCheck();
}

function scheduleCheck() {
  clearTimeout(checkTimer);
  $("ab-fund").dataset.tilstand = "venter";
  checkTimer = setTimeout(runCheck, PAUSE_MS);
}

async function runCheck() {
  if (!pythonReady) return;
  if (checking) { again = true; return; } // one check at a time; the newest text runs next
  checking = true;
  const seq = ++checkSeq;
  $("ab-fund").dataset.tilstand = "arbejder";
  const started = performance.now();
  try {
    const answer = await py.call("check", content());
    if (seq === checkSeq) {
      timings.kontroller.push(performance.now() - started);
      if (timings.førsteKontrol === undefined) timings.førsteKontrol = performance.now();
      showFindings(answer.fund);
      if (!again) $("ab-fund").dataset.tilstand = "færdig";
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
  on("ab-kladde", "change", function (event) {
    store.aktiv = event.target.value;
    persist();
    lastChecked = null;
    renderAll();
    say("Kladden »" + store.aktiv + "« er åbnet.");
    if (draft().venter) filing.loadOpened(); else scheduleCheck();
  });
  on("ab-ny", "click", function () {
    newDraft(uniqueName("Kladde " + (Object.keys(store.kladder).length + 1)));
    persist();
    lastChecked = null;
    renderAll();
    say("Ny kladde: »" + store.aktiv + "«.");
    scheduleCheck();
  });
  on("ab-slet", "click", function () {
    if (!window.confirm("Slet kladden »" + store.aktiv + "«? Det kan ikke fortrydes.")) return;
    const gone = store.aktiv;
    delete store.kladder[gone];
    const rest = Object.keys(store.kladder);
    if (rest.length) store.aktiv = rest[0]; else newDraft("Kladde 1");
    persist();
    lastChecked = null;
    renderAll();
    say("Kladden »" + gone + "« er slettet.");
    scheduleCheck();
  });
  on("ab-navn", "change", function (event) {
    const wanted = event.target.value.trim();
    if (!wanted || wanted === store.aktiv) { event.target.value = store.aktiv; return; }
    const name = uniqueName(wanted);
    const renamed = {};
    for (const [key, value] of Object.entries(store.kladder)) renamed[key === store.aktiv ? name : key] = value;
    store.kladder = renamed;
    store.aktiv = name;
    persist();
    showDrafts();
    say("Kladden hedder nu »" + name + "«.");
  });
  on("ab-aabn", "change", function (event) {
    const file = event.target.files && event.target.files[0];
    if (file) filing.openFile(file).finally(function () { event.target.value = ""; });
  });
  on("ab-gem", "click", filing.save);
  on("ab-lav-udskrift", "click", filing.showPrint);
  on("ab-udskriv", "click", filing.printFrame);
  on("ab-word", "click", filing.saveWord);
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
    timings.pythonKlar = performance.now();
    timings.pythonIndlæsning = info.loadMs;
    timings.faser = info.phases;
    $("ab-status").textContent = "Kontrol klar";
    if (draft().venter) filing.loadOpened(); else runCheck();
  }, function (error) {
    $("ab-status").textContent = error.message + " Du kan stadig udfylde og gemme aftalen.";
  });
}

const tables = money({ getAt: getAt, setAt: setAt, deleteAt: deleteAt, draft: draft, get model() { return model; },
  help: help, slot: slot, onInput: onInput, addItem: addItem, removeItem: function (path, i) { people.removeItem(path, i); }, rerender: rerender,
  edited: edited, persist: persist, say: say });

const findings = findingsView({ draft: draft, get model() { return model; }, get root() { return root; } });

const people = parties({ get model() { return model; }, data: data, draft: draft, getAt: getAt, setAt: setAt,
  deleteAt: deleteAt, rerender: rerender, renderAll: renderAll, edited: edited, say: say,
  showLastFindings: function () { if (lastChecked) showFindings(lastChecked); } });

const filing = files({ get model() { return model; }, get store() { return store; }, draft: draft, newDraft: newDraft,
  uniqueName: uniqueName, persist: persist, renderAll: renderAll, say: say, showFindings: showFindings,
  forgetFindings: function () { lastChecked = null; }, content: content, fileName: fileName, ensurePython: ensurePython,
  python: function () { return pythonReady ? py : null; }, nextCheck: function () { return ++checkSeq; },
  isLatest: function (seq) { return seq === checkSeq; } });

function showFindings(found) {
  lastChecked = found;
  findings.showFindings(found);
}

function main() {
  const holder = $("aftalebygger");
  if (!holder) return;
  holder.classList.add("ab-js"); // the tools that need JavaScript are shown only with it
  model = JSON.parse($("ab-model").textContent);
  people.init();
  references = people.references();
  root = holder.dataset.rod || "";
  restore();
  wire();
  renderAll();
  timings.formularKlar = performance.now();
  $("ab-status").textContent = "Kontrollen indlæses … Du kan udfylde formularen imens.";
  if (typeof window.requestIdleCallback === "function") window.requestIdleCallback(ensurePython, { timeout: 1000 });
  else setTimeout(ensurePython, 50);
}

window.kbAftalebygger.toYaml = function (value) { return toYaml(value, model.elementer); };
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", main); else main();
