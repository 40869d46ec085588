/*
 * Findings in the form's words. kbtools' checks speak of the file (keys, »mangler i filen«);
 * the builder's user sees a form. Each finding from Python carries its code (``code``), the
 * path in the data (``path``) and its level; the sentence here is built from those and from the
 * agreement's data and the form model (titles, list items, party names), by a table of codes,
 * never by reading the Danish message. A code the table does not know keeps kbtools' message.
 *
 * Pure functions, so Node's test runner checks them (tests/js/wording.test.mjs).
 */
import { isObject, shown } from "./ab-values.mjs";

// list items in definite form, as a sentence names one: »ved budgetposten »Drift««
const DEFINITE = {
  Part: "parten", Mål: "målet", Rolle: "rollen", Budgetpost: "budgetposten", Finansieringskilde: "finansieringskilden",
  Medlem: "medlemmet", Ressourcebidrag: "ressourcebidraget", Underskrift: "underskriften", Møde: "mødet", Indsats: "indsatsen",
};

const AMOUNT_EXAMPLE = "fx 1.500 eller 1,5 mio.";
const DATE_EXAMPLE = "fx 31.12.2027";

export const RECOMMENDED = "aftale-anbefalet-element";

function valueAt(data, path) {
  let node = data;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = node[key];
  }
  return node;
}

/** What the path points at in the form model: the field, and the list items on the way. */
export function locate(elements, path) {
  let fields = elements;
  let field = null;
  const items = [];
  for (let i = 0; i < path.length; i++) {
    const step = path[i];
    if (field && (field.kind === "list" || field.kind === "amountTable") && typeof step === "number") {
      items.push({ list: field, index: step, path: path.slice(0, i + 1) });
      field = { kind: "group", title: field.item.title, fields: field.item.fields };
      fields = field.fields;
    } else if (field && field.kind === "yearAmounts") {
      field = { kind: "amount", title: String(step), year: String(step) };
      fields = [];
    } else {
      const next = (fields || []).find(function (f) { return f.key === step; });
      if (!next) return { field: null, items: items };
      field = next;
      fields = next.fields || [];
    }
  }
  return { field: field, items: items };
}

function partyName(data, field, key) {
  const parties = isObject(data) && Array.isArray(data[field.refersTo]) ? data[field.refersTo] : [];
  const party = parties.find(function (p) { return isObject(p) && p[field.keyField] === key; });
  return party && shown(party[field.nameField]) ? shown(party[field.nameField]) : shown(key);
}

/** The list item a path is in, as a sentence names it: » ved budgetposten »Drift««,
 * » ved rollen for »Jobcenter A««, » ved rolle 2« (always by number when ``byNumber``);
 * empty outside a list. */
export function placeOf(data, elements, path, byNumber) {
  const { items } = locate(elements, path);
  if (!items.length) return "";
  const last = items[items.length - 1];
  const item = valueAt(data, last.path);
  const title = last.list.item.title;
  const definite = DEFINITE[title] || title.toLowerCase();
  let text = " ved " + title.toLowerCase() + " " + (last.index + 1);
  const nameKey = last.list.nameField || (last.list.item.fields.some(function (f) { return f.key === "navn"; }) ? "navn" : null);
  const ref = last.list.item.fields.find(function (f) { return f.kind === "party"; });
  if (byNumber || !isObject(item)) { /* by number */ }
  else if (nameKey && shown(item[nameKey]).trim() && !ref) text = " ved " + definite + " »" + shown(item[nameKey]).trim() + "«";
  else if (ref && typeof item[ref.key] === "string" && item[ref.key]) {
    text = " ved " + definite + " for »" + partyName(data, ref, item[ref.key]) + "«";
  }
  if (items.length === 1 && last.path.length > 3) {
    const group = locate(elements, last.path.slice(0, -2)).field;
    if (group && group.title) text += " i »" + group.title + "«";
  }
  return text;
}

function fill(field, where) {
  if (!field) return null;
  const title = "»" + field.title + "«";
  switch (field.kind) {
    case "choice": case "yesNo": return "Vælg " + title + where + ".";
    case "party": return "Vælg en part under " + title + where + ".";
    case "list": case "amountTable": return "Tilføj mindst én " + field.item.title.toLowerCase() + " under " + title + where + ".";
    case "textList": return "Skriv mindst én linje i " + title + where + ".";
    case "yearAmounts": return "Skriv et beløb for mindst ét år" + where + ".";
    case "amount": return "Skriv et beløb for " + field.year + where + ".";
    case "date": return "Skriv en dato i " + title + where + ", " + DATE_EXAMPLE + ".";
    default: return "Udfyld " + title + where + ".";
  }
}

function partyGap(what, section) {
  return function (f, info) {
    const party = valueAt(info.data, f.path);
    const name = isObject(party) && shown(party.navn) ? "»" + shown(party.navn) + "«" : "parten";
    return "Tilføj " + what + " for " + name + " under »" + section + "« (knappen »Tilføj for hver part, der mangler«).";
  };
}

// code → the sentence in the form's words, or null for kbtools' own message
const SENTENCES = {
  "skema-mangler": function (f, info) {
    if (f.path.length === 1 && f.path[0] === "titel") return "Skriv aftalens titel.";
    return fill(info.field, info.where);
  },
  "skema-tom": function (f, info) { return fill(info.field, info.where); },
  "skema-tom-tekst": function (f, info) { return fill(info.field, info.where); },
  "skema-for-faa": function (f, info) { return fill(info.field, info.where); },
  "skema-type": function (f, info) {
    const field = info.field;
    if (!field) return null;
    const value = info.value;
    const empty = value === null || value === undefined || value === "";
    if (field.kind === "amount") {
      return empty ? "Skriv et beløb for " + field.year + info.where + "."
        : "Skriv beløbet for " + field.year + info.where + " som et tal, " + AMOUNT_EXAMPLE;
    }
    if (empty) return fill(field, info.where);
    if (field.kind === "number") return "Skriv et tal i »" + field.title + "«" + info.where + ", fx 10.";
    if (field.kind === "date") return "Skriv en dato i »" + field.title + "«" + info.where + ", " + DATE_EXAMPLE + ".";
    if (field.kind === "yesNo") return "Vælg Ja eller Nej ved »" + field.title + "«" + info.where + ".";
    return null;
  },
  "skema-dato": function (f, info) {
    if (!info.field) return null;
    return "»" + shown(info.value) + "« i »" + info.field.title + "«" + info.where + " er ikke en dato, der findes. Skriv datoen som dag, måned og år, " + DATE_EXAMPLE + ".";
  },
  "skema-vaerdi": function (f, info) { return info.field ? "Vælg en af mulighederne i »" + info.field.title + "«" + info.where + "." : null; },
  "skema-minimum": function (f, info) { return info.field ? "Skriv et større tal i »" + info.field.title + "«" + info.where + "." : null; },
  "skema-moenster": function (f, info) {
    if (!info.field) return null;
    return "»" + info.field.title + "«" + info.where + " må kun have små bogstaver, tal og bindestreger. Skriv navnet, så udfyldes det af sig selv.";
  },
  "aftale-ukendt-part": function (f, info) {
    // a reference is never guessed from spelling: another party is another organisation
    return "Vælg en af aftalens parter under »Part«" + placeOf(info.data, info.elements, f.path, true)
      + ". »" + shown(info.value) + "« er ikke blandt parterne.";
  },
  "aftale-dobbelt-part": function (f, info) {
    return "Parterne skal have hver sit korte navn, men »" + shown(info.value) + "« bruges af to. Ret »" + (info.field ? info.field.title : "Id") + "«" + info.where + ".";
  },
  "aftale-part-uden-rolle": partyGap("en rolle", "Roller og ansvar"),
  "aftale-part-uden-ressourcer": partyGap("et ressourcebidrag", "Ressourcer"),
  "aftale-part-uden-underskrift": partyGap("en underskrift", "Underskrifter"),
  "aftale-pladsholder": function (f, info) {
    if (!info.field) return null;
    return "»" + shown(info.value) + "« er tekst fra skabelonen. Skriv det rigtige i »" + info.field.title + "«" + info.where + ".";
  },
  "aftale-beloeb-nul": function (f, info) { return "Skriv de rigtige beløb pr. år" + info.where + ". Der står kun 0, som i skabelonen."; },
  "aftale-lks-grupper": function (f, info) {
    const organisation = isObject(info.data) ? info.data.organisering : null;
    const missing = ["styregruppe", "konsulentgruppe"].filter(function (key) { return !isObject(organisation) || !(key in organisation); });
    if (!missing.length) return null;
    return "Et LKS har typisk " + missing.map(function (k) { return "en " + k; }).join(" og ") + ". Beskriv "
      + (missing.length === 1 ? "den" : "dem") + " under »Organisering og ledelse«.";
  },
};

/** The sentence the form shows for a finding. */
export function sentence(finding, data, elements) {
  const path = Array.isArray(finding.path) ? finding.path : [];
  const make = SENTENCES[finding.code];
  if (!make || !path.length) return finding.message;
  const found = locate(elements, path);
  const info = { data: data, elements: elements, field: found.field, items: found.items, where: placeOf(data, elements, path), value: valueAt(data, path) };
  const text = make(finding, info);
  return text || finding.message;
}

/** The findings in the order the form lists them: errors, missing sections, warnings,
 * recommendations; the recommended elements apart (listed once, together). A missing part
 * (``missingPart``, marked by Python) is shown as »Mangler«, not as an error: a blank form is
 * not wrong, only not filled in yet. Each keeps its place in kbtools' order as ``order``. */
export function arrange(findings) {
  const rank = function (f) {
    if (f.missingPart) return 1;
    return { fejl: 0, advarsel: 2, anbefaling: 3 }[f.level] ?? 4;
  };
  const numbered = findings.map(function (f, i) { return Object.assign({}, f, { order: i }); });
  const listed = numbered.filter(function (f) { return f.code !== RECOMMENDED; });
  listed.sort(function (a, b) { return rank(a) - rank(b) || a.order - b.order; });
  return { listed: listed, recommended: numbered.filter(function (f) { return f.code === RECOMMENDED; }) };
}

