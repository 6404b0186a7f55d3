import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3210);
const DATABASE_URL = process.env.E2E_DATABASE_URL ?? "file:data/e2e.db";

// Journeys run against the production build (`next build` first) on a freshly generated demo city,
// in Debian's Chromium: Playwright cannot download its own browser here.
export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  timeout: 60_000,
  // CI hosts can be several times slower than a workstation (a page's first render after a change, a chart's
  // first paint); a locator that never appears still fails, only later.
  expect: { timeout: 15_000 },
  workers: 1,
  forbidOnly: !!process.env.CI,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    viewport: { width: 1400, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    // Signs every demo account in; the journeys start signed in as the office unless they say otherwise.
    { name: "sign-in", testMatch: /setup\/.*\.setup\.ts/ },
    { name: "journeys", dependencies: ["sign-in"], use: { storageState: "artifacts/auth/office.json" } },
  ],
  webServer: {
    command: `npx tsx scripts/db-seed.ts --replace && npx tsx scripts/serve.ts -p ${PORT} -H 127.0.0.1`,
    env: { DATABASE_URL },
    url: `http://127.0.0.1:${PORT}`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
  },
});
