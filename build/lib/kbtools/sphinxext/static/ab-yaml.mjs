/*
 * The agreement builder's YAML writer: an agreement (plain data) as the text of a file, keys in
 * the schema's order (the form model's fields), texts quoted only where YAML needs it, texts
 * with line breaks as literal blocks. Plain JavaScript, so saving works before Python has
 * loaded; kbtools checks what it writes. Pure: tested by tests/js/yaml.test.mjs.
 */

import { isObject } from "./ab-values.mjs";

// texts YAML 1.1 resolves to something else: null, booleans, the value (=) and merge (<<) keys
const RESERVED = /^(~|null|true|false|yes|no|on|off|y|n|=|<<)$/i;
const SAFE = /^[\p{L}\p{N}\p{P}\p{S} ]+$/u;

export function plainOk(text) {
  if (text === "" || text !== text.trim() || !SAFE.test(text) || RESERVED.test(text)) return false;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return true;
  if (/^[-?:,[\]{}#&*!|>'"%@`+.\d]/.test(text)) return false;
  return !/: |:$| #/.test(text);
}

export function quote(text) {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0);
    if (char === '"') out += '\\"';
    else if (char === "\\") out += "\\\\";
    else if (char === "\n") out += "\\n";
    else if (char === "\t") out += "\\t";
    else if (char === "\r") out += "\\r";
    else if (char !== " " && !SAFE.test(char)) {
      out += code > 0xffff ? char : "\\u" + code.toString(16).padStart(4, "0");
    } else out += char;
  }
  return out + '"';
}

function number(value) {
  // JavaScript writes 1e21 and 5e-324; YAML 1.1 (PyYAML) reads a float's exponent only after a
  // decimal point: 1.0e+21
  const text = String(value);
  const [mantissa, exponent] = text.split("e");
  if (exponent === undefined) return text;
  return (mantissa.includes(".") ? mantissa : mantissa + ".0") + "e" + exponent;
}

function scalar(value) {
  if (value === null || value === undefined) return "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return Number.isFinite(value) ? number(value) : quote(String(value));
  return plainOk(value) ? value : quote(String(value));
}

function block(text) {
  // a text with line breaks as a literal block: »|-« without, »|« with one final line break
  const body = text.endsWith("\n") ? text.slice(0, -1) : text;
  const ok =
    (body.includes("\n") || body !== text) &&
    body !== "" &&
    !/^[ \n]/.test(body) &&
    !body.endsWith("\n") &&
    body.split("\n").every((line) => line === "" || (SAFE.test(line) && line === line.trimEnd()));
  return ok ? { indicator: body === text ? "|-" : "|", lines: body.split("\n") } : null;
}

function writeBlock(head, literal, pad, out) {
  out.push(head + literal.indicator);
  for (const line of literal.lines) out.push(line === "" ? "" : pad + "  " + line);
}

function ordered(value, fields) {
  const known = (fields || []).map((f) => f.nøgle).filter((k) => k in value);
  return known.concat(Object.keys(value).filter((k) => !known.includes(k)));
}

function childFields(fields, key) {
  const field = (fields || []).find((f) => f.nøgle === key);
  if (!field) return null;
  if (field.felt === "liste" || field.felt === "beløbstabel") return field.element.felter;
  return field.felter || null;
}

function writeValue(key, value, indent, fields, out) {
  const pad = " ".repeat(indent);
  // a year such as 2027 stays a plain number (kbtools reads budget years as numbers)
  const name = plainOk(key) || /^(0|[1-9]\d*)$/.test(key) ? key : quote(key);
  const literal = typeof value === "string" ? block(value) : null;
  if (literal) writeBlock(pad + name + ": ", literal, pad, out);
  else if (isObject(value) && Object.keys(value).length) {
    out.push(pad + name + ":");
    writeMapping(value, indent + 2, childFields(fields, key), out);
  } else if (Array.isArray(value) && value.length) {
    out.push(pad + name + ":");
    writeSequence(value, indent + 2, childFields(fields, key), out);
  } else if (isObject(value)) out.push(pad + name + ": {}");
  else if (Array.isArray(value)) out.push(pad + name + ": []");
  else out.push(pad + name + ": " + scalar(value));
}

function writeMapping(value, indent, fields, out) {
  for (const key of ordered(value, fields)) writeValue(key, value[key], indent, fields, out);
}

function writeSequence(items, indent, fields, out) {
  const pad = " ".repeat(indent);
  for (const item of items) {
    if (isObject(item) && Object.keys(item).length) {
      const lines = [];
      writeMapping(item, indent + 2, fields, lines);
      lines[0] = pad + "- " + lines[0].slice(indent + 2);
      out.push(...lines);
    } else if (Array.isArray(item) && item.length) {
      out.push(pad + "-");
      writeSequence(item, indent + 2, fields, out);
    } else if (typeof item === "string" && block(item)) {
      writeBlock(pad + "- ", block(item), pad, out);
    } else out.push(pad + "- " + (isObject(item) ? "{}" : Array.isArray(item) ? "[]" : scalar(item)));
  }
}

/** The YAML text of ``value`` (an agreement), its keys in the order of ``fields`` (the form
 * model's elements); a blank line before every top-level group or list. */
export function toYaml(value, fields) {
  const out = [];
  ordered(value, fields).forEach((key, i) => {
    if (i > 0 && (isObject(value[key]) || Array.isArray(value[key]))) out.push("");
    writeValue(key, value[key], 0, fields, out);
  });
  return out.join("\n") + "\n";
}
