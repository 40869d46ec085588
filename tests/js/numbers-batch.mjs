// Reads one JSON value per line from stdin: a number, written as the builder shows a number,
// or a list of numbers, written as the builder shows their total; writes one JSON string a
// line. Used by tests/builder/test_js_numbers.py to hold ab-numbers.mjs to kbtools.danish.
import { readFileSync } from "node:fs";
import { formatTotal, showNumber, total } from "../../kbtools/sphinxext/static/ab-values.mjs";

const out = [];
for (const line of readFileSync(0, "utf8").split("\n")) {
  if (!line) continue;
  const value = JSON.parse(line);
  out.push(JSON.stringify(Array.isArray(value) ? formatTotal(total(value).total) : showNumber(value)));
}
process.stdout.write(out.join("\n") + "\n");
