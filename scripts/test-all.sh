#!/usr/bin/env bash
# Every test: types, unit and store tests (vitest), the production build, browser journeys (Playwright).
# Ends with one plain line "N passed, N failed" totalling all suites.
set -u
cd "$(dirname "$0")/.."
mkdir -p artifacts/screenshots
rm -f artifacts/vitest.json artifacts/playwright.json
extra=0

echo "== typecheck"
npx tsc --noEmit --incremental false || extra=$((extra + 1))

echo "== unit and store tests (vitest)"
npx vitest run --reporter=default --reporter=json --outputFile.json=artifacts/vitest.json

echo "== production build"
if npx next build; then
  echo "== browser journeys (Playwright, Debian chromium)"
  PLAYWRIGHT_JSON_OUTPUT_NAME=artifacts/playwright.json npx playwright test --reporter=list,json
else
  extra=$((extra + 1))
fi

node scripts/test-summary.mjs artifacts/vitest.json artifacts/playwright.json "$extra"
