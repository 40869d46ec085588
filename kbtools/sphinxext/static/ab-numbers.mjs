/*
 * Danish numbers and exact sums in the browser: the JavaScript twin of kbtools.danish's
 * format_number and kbtools.amounts' total, written to the same documented rules, so the
 * builder shows a number byte for byte as the CLI's document and messages write it
 * (tests/builder/test_js_numbers.py holds the two to each other on generated values).
 *
 * - A number is read as the exact decimal it stands for, to 15 significant digits (Python's
 *   DBL_DIG rule in kbtools.danish.to_decimal): 3.3000000000000003 is 3.3.
 * - It is written with ».« between thousands and »,« before the decimals, all the decimals
 *   it has and no more: 1500000 → »1.500.000«, -1234.5 → »-1.234,5«, 0 → »0«.
 * - A sum of amounts is exact: each amount as the shortest decimal that reads back as it (what
 *   Python's repr writes), added as whole numbers (BigInt), never as binary floats.
 *
 * A JavaScript number does not say whether the file held a whole number or a decimal;
 * Python writes a whole number of 16 digits or more exactly and a decimal one to 15
 * significant digits. kbtools reads no amount of 10^12 or more, so the two agree on every
 * amount a file can hold.
 */

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i;

/** A decimal text (»-1234.5«, »1e+21«) as { negative, digits, scale }: the number is
 * digits × 10^-scale; null for anything else. */
function parts(text) {
  const m = DECIMAL.exec(text);
  if (!m) return null;
  const fraction = m[3] || "";
  let digits = BigInt(m[2] + fraction);
  let scale = fraction.length - Number(m[4] || 0);
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { negative: m[1] === "-" && digits !== 0n, digits: digits, scale: scale };
}

/** { negative, digits, scale } as a plain decimal text without trailing zeros: »-1234.5«. */
function plain(number) {
  let text = number.digits.toString().padStart(number.scale + 1, "0");
  let integral = number.scale ? text.slice(0, -number.scale) : text;
  let fraction = number.scale ? text.slice(-number.scale) : "";
  fraction = fraction.replace(/0+$/, "");
  integral = integral.replace(/^0+(?=\d)/, "");
  text = fraction ? integral + "." + fraction : integral;
  return (number.negative && text !== "0" ? "-" : "") + text;
}

/** A finite number as its exact binary value, written out in decimal: { negative, digits,
 * scale } (a double is mantissa × 2^exponent, and 2^-n is 5^n / 10^n). */
function exactParts(value) {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const mantissa = (bits & 0xfffffffffffffn) | (biased ? 1n << 52n : 0n);
  const exponent = (biased || 1) - 1075;
  const negative = bits >> 63n === 1n;
  if (exponent >= 0) return { negative: negative, digits: mantissa << BigInt(exponent), scale: 0 };
  return { negative: negative, digits: mantissa * 5n ** BigInt(-exponent), scale: -exponent };
}

/** ``number`` rounded to ``places`` significant digits, a tie to the even digit (as Python
 * formats a float). */
function significant(number, places) {
  const drop = number.digits.toString().length - places;
  if (drop <= 0) return number;
  const unit = 10n ** BigInt(drop);
  let kept = number.digits / unit;
  const rest = number.digits % unit;
  if (rest * 2n > unit || (rest * 2n === unit && kept % 2n === 1n)) kept += 1n;
  return { negative: number.negative, digits: kept * unit, scale: number.scale };
}

/** A number as the exact decimal text it stands for, to 15 significant digits (Python's
 * ``format(value, ".15g")``, which kbtools.danish.to_decimal reads a float by). */
export function decimalText(value) {
  return plain(significant(exactParts(value), 15));
}

/** A decimal text (from decimalText or exactSum) in Danish: »1.500.000«, »-1.234,5«. */
export function formatDecimal(text) {
  const number = parts(String(text));
  if (number === null) return String(text);
  const exact = plain(number);
  const [integral, fraction] = exact.replace(/^-/, "").split(".");
  const grouped = integral.replace(/\B(?=(\d{3})+$)/g, ".");
  return (exact.startsWith("-") ? "-" : "") + grouped + (fraction ? "," + fraction : "");
}

/** A number in Danish, as kbtools.danish.format_number writes it. */
export function formatNumber(value) {
  if (Number.isNaN(value)) return "ikke et tal";
  if (value === Infinity) return "uendeligt";
  if (value === -Infinity) return "minus uendeligt";
  return formatDecimal(decimalText(value));
}

/** The exact sum of numbers (and decimal texts from an earlier sum), as a decimal text:
 * 1.1 + 2.2 is »3.3«, as kbtools.amounts.total adds them. */
export function exactSum(values) {
  let digits = 0n;
  let scale = 0;
  for (const value of values) {
    const number = parts(typeof value === "number" ? String(value) : value);
    if (number === null) continue;
    const signed = number.negative ? -number.digits : number.digits;
    if (number.scale > scale) {
      digits *= 10n ** BigInt(number.scale - scale);
      scale = number.scale;
    }
    digits += signed * 10n ** BigInt(scale - number.scale);
  }
  const negative = digits < 0n;
  return plain({ negative: negative, digits: negative ? -digits : digits, scale: scale });
}
