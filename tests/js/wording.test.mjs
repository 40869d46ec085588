// Findings in the form's words (kbtools/sphinxext/static/ab-wording.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { arrange, placeOf, sentence } from "../../kbtools/sphinxext/static/ab-wording.mjs";

const PART = { key: "part", kind: "party", title: "Part", refersTo: "parter", keyField: "id", nameField: "navn" };
const ELEMENTS = [
  { key: "titel", kind: "text", title: "Titel" },
  { key: "parter", kind: "list", title: "Parter", item: { title: "Part", fields: [
    { key: "id", kind: "text", title: "Id" }, { key: "navn", kind: "text", title: "Navn" },
    { key: "system", kind: "choice", title: "System" }] } },
  { key: "roller", kind: "list", title: "Roller og ansvar", item: { title: "Rolle", fields: [PART, { key: "rolle", kind: "text", title: "Rolle" }] } },
  { key: "økonomi", kind: "group", title: "Økonomi", fields: [
    { key: "budget", kind: "amountTable", title: "Budget", nameField: "navn", amountsField: "pr_år", item: { title: "Budgetpost", fields: [
      { key: "navn", kind: "text", title: "Navn" }, { key: "pr_år", kind: "yearAmounts", title: "Beløb pr. år" }] } }] },
  { key: "organisering", kind: "group", title: "Organisering og ledelse", fields: [
    { key: "styregruppe", kind: "group", title: "Styregruppe", fields: [
      { key: "medlemmer", kind: "list", title: "Medlemmer", item: { title: "Medlem", fields: [PART] } }] }] },
  { key: "varighed", kind: "group", title: "Varighed", fields: [{ key: "start", kind: "date", title: "Start" }] },
];
const DATA = {
  parter: [{ id: "erhvervshus", navn: "Erhvervshus Nord" }, { navn: "" }],
  roller: [{ part: "erhvervshus" }, { part: "erhvervsskole" }],
  økonomi: { budget: [{ navn: "Projektledelse", pr_år: { 2027: null, 2028: "1.5oo" } }] },
  organisering: { styregruppe: { medlemmer: [{ part: "erhvervshus" }] } },
  varighed: { start: "2027-02-30" },
};

function say(code, path, message = "kbtools' besked") {
  return sentence({ code, path, message, level: "fejl" }, DATA, ELEMENTS);
}

test("a missing field says what to do, where, in the form's words", () => {
  assert.equal(say("skema-mangler", ["titel"]), "Skriv aftalens titel.");
  assert.equal(say("skema-mangler", ["parter"]), "Tilføj mindst én part under »Parter«.");
  assert.equal(say("skema-mangler", ["parter", 0, "system"]), "Vælg »System« ved parten »Erhvervshus Nord«.");
  assert.equal(say("skema-mangler", ["parter", 1, "navn"]), "Udfyld »Navn« ved part 2.");
  assert.equal(say("skema-mangler", ["roller", 0, "rolle"]), "Udfyld »Rolle« ved rollen for »Erhvervshus Nord«.");
  assert.equal(say("skema-mangler", ["organisering", "styregruppe", "medlemmer", 0, "part"]),
    "Vælg en part under »Part« ved medlemmet for »Erhvervshus Nord« i »Styregruppe«.");
});

test("an amount names its year and its post", () => {
  assert.equal(say("skema-type", ["økonomi", "budget", 0, "pr_år", "2027"]), "Skriv et beløb for 2027 ved budgetposten »Projektledelse«.");
  assert.equal(say("skema-type", ["økonomi", "budget", 0, "pr_år", "2028"]),
    "Skriv beløbet for 2028 ved budgetposten »Projektledelse« som et tal, fx 1.500 eller 1,5 mio.");
  assert.equal(say("skema-tom", ["økonomi", "budget", 0, "pr_år"]), "Skriv et beløb for mindst ét år ved budgetposten »Projektledelse«.");
});

test("an unknown party is never matched to another party by its spelling", () => {
  const text = say("aftale-ukendt-part", ["roller", 1, "part"], "Parten »erhvervsskole« findes ikke under »parter«. Mente du »erhvervshus«?");
  assert.equal(text, "Vælg en af aftalens parter under »Part« ved rolle 2. »erhvervsskole« er ikke blandt parterne.");
  assert.doesNotMatch(text, /erhvervshus|Mente du/);
});

test("no file words: no keys, no »i filen«; an unknown code keeps kbtools' message", () => {
  const text = say("skema-dato", ["varighed", "start"]);
  assert.equal(text, "»2027-02-30« i »Start« er ikke en dato, der findes. Skriv datoen som dag, måned og år, fx 31.12.2027.");
  assert.equal(say("aftale-finansiering", ["økonomi"], "I 2027 er budgettet 15.000, men finansieringen er 14.000."),
    "I 2027 er budgettet 15.000, men finansieringen er 14.000.");
  assert.equal(say("yaml-syntaks", []), "kbtools' besked");
  assert.equal(placeOf(DATA, ELEMENTS, ["titel"]), "");
});

test("errors come first, missing parts (marked by Python) next, recommendations are listed once", () => {
  const findings = [
    { code: "aftale-anbefalet-element", level: "anbefaling", path: ["værdisæt"], missingPart: false },
    { code: "aftale-lks-systemer", level: "advarsel", path: ["parter"], missingPart: false },
    { code: "skema-mangler", level: "fejl", path: ["titel"], missingPart: true },
    { code: "skema-mangler", level: "fejl", path: ["parter", 0, "navn"], missingPart: false },
    { code: "aftale-anbefalet-element", level: "anbefaling", path: ["møder"], missingPart: false },
    { code: "aftale-lks-grupper", level: "anbefaling", path: ["organisering"], missingPart: false },
  ];
  const { listed, recommended } = arrange(findings);
  assert.deepEqual(listed.map((f) => f.order), [3, 2, 1, 5]);
  assert.deepEqual(recommended.map((f) => f.path[0]), ["værdisæt", "møder"]);
});
