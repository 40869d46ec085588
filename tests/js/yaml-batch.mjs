// Answers each line of stdin, one JSON document, with one line of stdout: the JSON string of
// the YAML text ab-yaml.mjs makes of it (the form model's field order from argv[2], a JSON
// file). Used by tests/builder/test_js_yaml.py, through tests/support/nodelines.py, to hold the
// writer to what Python reads back.
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { toYaml } from "../../kbtools/sphinxext/static/ab-yaml.mjs";

const fields = process.argv[2] ? JSON.parse(readFileSync(process.argv[2], "utf8")) : [];
for await (const line of createInterface({ input: process.stdin })) {
  process.stdout.write(JSON.stringify(toYaml(JSON.parse(line), fields)) + "\n");
}
