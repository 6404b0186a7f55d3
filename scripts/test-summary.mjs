// Adds up the vitest and Playwright JSON reports into the one plain line CI reads: "N passed, N failed".
import { existsSync, readFileSync } from "node:fs";

const [vitestReport, playwrightReport, ...extraFailures] = process.argv.slice(2);
let passed = 0;
let failed = extraFailures.reduce((sum, n) => sum + Number(n || 0), 0);
let skipped = 0;

if (existsSync(vitestReport)) {
  const r = JSON.parse(readFileSync(vitestReport, "utf8"));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  // A file that fails to load has no failed test of its own; count each such file once.
  failed += (r.testResults ?? []).filter((f) => f.status === "failed" && !(f.assertionResults ?? []).some((a) => a.status === "failed")).length;
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
} else {
  console.log(`missing report ${vitestReport}: counting the unit suite as failed`);
  failed += 1;
}

if (existsSync(playwrightReport)) {
  const s = JSON.parse(readFileSync(playwrightReport, "utf8")).stats;
  passed += s.expected + s.flaky;
  failed += s.unexpected;
  skipped += s.skipped;
  if (s.expected + s.unexpected + s.flaky === 0) failed += 1; // a browser suite that ran nothing is broken
} else {
  console.log(`missing report ${playwrightReport}: counting the browser suite as failed`);
  failed += 1;
}

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);
