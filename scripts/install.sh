#!/usr/bin/env bash
# One command to install everything ClaimTrail needs on a Debian machine:
# Debian's Chromium (browser tests, PDF briefings) and poppler-utils (pdftotext, for PDF tests),
# then the npm packages from package-lock.json. Electron's binary is not downloaded
# (ELECTRON_SKIP_BINARY_DOWNLOAD=1): tests run against Node; `npm start` needs a normal machine.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "Installing Debian packages: ${need[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

export ELECTRON_SKIP_BINARY_DOWNLOAD=1
npm ci --no-audit --no-fund
echo "Installed. Run the tests with: npm test"
