/*
 * Items other fields refer to (a party, chosen by its id in »Part« fields elsewhere): where an
 * item is used, what removing it leaves empty, and how that is said in Danish. Pure functions
 * over the agreement's data and the form model, so Node's test runner checks them
 * (tests/js/refs.test.mjs).
 *
 * ``ref`` describes one list that is referred to, as the builder finds it in the form model:
 * { keyField, nameField, fields } (the id field, the name field, the keys of the fields that
 * refer to it, e.g. ["part"]).
 */
import { isObject } from "./ab-values.mjs";

/** The paths of every reference to ``key`` outside the list ``list`` itself. */
export function usesOf(data, list, ref, key) {
  const found = [];
  if (typeof key !== "string" || !key) return found;
  (function walk(node, path) {
    if (Array.isArray(node)) node.forEach(function (item, i) { walk(item, path.concat([i])); });
    else if (isObject(node)) {
      for (const name of Object.keys(node)) {
        if (path.length === 0 && name === list) continue;
        if (ref.fields.includes(name) && node[name] === key) found.push(path.concat([name]));
        else walk(node[name], path.concat([name]));
      }
    }
  })(data, []);
  return found;
}

/** Set every reference at ``paths`` to ``key`` (or remove it, leaving the field empty). */
export function setReferences(data, paths, key) {
  for (const path of paths) {
    let node = data;
    for (const step of path.slice(0, -1)) node = isObject(node) || Array.isArray(node) ? node[step] : undefined;
    if (!isObject(node)) continue;
    if (key === undefined) delete node[path[path.length - 1]];
    else node[path[path.length - 1]] = key;
  }
}

/** A number of places in Danish: »1 sted«, »5 steder«. */
export function places(count) {
  return count + (count === 1 ? " sted" : " steder");
}

/** Where the references are, by the titles of the form's sections: »Roller og ansvar,
 * Organisering og ledelse (2) og Underskrifter«. */
export function whereUsed(paths, elements) {
  const counts = new Map();
  for (const path of paths) counts.set(path[0], (counts.get(path[0]) || 0) + 1);
  const names = [];
  for (const [key, count] of counts) {
    const element = elements.find(function (e) { return e.key === key; });
    const title = element ? element.title : key;
    names.push(count > 1 ? title + " (" + count + ")" : title);
  }
  if (names.length < 2) return names.join("");
  return names.slice(0, -1).join(", ") + " og " + names[names.length - 1];
}

/** The question asked before an item others refer to is removed. */
export function removeQuestion(title, name, paths, elements, noun) {
  const named = name ? " »" + name + "«" : "";
  if (!paths.length) return "Fjern " + title.toLowerCase() + named + "? " + noun + " bruges ikke andre steder i aftalen.";
  return "Fjern " + title.toLowerCase() + named + "? " + noun + " bruges " + places(paths.length) + ": "
    + whereUsed(paths, elements) + ". De steder bliver tomme (»Vælg part«), så I kan vælge en anden part. "
    + "I kan fortryde bagefter.";
}
