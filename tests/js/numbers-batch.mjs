// Answers each line of stdin, one JSON value, with one line of stdout: a number, written as
// the builder shows a number, or a list of numbers, written as the builder shows their total
// (a JSON string). Used by tests/builder/test_js_numbers.py, through tests/support/nodelines.py,
// to hold ab-numbers.mjs to kbtools.danish.
import { createInterface } from "node:readline";
import { formatTotal, showNumber, total } from "../../kbtools/sphinxext/static/ab-values.mjs";

for await (const line of createInterface({ input: process.stdin })) {
  const value = JSON.parse(line);
  const shown = Array.isArray(value) ? formatTotal(total(value).total) : showNumber(value);
  process.stdout.write(JSON.stringify(shown) + "\n");
}
