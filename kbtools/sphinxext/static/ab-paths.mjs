/*
 * Values at a path in the agreement's data (keys and list indices, as in the findings' ``path``).
 * Pure functions over plain data, so Node's test runner checks them (tests/js/paths.test.mjs).
 */
import { isObject } from "./ab-values.mjs";

/** The value at ``path`` in ``data``, undefined when the path does not lead anywhere. */
export function getIn(data, path) {
  let node = data;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = node[key];
  }
  return node;
}

/** Set the value at ``path``, making the groups (or lists, before an index) on the way. */
export function setIn(data, path, value) {
  let node = data;
  path.slice(0, -1).forEach(function (key, i) {
    if (node[key] === null || typeof node[key] !== "object") node[key] = typeof path[i + 1] === "number" ? [] : {};
    node = node[key];
  });
  node[path[path.length - 1]] = value;
}

/** Remove the value at ``path``; a group or list under a key that is left empty goes too (a
 * list item stays until it is removed itself). */
export function deleteIn(data, path) {
  const parent = getIn(data, path.slice(0, -1));
  if (parent === null || typeof parent !== "object") return;
  if (Array.isArray(parent)) parent.splice(path[path.length - 1], 1);
  else delete parent[path[path.length - 1]];
  for (let i = path.length - 1; i > 0; i--) {
    const node = getIn(data, path.slice(0, i));
    const emptyGroup = isObject(node) && Object.keys(node).length === 0;
    const emptyList = Array.isArray(node) && node.length === 0;
    if (typeof path[i - 1] !== "string" || !(emptyGroup || emptyList)) break;
    delete getIn(data, path.slice(0, i - 1))[path[i - 1]];
  }
}
