/*
 * Findings in the form's words. kbtools' checks speak of the file (keys, »mangler i filen«);
 * the builder's user sees a form. Each finding from Python carries its code (``kode``), the
 * path in the data (``sti``) and its level; the sentence here is built from those and from the
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
    if (field && (field.felt === "liste" || field.felt === "beløbstabel") && typeof step === "number") {
      items.push({ list: field, index: step, path: path.slice(0, i + 1) });
      field = { felt: "gruppe", titel: field.element.titel, felter: field.element.felter };
      fields = field.felter;
    } else if (field && field.felt === "årsbeløb") {
      field = { felt: "beløb", titel: String(step), år: String(step) };
      fields = [];
    } else {
      const next = (fields || []).find(function (f) { return f.nøgle === step; });
      if (!next) return { field: null, items: items };
      field = next;
      fields = next.felter || [];
    }
  }
  return { field: field, items: items };
}

function partyName(data, field, key) {
  const parties = isObject(data) && Array.isArray(data[field.henvisning]) ? data[field.henvisning] : [];
  const party = parties.find(function (p) { return isObject(p) && p[field.nøglefelt] === key; });
  return party && shown(party[field.navnefelt]) ? shown(party[field.navnefelt]) : shown(key);
}

/** The list item a path is in, as a sentence names it: » ved budgetposten »Drift««,
 * » ved rollen for »Jobcenter A««, » ved rolle 2« (always by number when ``byNumber``);
 * empty outside a list. */
export function placeOf(data, elements, path, byNumber) {
  const { items } = locate(elements, path);
  if (!items.length) return "";
  const last = items[items.length - 1];
  const item = valueAt(data, last.path);
  const title = last.list.element.titel;
  const definite = DEFINITE[title] || title.toLowerCase();
  let text = " ved " + title.toLowerCase() + " " + (last.index + 1);
  const nameKey = last.list.navnefelt || (last.list.element.felter.some(function (f) { return f.nøgle === "navn"; }) ? "navn" : null);
  const ref = last.list.element.felter.find(function (f) { return f.felt === "part"; });
  if (byNumber || !isObject(item)) { /* by number */ }
  else if (nameKey && shown(item[nameKey]).trim() && !ref) text = " ved " + definite + " »" + shown(item[nameKey]).trim() + "«";
  else if (ref && typeof item[ref.nøgle] === "string" && item[ref.nøgle]) {
    text = " ved " + definite + " for »" + partyName(data, ref, item[ref.nøgle]) + "«";
  }
  if (items.length === 1 && last.path.length > 3) {
    const group = locate(elements, last.path.slice(0, -2)).field;
    if (group && group.titel) text += " i »" + group.titel + "«";
  }
  return text;
}

function fill(field, where) {
  if (!field) return null;
  const title = "»" + field.titel + "«";
  switch (field.felt) {
    case "valg": case "ja-nej": return "Vælg " + title + where + ".";
    case "part": return "Vælg en part under " + title + where + ".";
    case "liste": case "beløbstabel": return "Tilføj mindst én " + field.element.titel.toLowerCase() + " under " + title + where + ".";
    case "tekstliste": return "Skriv mindst én linje i " + title + where + ".";
    case "årsbeløb": return "Skriv et beløb for mindst ét år" + where + ".";
    case "beløb": return "Skriv et beløb for " + field.år + where + ".";
    case "dato": return "Skriv en dato i " + title + where + ", " + DATE_EXAMPLE + ".";
    default: return "Udfyld " + title + where + ".";
  }
}

function partyGap(what, section) {
  return function (f, info) {
    const party = valueAt(info.data, f.sti);
    const name = isObject(party) && shown(party.navn) ? "»" + shown(party.navn) + "«" : "parten";
    return "Tilføj " + what + " for " + name + " under »" + section + "« (knappen »Tilføj for hver part, der mangler«).";
  };
}

// code → the sentence in the form's words, or null for kbtools' own message
const SENTENCES = {
  "skema-mangler": function (f, info) {
    if (f.sti.length === 1 && f.sti[0] === "titel") return "Skriv aftalens titel.";
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
    if (field.felt === "beløb") {
      return empty ? "Skriv et beløb for " + field.år + info.where + "."
        : "Skriv beløbet for " + field.år + info.where + " som et tal, " + AMOUNT_EXAMPLE;
    }
    if (empty) return fill(field, info.where);
    if (field.felt === "tal") return "Skriv et tal i »" + field.titel + "«" + info.where + ", fx 10.";
    if (field.felt === "dato") return "Skriv en dato i »" + field.titel + "«" + info.where + ", " + DATE_EXAMPLE + ".";
    if (field.felt === "ja-nej") return "Vælg Ja eller Nej ved »" + field.titel + "«" + info.where + ".";
    return null;
  },
  "skema-dato": function (f, info) {
    if (!info.field) return null;
    return "»" + shown(info.value) + "« i »" + info.field.titel + "«" + info.where + " er ikke en dato, der findes. Skriv datoen som dag, måned og år, " + DATE_EXAMPLE + ".";
  },
  "skema-vaerdi": function (f, info) { return info.field ? "Vælg en af mulighederne i »" + info.field.titel + "«" + info.where + "." : null; },
  "skema-minimum": function (f, info) { return info.field ? "Skriv et større tal i »" + info.field.titel + "«" + info.where + "." : null; },
  "skema-moenster": function (f, info) {
    if (!info.field) return null;
    return "»" + info.field.titel + "«" + info.where + " må kun have små bogstaver, tal og bindestreger. Skriv navnet, så udfyldes det af sig selv.";
  },
  "aftale-ukendt-part": function (f, info) {
    // a reference is never guessed from spelling: another party is another organisation
    return "Vælg en af aftalens parter under »Part«" + placeOf(info.data, info.elements, f.sti, true)
      + ". »" + shown(info.value) + "« er ikke blandt parterne.";
  },
  "aftale-dobbelt-part": function (f, info) {
    return "Parterne skal have hver sit korte navn, men »" + shown(info.value) + "« bruges af to. Ret »" + (info.field ? info.field.titel : "Id") + "«" + info.where + ".";
  },
  "aftale-part-uden-rolle": partyGap("en rolle", "Roller og ansvar"),
  "aftale-part-uden-ressourcer": partyGap("et ressourcebidrag", "Ressourcer"),
  "aftale-part-uden-underskrift": partyGap("en underskrift", "Underskrifter"),
  "aftale-pladsholder": function (f, info) {
    if (!info.field) return null;
    return "»" + shown(info.value) + "« er tekst fra skabelonen. Skriv det rigtige i »" + info.field.titel + "«" + info.where + ".";
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
  const path = Array.isArray(finding.sti) ? finding.sti : [];
  const make = SENTENCES[finding.kode];
  if (!make || !path.length) return finding.besked;
  const found = locate(elements, path);
  const info = { data: data, elements: elements, field: found.field, items: found.items, where: placeOf(data, elements, path), value: valueAt(data, path) };
  const text = make(finding, info);
  return text || finding.besked;
}

/** Whether a finding says an untouched part of the form is missing (shown as »Mangler«,
 * not as an error: a blank form is not wrong, only not filled in yet). */
export function isMissingSection(finding) {
  return finding.kode === "skema-mangler" && Array.isArray(finding.sti) && finding.sti.length === 1;
}

/** The findings in the order the form lists them: errors, missing sections, warnings,
 * recommendations; the recommended elements apart (listed once, together). Each keeps its
 * place in kbtools' order as ``orden``. */
export function arrange(findings) {
  const rank = function (f) {
    if (isMissingSection(f)) return 1;
    return { fejl: 0, advarsel: 2, anbefaling: 3 }[f.niveau] ?? 4;
  };
  const numbered = findings.map(function (f, i) { return Object.assign({}, f, { orden: i }); });
  const listed = numbered.filter(function (f) { return f.kode !== RECOMMENDED; });
  listed.sort(function (a, b) { return rank(a) - rank(b) || a.orden - b.orden; });
  return { listed: listed, recommended: numbered.filter(function (f) { return f.kode === RECOMMENDED; }) };
}

