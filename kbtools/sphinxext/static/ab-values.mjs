/*
 * Values as the agreement builder shows and reads them: numbers typed in a field, totals, and
 * a value from a file shown in a text field. Pure functions (no page, no storage), so Node's
 * test runner checks them (tests/js/values.test.mjs). Numbers are shown and amounts added by
 * ab-numbers.mjs, to kbtools' own rules.
 */
import { exactSum, formatDecimal, formatNumber } from "./ab-numbers.mjs";

export function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

export function slug(text) {
  return String(text).toLowerCase().normalize("NFC").replace(/[^a-zæøå0-9]+/g, "-").replace(/^-+|-+$/g, "");
}

const UNIT = /^(kr\.?|dkk)\s*|\s*(kr\.?|dkk|,-)$/g;
const SCALE = /^(.*?)\s*(mio\.?|millioner|million|mia\.?|milliarder|milliard)$/;

/** A number typed in a field, read as a Danish consultant writes it: »1500«, »-3«, »2,5«,
 * »1.500«, »1 500«, »250.000 kr.«, »1.500,50«, »1,5 mio.«, »2 mia. kr.«. »1.500« is a
 * thousands separator (1500), »2.5« and »2,5« are decimals. Anything else is kept as typed:
 * the form marks it, and the check says what is wrong with it. */
export function parseNumber(text) {
  let t = String(text).toLowerCase().replace(/[\u00a0\u202f]/g, " ").trim();
  t = t.replace(UNIT, "").trim().replace(UNIT, "").trim();
  let factor = 1;
  const scaled = t.match(SCALE);
  if (scaled) {
    t = scaled[1].trim();
    factor = /^mi(a|lliard)/.test(scaled[2]) ? 1e9 : 1e6;
  }
  let sign = 1;
  if (/^[-−]/.test(t)) { sign = -1; t = t.slice(1).trim(); }
  let value;
  if (/^\d+$/.test(t)) value = parseInt(t, 10);
  else if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(t) || /^\d{1,3}( \d{3})+(,\d+)?$/.test(t)) {
    value = parseFloat(t.replace(/[. ]/g, "").replace(",", "."));
  } else if (/^\d+,\d+$/.test(t) || /^\d+\.\d+$/.test(t)) value = parseFloat(t.replace(",", "."));
  else return text;
  const result = sign * value * factor;
  return factor === 1 ? result : Math.round(result * 100) / 100;
}

/** Whether a typed amount can be read (an empty field is no amount, not an unreadable one). */
export function readable(text) {
  return String(text).trim() === "" || typeof parseNumber(text) === "number";
}

const MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
  "oktober", "november", "december"];

/** A date typed in a field as the file stores it (ÅÅÅÅ-MM-DD): »31-12-2027«, »31.12.2027«,
 * »31/12/2027«, »1.1.2027«, »31. december 2027« and »2027-12-31« are read; a date that does
 * not exist (»30-02-2027«) or anything else is kept as typed, and the check says why. */
export function parseDate(text) {
  const t = String(text).trim().toLowerCase();
  let parts = null;
  let m = t.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/);
  if (m) parts = [m[1], m[2], m[3]];
  else if ((m = t.match(/^(\d{1,2})([-./])(\d{1,2})\2(\d{4})$/))) parts = [m[4], m[3], m[1]];
  else if ((m = t.match(/^(\d{1,2})\.?\s+([a-zæøå]+)\.?\s+(\d{4})$/))) {
    const month = MONTHS.findIndex((name) => name === m[2] || (m[2].length >= 3 && name.startsWith(m[2])));
    if (month >= 0) parts = [m[3], String(month + 1), m[1]];
  }
  if (!parts) return text;
  const [year, month, day] = parts.map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return text;
  return String(year).padStart(4, "0") + "-" + String(month).padStart(2, "0") + "-" + String(day).padStart(2, "0");
}

/** A date from the file (ÅÅÅÅ-MM-DD) as the form shows it: »31.12.2027«; other values as they are. */
export function showDate(value) {
  const m = typeof value === "string" ? value.match(/^(\d{4})-(\d{2})-(\d{2})$/) : null;
  return m ? m[3] + "." + m[2] + "." + m[1] : shown(value);
}

/** A value as a field shows it: nothing for a missing value; a list where the schema wants one
 * value as its items joined, a group as »key: value« pairs. */
export function shown(value) {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) return value.map(shown).join(", ");
  if (isObject(value)) return Object.entries(value).map((e) => e[0] + ": " + shown(e[1])).join("; ");
  return String(value);
}

/** A number in a field, in Danish: »1.500«, »2,5«, »1.500.000,25«. */
export function showNumber(value) {
  return typeof value === "number" ? formatNumber(value) : shown(value);
}

/** A total under a table (a decimal text from total()), in Danish: »1.500.000«, »3,3«. */
export function formatTotal(value) {
  return typeof value === "number" ? formatNumber(value) : formatDecimal(value);
}

/** The amount for one year of a post's amounts: 0 when there is none, null when there is one
 * that is not a number (it cannot be counted, so a total over it is incomplete). */
export function amountOf(amounts, year) {
  const value = isObject(amounts) ? amounts[year] : undefined;
  if (value === undefined || value === null || value === "") return 0;
  return typeof value === "number" ? value : null;
}

/** A total over amounts some of which may be unreadable (null): { total, missing }, where
 * ``total`` is the exact sum of the readable ones as a decimal text (»3.3«; totals of totals
 * are added exactly too) and ``missing`` says how many could not be counted. */
export function total(values) {
  const numbers = values.filter((v) => typeof v === "number" || typeof v === "string");
  return { total: exactSum(numbers), missing: values.length - numbers.length };
}

/** The exact sum of amounts as a number, to store in the file: no binary-float artefacts
 * such as 1.1 + 2.2 = 3.3000000000000003. */
export function sum(values) {
  return Number(exactSum(values));
}
