// Reads one JSON document per line from stdin and writes, per line, the JSON string of the
// YAML text ab-yaml.mjs makes of it (the form model's field order from argv[2], a JSON file).
// Used by tests/builder/test_js_yaml.py to hold the writer to what Python reads back.
import { readFileSync } from "node:fs";
import { toYaml } from "../../kbtools/sphinxext/static/ab-yaml.mjs";

const fields = process.argv[2] ? JSON.parse(readFileSync(process.argv[2], "utf8")) : [];
const input = readFileSync(0, "utf8");
const out = [];
for (const line of input.split("\n")) if (line) out.push(JSON.stringify(toYaml(JSON.parse(line), fields)));
process.stdout.write(out.join("\n") + "\n");
