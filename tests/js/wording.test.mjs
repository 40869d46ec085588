// Findings in the form's words (kbtools/sphinxext/static/ab-wording.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { arrange, isMissingSection, placeOf, sentence } from "../../kbtools/sphinxext/static/ab-wording.mjs";

const PART = { nøgle: "part", felt: "part", titel: "Part", henvisning: "parter", nøglefelt: "id", navnefelt: "navn" };
const ELEMENTS = [
  { nøgle: "titel", felt: "tekst", titel: "Titel" },
  { nøgle: "parter", felt: "liste", titel: "Parter", element: { titel: "Part", felter: [
    { nøgle: "id", felt: "tekst", titel: "Id" }, { nøgle: "navn", felt: "tekst", titel: "Navn" },
    { nøgle: "system", felt: "valg", titel: "System" }] } },
  { nøgle: "roller", felt: "liste", titel: "Roller og ansvar", element: { titel: "Rolle", felter: [PART, { nøgle: "rolle", felt: "tekst", titel: "Rolle" }] } },
  { nøgle: "økonomi", felt: "gruppe", titel: "Økonomi", felter: [
    { nøgle: "budget", felt: "beløbstabel", titel: "Budget", navnefelt: "navn", beløbsfelt: "pr_år", element: { titel: "Budgetpost", felter: [
      { nøgle: "navn", felt: "tekst", titel: "Navn" }, { nøgle: "pr_år", felt: "årsbeløb", titel: "Beløb pr. år" }] } }] },
  { nøgle: "organisering", felt: "gruppe", titel: "Organisering og ledelse", felter: [
    { nøgle: "styregruppe", felt: "gruppe", titel: "Styregruppe", felter: [
      { nøgle: "medlemmer", felt: "liste", titel: "Medlemmer", element: { titel: "Medlem", felter: [PART] } }] }] },
  { nøgle: "varighed", felt: "gruppe", titel: "Varighed", felter: [{ nøgle: "start", felt: "dato", titel: "Start" }] },
];
const DATA = {
  parter: [{ id: "erhvervshus", navn: "Erhvervshus Nord" }, { navn: "" }],
  roller: [{ part: "erhvervshus" }, { part: "erhvervsskole" }],
  økonomi: { budget: [{ navn: "Projektledelse", pr_år: { 2027: null, 2028: "1.5oo" } }] },
  organisering: { styregruppe: { medlemmer: [{ part: "erhvervshus" }] } },
  varighed: { start: "2027-02-30" },
};

function say(kode, sti, besked = "kbtools' besked") {
  return sentence({ kode, sti, besked, niveau: "fejl" }, DATA, ELEMENTS);
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

test("errors come first, untouched sections are »missing«, recommendations are listed once", () => {
  const findings = [
    { kode: "aftale-anbefalet-element", niveau: "anbefaling", sti: ["værdisæt"] },
    { kode: "aftale-lks-systemer", niveau: "advarsel", sti: ["parter"] },
    { kode: "skema-mangler", niveau: "fejl", sti: ["titel"] },
    { kode: "skema-mangler", niveau: "fejl", sti: ["parter", 0, "navn"] },
    { kode: "aftale-anbefalet-element", niveau: "anbefaling", sti: ["møder"] },
    { kode: "aftale-lks-grupper", niveau: "anbefaling", sti: ["organisering"] },
  ];
  const { listed, recommended } = arrange(findings);
  assert.deepEqual(listed.map((f) => f.orden), [3, 2, 1, 5]);
  assert.deepEqual(recommended.map((f) => f.sti[0]), ["værdisæt", "møder"]);
  assert.equal(isMissingSection(findings[2]), true);
  assert.equal(isMissingSection(findings[3]), false);
});
