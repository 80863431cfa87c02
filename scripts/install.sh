#!/usr/bin/env bash
# One command to install everything ClaimTrail needs on a Debian machine:
# Debian's Chromium (browser tests, PDF briefings), poppler-utils (pdftotext, for PDF tests), PostgreSQL
# (team cases and their tests),
# LibreOffice's Writer and Calc without a GUI (the interop tests open the CSV export and convert the
# DOCX briefing with it), then the npm packages from package-lock.json, then Electron's binary where
# it can be downloaded.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
# PostgreSQL (team cases; tests/team start a throwaway cluster with its initdb and pg_ctl).
if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then need+=(postgresql); fi
office=()
command -v soffice >/dev/null 2>&1 || office+=(libreoffice-writer-nogui libreoffice-calc-nogui)
if [ ${#need[@]} -gt 0 ] || [ ${#office[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  if [ ${#need[@]} -gt 0 ]; then
    echo "Installing Debian packages: ${need[*]}"
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
  fi
  if [ ${#office[@]} -gt 0 ]; then
    echo "Installing Debian packages: ${office[*]} (without recommends)"
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${office[@]}" >/dev/null
  fi
fi

# npm ci never fails for want of Electron's binary (tests and web mode do not need it); the binary is
# then fetched on its own, and where it cannot be (no route to Electron's downloads) we say so once.
ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund
# (electron's own install.js returns at once when the binary is already there; macOS has no `timeout`.)
bounded() { if command -v timeout >/dev/null 2>&1; then timeout 600 "$@"; else "$@"; fi; }
if bounded node node_modules/electron/install.js >/dev/null 2>&1; then
  echo "Electron's binary is installed: npm start opens the desktop app."
else
  echo "Electron's binary could not be downloaded here; tests and \`npm run web\` do not need it (\`npm start\` says how to get it)."
fi
# The command as plain JavaScript (cli/bin.mjs falls back to the sources once they are edited).
npm run --silent build:cli
echo "Installed. Run the tests with: npm test"
