import { execSync } from "node:child_process";
import { test, expect, paintedPixels, screenshot } from "./support";
import { authStateFile } from "./auth-state";

test.use({ storageState: authStateFile("leader") });

test("a leader opens 总览 and sees the city's score, rank, indicators, district ranking, map and warnings", async ({ page }) => {
  // Without a CJK font every character renders as a box; make that a failure, not a silent screenshot.
  expect(execSync("fc-list :lang=zh family").toString()).toMatch(/Noto Sans CJK/);

  await page.goto("/");
  await expect(page).toHaveTitle(/信用监测/);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { level: 1, name: "总览" })).toBeVisible();
  await expect(page.getByText("演示数据")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "总览" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("全市综合得分", { exact: true })).toBeVisible();
  await expect(page.getByText(/^第\d+名$/).first()).toBeVisible();

  const cards = page.getByRole("region", { name: "各项指标" }).getByRole("listitem");
  await expect(cards).toHaveCount(12);

  for (const chart of ["全市综合得分近24个月走势", "全国排名近24个月走势，越靠上名次越好", "区县综合得分排名条形图，第一名在最上方", "各区县综合得分地图，颜色越深得分越高", /统一社会信用代码重错码率近12个月走势/]) {
    expect(await paintedPixels(page, chart), `图表未绘制：${chart}`).toBeGreaterThan(500);
  }

  // Warnings of a trend (three months worse, or a work-plan target out of reach) sit apart, folded.
  const trends = page.getByRole("region", { name: /^连续恶化与预计无法按期达标（\d+）$/ });
  await trends.getByText(/展开查看/).click();
  await expect(trends.getByRole("heading", { name: "连续恶化", exact: true })).toBeVisible();

  const table = page.getByRole("table", { name: /各区县基本情况/ });
  await expect(table.getByRole("rowheader")).toHaveCount(10);
  await expect(table.getByRole("rowheader", { name: /示范高新区/ })).toContainText("功能区");
  await screenshot(page, "overview");
});
