/*
 * The agreement builder's YAML writer: the same layout, byte for byte, as kbtools' one Python
 * writer (kbtools/yaml_writer.py, its plain layout), so a file saved in the browser is the file
 * the CLI would write. Block style, two spaces, long texts folded (>-), texts with line breaks
 * as literal blocks (|), every text that YAML could read as something else in double quotes
 * with JSON's escapes. Keys follow the schema's order (the form model's fields). Plain JavaScript, so saving works before Python has loaded.
 * Pure: tests/js/yaml.test.mjs, and tests/builder/test_js_yaml.py against the Python writer.
 */

import { isObject } from "./ab-values.mjs";

const WIDTH = 92;
const PLAIN = /^(?:[a-zæøå][a-zæøå0-9_/-]*|\d{4}-\d{2}-\d{2})$/u;
const YAML_WORDS = new Set(["y", "n", "yes", "no", "on", "off", "true", "false", "null"]);
const FOLDABLE = /^[^\s](?:[^\n\t\r]*[^\s])?$/u;
// what JSON leaves raw but YAML refuses (DEL, C1, U+FFFE/F) or reads as a line break (NEL,
// U+2028/9)
const RAW_IN_JSON = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/gu;
// what a folded or literal block cannot hold as it is
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const NOT_IN_BLOCK = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/u;

/** ``text`` in double quotes with JSON's escapes, and YAML's where JSON leaves it raw. */
export function quoted(text) {
  return JSON.stringify(text).replace(RAW_IN_JSON, (char) => "\\u" + char.codePointAt(0).toString(16).padStart(4, "0"));
}

/** A number as both writers write it: digits for a whole number, else the shortest decimal
 * that reads back as the same number, with an exponent only for very large or small ones
 * (and then »1.0e+21«: YAML 1.1 reads a float's exponent only after a decimal point). */
export function number(value) {
  if (Number.isInteger(value) && Math.abs(value) < 1e16) return String(value);
  const [mantissa, exponent] = value.toExponential().split("e");
  const power = Number(exponent);
  if (power >= -4 && power < 16) return String(value);
  return (mantissa.includes(".") ? mantissa : mantissa + ".0") + "e" + (power < 0 ? "-" : "+") + Math.abs(power);
}

/** A key as YAML text: a number such as a budget year (2027) stays plain, since kbtools reads
 * every key as a text; other keys as scalar() writes them. */
export function keyText(key) {
  return /^[1-9][0-9]{0,8}$/u.test(key) ? key : scalar(key);
}

/** One value as YAML text on one line. */
export function scalar(value) {
  if (value === null || value === undefined) return "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return Number.isFinite(value) ? number(value) : quoted(String(value));
  const text = String(value);
  return PLAIN.test(text) && !YAML_WORDS.has(text) ? text : quoted(text);
}

function literal(text, indent) {
  // a text with line breaks as a literal block (|-, or | with one final line break), as a
  // person writes it; null when a block cannot hold it as it is
  const body = text.endsWith("\n") ? text.slice(0, -1) : text;
  if (!text.includes("\n") || !body || body[0] === " " || body[0] === "\n" || body.endsWith("\n")) return null;
  const lines = body.split("\n");
  if (lines.some((line) => line !== line.replace(/ +$/u, "") || NOT_IN_BLOCK.test(line))) return null;
  return [body === text ? "|-" : "|", ...lines.map((line) => (line ? indent + line : ""))];
}

function folded(text, indent) {
  // a long text as a folded block (>- and its lines), or null when it cannot be folded safely
  if ([...text].length <= WIDTH - indent.length || !FOLDABLE.test(text) || text.includes("  ")) return null;
  if (NOT_IN_BLOCK.test(text)) return null;
  const lines = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && indent.length + [...line].length + 1 + [...word].length > WIDTH) {
      lines.push(indent + line);
      line = word;
    } else line = line ? line + " " + word : word;
  }
  lines.push(indent + line);
  return [">-", ...lines];
}

function ordered(value, fields) {
  const known = (fields || []).map((f) => f.key).filter((k) => k in value);
  return known.concat(Object.keys(value).filter((k) => !known.includes(k)));
}

function childFields(fields, key) {
  const field = (fields || []).find((f) => f.key === key);
  if (!field) return null;
  if (field.kind === "list" || field.kind === "amountTable") return field.item.fields;
  return field.fields || null;
}

function entry(prefix, value, fields, indent, out) {
  if (isObject(value) && Object.keys(value).length) {
    out.push(prefix);
    mapping(value, fields, indent + "  ", out);
  } else if (Array.isArray(value) && value.length) {
    out.push(prefix);
    sequence(value, fields, indent + "  ", out);
  } else if (typeof value === "string" && (literal(value, indent + "  ") || folded(value, indent + "  "))) {
    const [indicator, ...lines] = literal(value, indent + "  ") || folded(value, indent + "  ");
    out.push(prefix + " " + indicator, ...lines);
  } else {
    const empty = isObject(value) ? "{}" : Array.isArray(value) ? "[]" : null;
    out.push(prefix + " " + (empty !== null ? empty : scalar(value)));
  }
}

function mapping(value, fields, indent, out) {
  for (const key of ordered(value, fields)) {
    entry(indent + keyText(key) + ":", value[key], childFields(fields, key), indent, out);
  }
}

function sequence(items, fields, indent, out) {
  for (const item of items) {
    if (isObject(item) && Object.keys(item).length) {
      const lines = [];
      mapping(item, fields, indent + "  ", lines);
      out.push(indent + "- " + lines[0].trimStart(), ...lines.slice(1));
    } else entry(indent + "-", item, fields, indent, out);
  }
}

/** The YAML text of ``value`` (an agreement), its keys in the order of ``fields`` (the form
 * model's elements). */
export function toYaml(value, fields) {
  const out = [];
  for (const key of ordered(value, fields)) entry(keyText(key) + ":", value[key], childFields(fields, key), "", out);
  return out.join("\n") + "\n";
}
