// Where a party is referred to, and what removing it says (kbtools/sphinxext/static/ab-refs.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { places, removeQuestion, setReferences, usesOf, whereUsed } from "../../kbtools/sphinxext/static/ab-refs.mjs";

const REF = { keyField: "id", nameField: "navn", fields: ["part"] };
const ELEMENTS = [
  { key: "parter", title: "Parter" },
  { key: "roller", title: "Roller og ansvar" },
  { key: "organisering", title: "Organisering og ledelse" },
  { key: "underskrifter", title: "Underskrifter" },
];

function agreement() {
  return {
    parter: [{ id: "skole", navn: "Erhvervsskolen", part: "skole" }, { id: "erhvervshus" }],
    roller: [{ part: "skole" }, { part: "erhvervshus" }],
    organisering: { styregruppe: { medlemmer: [{ part: "skole" }, { part: "skole" }] } },
    underskrifter: [{ part: "skole", navn: "Bo" }],
  };
}

test("every reference to a party is found, but not the party list itself", () => {
  const uses = usesOf(agreement(), "parter", REF, "skole");
  assert.deepEqual(uses, [
    ["roller", 0, "part"],
    ["organisering", "styregruppe", "medlemmer", 0, "part"],
    ["organisering", "styregruppe", "medlemmer", 1, "part"],
    ["underskrifter", 0, "part"],
  ]);
  assert.deepEqual(usesOf(agreement(), "parter", REF, ""), []);
  assert.deepEqual(usesOf(agreement(), "parter", REF, undefined), []);
});

test("removed references leave the field empty; renamed ones follow the new id", () => {
  const data = agreement();
  const uses = usesOf(data, "parter", REF, "skole");
  setReferences(data, uses, undefined);
  assert.deepEqual(data.roller, [{}, { part: "erhvervshus" }]);
  assert.deepEqual(data.underskrifter, [{ navn: "Bo" }]);
  assert.equal(data.roller[1].part, "erhvervshus"); // another party is never chosen instead
  const again = agreement();
  setReferences(again, usesOf(again, "parter", REF, "skole"), "ny-skole");
  assert.equal(again.organisering.styregruppe.medlemmer[1].part, "ny-skole");
});

test("where a party is used is said by the form's section titles", () => {
  const uses = usesOf(agreement(), "parter", REF, "skole");
  assert.equal(places(1), "1 sted");
  assert.equal(places(5), "5 steder");
  assert.equal(whereUsed(uses, ELEMENTS), "Roller og ansvar, Organisering og ledelse (2) og Underskrifter");
  assert.equal(
    removeQuestion("Part 1", "Erhvervsskolen", uses, ELEMENTS, "Parten"),
    "Fjern part 1 »Erhvervsskolen«? Parten bruges 4 steder: Roller og ansvar, Organisering og ledelse (2) og "
      + "Underskrifter. De steder bliver tomme (»Vælg part«), så I kan vælge en anden part. I kan fortryde bagefter.",
  );
  assert.equal(removeQuestion("Part 2", "", [], ELEMENTS, "Parten"), "Fjern part 2? Parten bruges ikke andre steder i aftalen.");
});
