// ESLint for the site's JavaScript (the browser tools) and its unit tests.
// Run: npx eslint .   (the test suite runs it too: tests/test_code_quality.py)
import js from "@eslint/js";
import globals from "globals";

export default [
  {
    ignores: ["_build/**", "build/**", "dist/**", "node_modules/**", ".venv*/**", "bench/out/**"],
  },
  js.configs.recommended,
  {
    files: ["kbtools/sphinxext/static/**/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "script",
      globals: { ...globals.browser },
    },
  },
  {
    // Sphinx' Danish message catalogue for its search page (Sphinx's own format)
    files: ["locale/**/*.js"],
    languageOptions: { sourceType: "script", globals: { Documentation: "readonly" } },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: { ...globals.browser, ...globals.worker },
    },
  },
  {
    files: ["tests/js/**/*.mjs", "eslint.config.mjs"],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    rules: {
      eqeqeq: ["error", "always"],
      "no-var": "error",
      "prefer-const": "error",
      "no-unused-vars": ["error", { args: "after-used", caughtErrors: "none" }],
      "no-implicit-globals": "error",
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
    },
  },
];
