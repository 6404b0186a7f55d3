import { authStateFile } from "../auth-state";
import { lookUpIds } from "../access/store";
import { screenshot } from "../support";
import { expect, test } from "../access/page-test";

test.use({ storageState: authStateFile("office") });

// The office doubles a weight from the latest month: that month is rescored and says which version it used; the month
// before keeps its version. Targets and red lines stay, so no warning changes for later journeys; the weight is put back.
test("the office changes a weight from a month on and the ranking uses it only from then", async ({ page }) => {
  const ids = await lookUpIds();
  const previous = (() => { const [y, m] = ids.latestMonth.split("-").map(Number); return m === 1 ? `${y! - 1}-12` : `${y}-${String(m! - 1).padStart(2, "0")}`; })();
  await page.goto("/settings/catalogue");
  const form = page.getByRole("form", { name: "指标目录" });
  const weight = form.getByLabel("A级纳税人占比权重");
  const original = await weight.inputValue();
  await form.getByLabel("统一社会信用代码重错码率目标值").fill("999999");
  await form.getByLabel("自哪个月起执行").fill(ids.latestMonth);
  await form.getByRole("button", { name: "保存为新版本" }).click();
  await expect(form.getByRole("alert").first()).toContainText("越低越好");
  await page.reload();
  await weight.fill(String(Number(original) * 2));
  await form.getByLabel("自哪个月起执行").fill(ids.latestMonth);
  await form.getByLabel("修改说明").fill("加大A级纳税人占比的权重");
  await form.getByRole("button", { name: "保存为新版本" }).click();
  await expect(form.getByRole("status")).toContainText("已保存并重新计算", { timeout: 60_000 });
  await page.reload();
  await expect(page.getByRole("region", { name: /历史版本/ })).toContainText(`A级纳税人占比：权重 ${original}→${Number(original) * 2}`);
  await screenshot(page, "settings-catalogue");
  try {
    await page.goto(`/rankings?month=${ids.latestMonth}`);
    await expect(page.getByText(/本月计分所用：指标目录第\d+版/)).toContainText(`${ids.latestMonth}起执行`);
    await page.goto(`/rankings?month=${previous}`);
    await expect(page.getByText(/本月计分所用：/)).not.toContainText(`${ids.latestMonth}起执行`);
  } finally {
    await page.goto("/settings/catalogue");
    await weight.fill(original);
    await form.getByLabel("自哪个月起执行").fill(ids.latestMonth);
    await form.getByLabel("修改说明").fill("恢复原权重");
    await form.getByRole("button", { name: "保存为新版本" }).click();
    await expect(form.getByRole("status")).toContainText("已保存", { timeout: 60_000 });
  }
});
