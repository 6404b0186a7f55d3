import { authStateFile } from "../auth-state";
import { lookUpIds } from "../access/store";
import { screenshot } from "../support";
import { expect, test } from "../access/page-test";

test.use({ storageState: authStateFile("office") });

// The office adds an indicator no record measures (outside the composite, so later journeys' scores stay), enters a
// month's values, and sees them scored and warned on like any other, with 督办 one click away; the values are then
// cleared so no warning stays behind for later journeys.
test("the office adds a manually scored indicator, enters its values and sees them scored, warned and open to 督办", async ({ page }) => {
  const ids = await lookUpIds();
  await page.goto("/settings/catalogue");
  const add = page.getByRole("form", { name: "新增人工填报指标" });
  await add.getByLabel("指标名称").fill("信用承诺覆盖率");
  await add.getByLabel("类别").fill("信用承诺");
  await add.getByLabel(/口径/).fill("作出信用承诺的办理事项数 ÷ 应承诺事项数，各区县每月报送");
  await add.getByLabel("目标值").fill("95");
  await add.getByLabel("红线").fill("60");
  await add.getByLabel("零分点").fill("90");
  await add.getByLabel("计入综合得分").uncheck();
  await add.getByRole("button", { name: "新增指标" }).click();
  await expect(add.getByRole("alert").first()).toContainText("越高越好");
  // The error stands inside the 目标值 label, so the other fields are found by their exact names.
  await add.getByLabel("红线", { exact: true }).fill("90");
  await add.getByLabel("零分点", { exact: true }).fill("60");
  await add.getByLabel("执行起始月").fill(ids.latestMonth);
  await add.getByRole("button", { name: "新增指标" }).click();
  await expect(add.getByRole("status")).toContainText("已新增“信用承诺覆盖率”", { timeout: 60_000 });
  await page.reload();
  await expect(page.getByRole("region", { name: /历史版本/ })).toContainText("新增指标：信用承诺覆盖率");

  await page.getByRole("link", { name: "填报数值" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("信用承诺覆盖率：填报数值");
  const code = page.url().match(/catalogue\/([\w-]+)/)![1]!;
  const values = page.getByRole("form", { name: `填报${ids.latestMonth}数值` });
  await values.getByLabel(`${ids.xishan.name}数值`).fill("一百");
  await values.getByRole("button", { name: "保存并重新计算" }).click();
  await expect(values.getByRole("alert").first()).toContainText("不是数字");
  await values.getByLabel(`${ids.city.name}数值`).fill("93");
  await values.getByLabel(`${ids.chengguan.name}数值`).fill("98%");
  await values.getByLabel(`${ids.xishan.name}数值`).fill("72.5");
  await values.getByRole("button", { name: "保存并重新计算" }).click();
  await expect(values.getByRole("status")).toContainText("已保存3个", { timeout: 60_000 });
  await screenshot(page, "settings-entered-values");

  try {
    // Scored and ranked: 西山区 below its red line, 城关区 at its target.
    await page.goto(`/indicators/${code}?month=${ids.latestMonth}&unit=${ids.xishan.id}`);
    const comparison = page.getByRole("region", { name: /各区县比较/ });
    await expect(comparison.getByRole("row", { name: new RegExp(ids.xishan.name) })).toContainText("72.5");
    await expect(comparison.getByRole("row", { name: new RegExp(ids.chengguan.name) })).toContainText("98");
    await expect(page.getByRole("region", { name: /明细/ })).toContainText("人工填报指标");
    await screenshot(page, "indicator-entered");
    // Handed over as a 督办 item like any other value (the form is only opened: later journeys count the items).
    await comparison.getByRole("link", { name: `督办${ids.xishan.name}信用承诺覆盖率` }).click();
    await expect(page).toHaveURL(/\/supervision\/new\?/);
    await expect(page.getByRole("main")).toContainText("信用承诺覆盖率");
    await expect(page.getByRole("main")).toContainText(ids.xishan.name);
    // Warned on 总览 like any other red value.
    await page.goto(`/?month=${ids.latestMonth}`);
    await expect(page.getByText(new RegExp(`${ids.xishan.name}.*信用承诺覆盖率|信用承诺覆盖率.*${ids.xishan.name}`)).first()).toBeVisible();
  } finally {
    await page.goto(`/settings/catalogue/${code}?month=${ids.latestMonth}`);
    for (const unit of [ids.city, ids.chengguan, ids.xishan]) await values.getByLabel(`${unit.name}数值`).fill("");
    await values.getByRole("button", { name: "保存并重新计算" }).click();
    await expect(values.getByRole("status")).toContainText("清除3个", { timeout: 60_000 });
  }
});
