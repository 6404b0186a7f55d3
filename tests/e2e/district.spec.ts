import { test, expect, paintedPixels, screenshot } from "./support";
import { authStateFile } from "./auth-state";

test.use({ storageState: authStateFile("leader") });

test("a leader opens a district, sees what costs it points, then one of its towns", async ({ page }) => {
  await page.goto("/districts");
  await screenshot(page, "districts");
  await page.getByRole("table", { name: /综合排名/ }).getByRole("link", { name: "西山区" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "西山区" })).toBeVisible();
  await expect(page.getByText(/全市区县第\d+名/)).toBeVisible();
  const weak = page.getByRole("region", { name: /拖分最多的指标/ });
  await expect(weak.getByRole("listitem").first()).toContainText(/−\d+\.\d{2}分/);
  expect(await paintedPixels(page, /西山区近24个月综合得分走势/)).toBeGreaterThan(500);
  await screenshot(page, "district");

  const towns = page.getByRole("region", { name: "下辖镇街排名" });
  const town = towns.getByRole("link").first();
  const townName = (await town.textContent()) ?? "";
  await town.click();
  await expect(page.getByRole("heading", { level: 1, name: townName })).toBeVisible();
  await expect(page.getByText(/全市镇街第\d+名/)).toBeVisible();
  await screenshot(page, "town");
});

test("the indicator list and the town level of 排名 open", async ({ page }) => {
  await page.goto("/indicators");
  await expect(page.getByRole("table", { name: /指标目录/ }).getByRole("rowheader")).toHaveCount(12);
  await screenshot(page, "indicators");
  await page.goto("/rankings");
  await page.getByRole("navigation", { name: "层级" }).getByRole("link", { name: "镇街" }).click();
  await expect(page).toHaveURL(/level=town/);
  expect(await page.getByRole("table", { name: /镇街综合排名/ }).getByRole("rowheader").count()).toBeGreaterThan(30);
  expect(await paintedPixels(page, /热力图/)).toBeGreaterThan(500);
});
