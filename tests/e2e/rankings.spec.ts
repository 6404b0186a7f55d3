import { test, expect, screenshot } from "./support";

const names = (page: import("@playwright/test").Page) =>
  page.getByRole("table", { name: /综合排名及各项指标/ }).getByRole("rowheader").allTextContents();

test("the office sorts 排名 by an indicator and switches the month to another ranking", async ({ page }) => {
  await page.goto("/rankings");
  await expect(page.getByRole("heading", { level: 1, name: "排名" })).toBeVisible();
  const byRank = await names(page);
  expect(byRank).toHaveLength(10);

  await page.getByRole("link", { name: "信易贷平台入驻企业占比", exact: true }).click();
  await expect(page).toHaveURL(/sort=xyd_enrolled_ratio/);
  const header = page.getByRole("table", { name: /综合排名及各项指标/ }).getByRole("columnheader", { name: /信易贷平台入驻企业占比/ });
  await expect(header).toHaveAttribute("aria-sort", "descending");
  const values = await page.getByRole("table", { name: /综合排名及各项指标/ }).locator("tbody tr").evaluateAll((rows) =>
    rows.map((r) => Number((r.querySelectorAll("td")[7]?.textContent ?? "").replace("%", ""))));
  expect(values).toEqual([...values].sort((a, b) => b - a));

  await page.goto("/rankings");
  const picker = page.getByLabel("月份");
  const oldest = await picker.locator("option").last().getAttribute("value");
  await picker.selectOption(oldest!);
  await expect(page).toHaveURL(new RegExp(`month=${oldest}`));
  await expect.poll(() => names(page)).not.toEqual(byRank);
  await page.goBack();
  await expect.poll(() => names(page)).toEqual(byRank);
  await screenshot(page, "rankings");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "下载Excel" }).click();
  expect((await download).suggestedFilename()).toMatch(/排名\.xlsx$/);
});
