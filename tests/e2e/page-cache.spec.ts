import { createClient } from "@libsql/client";
import { test, expect } from "./support";

const DATABASE_URL = process.env.E2E_DATABASE_URL ?? "file:data/e2e.db";
const cacheState = (response: { headers(): Record<string, string> }) => response.headers()["x-page-cache"];

test("总览 and 排名 are served from the rendered-page cache until the indicators are computed again", async ({ page, request }) => {
  const first = await request.get("/rankings?month=2026-09&sort=score&dir=asc");
  expect(first.status()).toBe(200);
  expect(["miss", "hit"]).toContain(cacheState(first));
  const second = await request.get("/rankings?dir=asc&sort=score&month=2026-09"); // same view, other order
  expect(cacheState(second)).toBe("hit");
  expect(await second.text()).toBe(await first.text());
  expect(await second.text()).toContain("2026年9月");

  // Pages that are not cached, and unusual parameters, render live.
  expect(cacheState(await request.get("/districts"))).toBeUndefined();
  expect(cacheState(await request.get("/?utm_source=mail"))).toBeUndefined();

  // A browser gets the cached page (compressed by Next like any other), and it hydrates and navigates like a live one.
  const home = await page.goto("/");
  expect(await home?.headerValue("x-page-cache")).toBeTruthy();
  const cached = await page.goto("/");
  expect(await cached?.headerValue("x-page-cache")).toBe("hit");
  expect(await cached?.headerValue("content-encoding")).toBe("gzip");
  await expect(page.getByRole("heading", { level: 1, name: "总览" })).toBeVisible();
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "排名" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "排名" })).toBeVisible();

  // A new computation (a new stamp) retires every cached page within a second.
  const db = createClient({ url: DATABASE_URL });
  try {
    await db.execute("UPDATE app_meta SET value = value || '#page-cache-test' WHERE key = 'computed_at'");
  } finally {
    db.close();
  }
  await expect.poll(async () => cacheState(await request.get("/")), { intervals: [300, 500, 1000] }).toBe("miss");
  expect(cacheState(await request.get("/"))).toBe("hit");
});
