#!/usr/bin/env bash
# Sætter alt op på en ny Debian-maskine og kører hovedopgaven:
#   1. systempakker fra Debian: chromium (til browsertestene), npm, python3-venv og Java (til
#      Nu Html Checker), hvis de mangler (kræver root eller sudo)
#   2. axe-core, ESLint, vnu, yaml-language-server og Pyodide (aftalebyggerens Python i
#      browseren) fra npm, i de versioner, der står i package-lock.json
#   3. et Python-miljø i .venv med kbtools og alt til sitet og testene, i de låste versioner
#      fra requirements/dev.txt
#   4. validerer alle aftaler og vurderinger i cases/
#   5. bygger sitet i _build/html med advarsler som fejl
# Kan køres igen: det, der allerede er på plads, bliver genbrugt.
set -euo pipefail
cd "$(dirname "$0")"

say() { printf '\n==> %s\n' "$*"; }
fail() { printf '\nFEJL: %s\n' "$*" >&2; exit 1; }

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v npm >/dev/null 2>&1 || missing+=(npm)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)  # Nu Html Checker (vnu)
python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || missing+=(python3-venv)
# Pango og HarfBuzz til WeasyPrint (kbtools render --format pdf og PDF'erne på sitet)
for lib in libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0; do
  dpkg -s "$lib" >/dev/null 2>&1 || missing+=("$lib")
done
if [ "${#missing[@]}" -gt 0 ]; then
  say "Installerer fra Debian: ${missing[*]}"
  if [ "$(id -u)" = 0 ]; then
    SUDO=()
  elif command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
  else
    fail "Kør ./bootstrap.sh som root eller installér sudo (mangler: ${missing[*]})."
  fi
  "${SUDO[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
  || fail "Python 3.11 eller nyere er nødvendig (fandt $(python3 --version 2>&1))."

say "Installerer axe-core, ESLint, vnu, yaml-language-server og Pyodide fra npm"
npm ci --no-audit --no-fund --loglevel=error
[ -f node_modules/axe-core/axe.min.js ] || fail "npm installerede ikke axe-core."
[ -f node_modules/yaml-language-server/bin/yaml-language-server ] \
  || fail "npm installerede ikke yaml-language-server."
for file in pyodide.mjs pyodide.asm.mjs pyodide.asm.wasm python_stdlib.zip pyodide-lock.json; do
  [ -f "node_modules/pyodide/$file" ] \
    || fail "npm installerede ikke Pyodide (node_modules/pyodide/$file mangler). Aftalebyggeren har brug for det."
done

say "Opretter Python-miljøet i .venv"
[ -x .venv/bin/python ] || python3 -m venv .venv
# Nøjagtigt de versioner, der står i låsen (requirements/dev.txt), kontrolleret med hashes; kbtools
# selv installeres bagefter uden at hente andet. Låsen opdateres med requirements/update-lock.
pip=(.venv/bin/python -m pip --disable-pip-version-check --quiet)
"${pip[@]}" install --require-hashes --no-deps -r requirements/dev.txt
"${pip[@]}" install --no-deps --no-build-isolation -e .
"${pip[@]}" check >/dev/null || { "${pip[@]}" check >&2; fail "Python-miljøet i .venv passer ikke til låsen."; }

say "Validerer cases/"
.venv/bin/kbtools validate cases

say "Bygger sitet i _build/html"
.venv/bin/sphinx-build -q -n -W --keep-going -c . docs _build/html
say "Færdig. Åbn _build/html/index.html i en browser. Kør testene med: .venv/bin/python -m pytest"
