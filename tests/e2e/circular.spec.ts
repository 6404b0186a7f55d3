import { test, expect, screenshot } from "./support";

test("the office previews the month's circular, downloads it, and issues it with a number", async ({ page }) => {
  await page.goto("/circulars");
  await expect(page.getByRole("heading", { level: 1, name: "通报" })).toBeVisible();
  const drafts = page.getByRole("region", { name: "草稿" });
  const latest = drafts.getByRole("row").nth(1);
  const monthLabel = (await latest.getByRole("rowheader").textContent())!.replace("通报（草稿）", "");

  const word = page.waitForEvent("download");
  await latest.getByRole("link", { name: "Word" }).click();
  expect((await word).suggestedFilename()).toBe(`关于${monthLabel}全市社会信用体系建设监测情况的通报（草稿）.docx`);

  await latest.getByRole("link", { name: "打印预览" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `关于${monthLabel}全市社会信用体系建设监测情况的通报` })).toBeVisible();
  await expect(page.getByRole("heading", { name: "五、下月工作要求" })).toBeVisible();
  await expect(page.getByRole("table", { name: /各区县综合得分排名/ }).locator("tbody tr")).toHaveCount(10);
  await screenshot(page, "circular-print");

  await page.goto("/circulars");
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("region", { name: "草稿" }).getByRole("row").nth(1).getByRole("button", { name: "印发" }).click();
  const issued = page.getByRole("region", { name: /已印发/ });
  await expect(issued).toContainText(/信用办〔\d{4}〕1号/);
  await expect(issued).toContainText(`关于${monthLabel}全市社会信用体系建设监测情况的通报`);
  await screenshot(page, "circulars");
});
