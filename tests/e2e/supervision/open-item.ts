import type { Browser } from "@playwright/test";
import { authStateFile } from "../auth-state";
import { expect } from "../access/page-test";

/**
 * The office opens a 督办 item from an indicator's drill-down for one unit (督办此项), handed to the given department,
 * and lands on the item's page: its context and page, to go on with.
 */
export async function openItemFromDrilldown(browser: Browser, drilldown: { indicatorCode: string; month: string; unitId: number; department: string }) {
  const office = await browser.newContext({ storageState: authStateFile("office") });
  const page = await office.newPage();
  await page.goto(`/indicators/${drilldown.indicatorCode}?month=${drilldown.month}&unit=${drilldown.unitId}`);
  await page.getByRole("link", { name: "督办此项" }).click();
  const form = page.getByRole("form", { name: "开具督办事项" });
  await form.getByRole("checkbox", { name: drilldown.department }).check();
  await form.getByRole("button", { name: "开具督办" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /督办事项 #\d+/ })).toBeVisible();
  return { office, page };
}
