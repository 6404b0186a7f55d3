import { authStateFile } from "../auth-state";
import { lookUpIds, scalar } from "../access/store";
import { screenshot } from "../support";
import { expect, test } from "../access/page-test";

test.use({ storageState: authStateFile("office") });

// The office enters the month's national rank on screen; 总览 shows it at once. The demo's figure is put back after.
test("the office enters the national rank and 总览 shows it", async ({ page }) => {
  const ids = await lookUpIds();
  const before = { rank: await scalar("SELECT rank FROM national_ranks WHERE month = ?", [ids.latestMonth]), total: await scalar("SELECT total_cities FROM national_ranks WHERE month = ?", [ids.latestMonth]) };
  const rank = Number(before.rank ?? 50) === 7 ? 8 : 7;
  await page.goto("/settings/national-rank");
  const form = page.getByRole("form", { name: "录入全国排名" });
  await form.getByLabel("月份").fill(ids.latestMonth);
  await form.getByLabel("全国名次").fill("300");
  await form.getByLabel("参评城市数").fill("261");
  await form.getByRole("button", { name: "保存" }).click();
  await expect(form.getByRole("alert")).toContainText("名次不能大于参评城市数");
  await form.getByLabel("全国名次").fill(String(rank));
  await form.getByRole("button", { name: "保存" }).click();
  await expect(form.getByRole("status")).toContainText("已保存");
  await screenshot(page, "settings-national-rank");
  try {
    await page.goto(`/?month=${ids.latestMonth}`);
    await expect(page.getByText("全国城市信用监测排名").locator("..")).toContainText(`第${rank}名`);
  } finally {
    if (before.rank !== null) {
      await page.goto("/settings/national-rank");
      await form.getByLabel("月份").fill(ids.latestMonth);
      await form.getByLabel("全国名次").fill(String(before.rank));
      await form.getByLabel("参评城市数").fill(String(before.total));
      await form.getByRole("button", { name: "保存" }).click();
      await expect(form.getByRole("status")).toContainText("已保存");
    }
  }
});
