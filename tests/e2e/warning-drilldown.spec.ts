import { test, expect, screenshot } from "./support";
import { authStateFile } from "./auth-state";

test.use({ storageState: authStateFile("leader") });

test("a leader sees a red warning on 总览 and follows it to the offending records", async ({ page }) => {
  await page.goto("/");
  const red = page.getByRole("region", { name: /红色预警/ });
  const first = red.getByRole("link", { name: /^红色预警：/ }).first();
  await expect(first).toBeVisible();
  const label = (await first.textContent()) ?? "";
  await first.click();

  await expect(page).toHaveURL(/\/indicators\/\w+\?.*unit=\d+/);
  const records = page.getByRole("region", { name: /（\d{4}年\d{1,2}月）$/ });
  await expect(records).toBeVisible();
  const unitName = label.replace(/^红色预警：/, "").split(/[^\u4e00-\u9fa5]/)[0]!.slice(0, 2);
  await expect(records.getByRole("heading")).toContainText(unitName);
  // A red indicator has something behind it: a non-empty list to fix.
  await expect(records.getByText(/^共 [1-9][\d,]* 条$/)).toBeVisible();
  await expect(records.getByRole("table").getByRole("row").nth(1)).toBeVisible();
  await screenshot(page, "indicator-drilldown");

  const download = page.waitForEvent("download");
  await records.getByRole("link", { name: "下载Excel" }).click();
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
});
