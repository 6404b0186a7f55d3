import { execSync } from "node:child_process";
import { test, expect, SCREENSHOT_DIR } from "./support";

test("a leader opens 总览 and sees every district of the demo city for the latest month", async ({ page }) => {
  // Without a CJK font every character renders as a box; make that a failure, not a silent screenshot.
  expect(execSync("fc-list :lang=zh family").toString()).toMatch(/Noto Sans CJK/);

  await page.goto("/");
  await expect(page).toHaveTitle(/信用监测/);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { level: 1, name: "总览" })).toBeVisible();
  await expect(page.getByText("演示数据")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "总览" })).toHaveAttribute("aria-current", "page");

  const table = page.getByRole("table", { name: /各区县基本情况/ });
  await expect(table.getByRole("rowheader")).toHaveCount(10);
  await expect(table.getByRole("rowheader", { name: /城关区/ })).toBeVisible();
  await expect(table.getByRole("rowheader", { name: /示范高新区/ })).toContainText("功能区");

  // Each district has live enterprises and 双公示 records this month, read from the store.
  const first = table.getByRole("row").nth(1).getByRole("cell");
  await expect(first.nth(1)).toHaveText(/^[1-9][\d,]*$/);
  await expect(first.nth(2)).toHaveText(/^[1-9][\d,]*$/);

  await page.screenshot({ path: `${SCREENSHOT_DIR}/overview.png`, fullPage: true });
});
