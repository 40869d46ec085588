#!/usr/bin/env bash
# Sætter alt op på en ny maskine og kører hovedopgaven:
#   1. Debians chromium (til browsertestene) og npm's axe-core
#   2. et Python-miljø i .venv med kbtools og alt til sitet og testene
#   3. validerer alle aftaler og vurderinger i cases/
#   4. bygger sitet i _build/html med advarsler som fejl
set -euo pipefail
cd "$(dirname "$0")"

say() { printf '\n==> %s\n' "$*"; }

if ! command -v chromium >/dev/null 2>&1; then
  say "Installerer chromium fra Debian"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

if [ -f package-lock.json ]; then
  say "Installerer axe-core fra npm"
  npm ci --no-audit --no-fund --loglevel=error
fi

say "Opretter Python-miljøet i .venv"
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[dev]'

say "Validerer cases/"
.venv/bin/kbtools validate cases

say "Bygger sitet i _build/html"
.venv/bin/sphinx-build -q -n -W --keep-going -c . docs _build/html
say "Færdig. Åbn _build/html/index.html i en browser."
