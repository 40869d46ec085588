/*
 * Values as the agreement builder shows and reads them: numbers typed in a field, totals, and
 * a value from a file shown in a text field. Pure functions (no page, no storage), so Node's
 * test runner checks them (tests/js/values.test.mjs).
 */

export function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

export function slug(text) {
  return String(text).toLowerCase().normalize("NFC").replace(/[^a-zæøå0-9]+/g, "-").replace(/^-+|-+$/g, "");
}

/** A number typed in a field: »1500«, »-3«, »2,5« or »2.5«; anything else is kept as typed
 * (the check then says what is wrong with it). »1.500« is a thousands separator, not 1,5. */
export function parseNumber(text) {
  const trimmed = text.trim();
  if (/^-?\d+$/.test(trimmed)) return parseInt(trimmed, 10);
  if (/^-?\d+,\d+$/.test(trimmed)) return parseFloat(trimmed.replace(",", "."));
  if (/^-?\d+\.\d+$/.test(trimmed) && !/^-?\d{1,3}(\.\d{3})+$/.test(trimmed)) return parseFloat(trimmed);
  return text;
}

/** A value as a field shows it: nothing for a missing value; a list where the schema wants one
 * value as its items joined, a group as »key: value« pairs. */
export function shown(value) {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) return value.map(shown).join(", ");
  if (isObject(value)) return Object.entries(value).map((e) => e[0] + ": " + shown(e[1])).join("; ");
  return String(value);
}

/** A number in a field: a decimal comma, as it was typed. */
export function showNumber(value) {
  return typeof value === "number" ? String(value).replace(".", ",") : shown(value);
}

/** A total under a table, in Danish: »1.500.000«, »3,3«. */
export function formatTotal(value) {
  return value.toLocaleString("da-DK", { maximumFractionDigits: 2 });
}

/** The amount for one year of a post's amounts, 0 when there is none or it is not a number. */
export function amountOf(amounts, year) {
  const value = isObject(amounts) ? amounts[year] : undefined;
  return typeof value === "number" ? value : 0;
}

/** Exact sums of amounts with at most two decimals (øre): no binary-float artefacts such as
 * 1.1 + 2.2 = 3.3000000000000003. */
export function sum(values) {
  let cents = 0;
  let exact = true;
  for (const value of values) {
    const scaled = value * 100;
    if (Number.isInteger(Math.round(scaled)) && Math.abs(scaled - Math.round(scaled)) < 1e-6) cents += Math.round(scaled);
    else exact = false;
  }
  return exact ? cents / 100 : values.reduce((a, b) => a + b, 0);
}
