import { createClient } from "@libsql/client";
import { test, expect } from "./support";

const DATABASE_URL = process.env.E2E_DATABASE_URL ?? "file:data/e2e.db";
const cacheState = (response: { headers(): Record<string, string> }) => response.headers()["x-page-cache"];
// As a browser asks for a page (the router's own fetches ask for */*).
const asDocument = { headers: { accept: "text/html" } };

test("总览 and 排名 are served from the rendered-page cache until the indicators are computed again", async ({ page, request }) => {
  const first = await request.get("/rankings?month=2026-09&sort=score&dir=asc", asDocument);
  expect(first.status()).toBe(200);
  expect(["miss", "hit"]).toContain(cacheState(first));
  const second = await request.get("/rankings?dir=asc&sort=score&month=2026-09", asDocument); // same view, other order
  expect(cacheState(second)).toBe("hit");
  expect(await second.text()).toBe(await first.text());
  expect(await second.text()).toContain("2026年9月");

  // Pages that are not cached, and unusual parameters, render live.
  expect(cacheState(await request.get("/districts", asDocument))).toBeUndefined();
  expect(cacheState(await request.get("/?utm_source=mail", asDocument))).toBeUndefined();
  // The router's fetches get RSC payloads, never the cached HTML.
  const routerFetch = await request.get("/", { headers: { accept: "*/*", "sec-fetch-dest": "empty", rsc: "1" } });
  expect(cacheState(routerFetch)).toBeUndefined();
  expect(routerFetch.headers()["content-type"]).toContain("text/x-component");

  // A browser gets the cached page (compressed by Next like any other), and it hydrates and navigates like a live one.
  const home = await page.goto("/");
  expect(await home?.headerValue("x-page-cache")).toBeTruthy();
  const cached = await page.goto("/");
  expect(await cached?.headerValue("x-page-cache")).toBe("hit");
  expect(await cached?.headerValue("content-encoding")).toBe("gzip");
  await expect(page.getByRole("heading", { level: 1, name: "总览" })).toBeVisible();
  // Moving between pages stays in the app (no document reload), prefetches included.
  await page.evaluate(() => Object.assign(window, { stillHere: true }));
  const nav = page.getByRole("navigation", { name: "主导航" });
  await nav.getByRole("link", { name: "排名" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "排名" })).toBeVisible();
  await nav.getByRole("link", { name: "总览" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "总览" })).toBeVisible();
  expect(await page.evaluate(() => "stillHere" in window)).toBe(true);
  await page.waitForLoadState("networkidle");

  // A new computation (a new stamp) retires every cached page within a second.
  const db = createClient({ url: DATABASE_URL });
  try {
    await db.execute("UPDATE app_meta SET value = value || '#page-cache-test' WHERE key = 'computed_at'");
  } finally {
    db.close();
  }
  await expect.poll(async () => cacheState(await request.get("/", asDocument)), { intervals: [300, 500, 1000] }).toBe("miss");
  expect(cacheState(await request.get("/", asDocument))).toBe("hit");
});
