/*
 * Making page elements for the agreement builder's modules. Data is only ever put into the page
 * as text (textContent, value, attributes), never as HTML: ``el`` has no way to set markup.
 */

export function $(id) { return document.getElementById(id); }

/** A new element: ``attrs`` are attributes, except ``text`` (its text) and ``on`` (event
 * handlers by type); null, undefined and false attributes are left out. */
export function el(tag, attrs, children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "text") node.textContent = value;
    else if (key === "on") for (const [type, fn] of Object.entries(value)) node.addEventListener(type, fn);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children || []) if (child) node.append(child);
  return node;
}

/** The form's id of the input for the data at ``path``: »f.« and the path joined by dots. */
export function idFor(path) { return "f." + path.join("."); }
