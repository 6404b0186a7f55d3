import { authStateFile } from "../auth-state";
import { lookUpIds } from "../access/store";
import { screenshot } from "../support";
import { expect, test } from "../access/page-test";

test.use({ storageState: authStateFile("office") });

// New units and departments only: renaming the demo's own would change what later journeys look for.
test("the office adds a town and renames it, and adds a department with an alias", async ({ page }) => {
  const ids = await lookUpIds();
  const stamp = String(Date.now() % 1000).padStart(3, "0");
  await page.goto("/settings/units");
  const add = page.getByRole("form", { name: "新增区县或镇街" });
  await add.getByLabel("层级").selectOption("town");
  await add.getByLabel("区划代码").fill(`${ids.chengguan.code}9${stamp.slice(1)}`);
  await add.getByLabel("名称").fill(`测试${stamp}街道`);
  await add.getByRole("button", { name: "新增" }).click();
  await expect(add.getByRole("alert").first()).toContainText("请选择所属区县");
  await add.getByLabel("层级").selectOption("town");
  await add.getByLabel("区划代码").fill(`${ids.chengguan.code}9${stamp.slice(1)}`);
  await add.getByLabel("名称").fill(`测试${stamp}街道`);
  await add.getByLabel("所属区县（镇街）").selectOption({ label: ids.chengguan.name });
  await add.getByRole("button", { name: "新增" }).click();
  await expect(add.getByRole("status")).toContainText("已保存");
  await page.reload();
  const edit = page.getByRole("form", { name: `修改测试${stamp}街道` });
  // Towns are folded under their district.
  await page.getByRole("form", { name: `修改${ids.chengguan.name}` }).locator("xpath=ancestor::li[1]").locator("summary").click();
  await edit.getByLabel("名称").fill(`测试${stamp}新街道`);
  await edit.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("form", { name: `修改测试${stamp}新街道` }).getByRole("status")).toContainText("已保存");
  await page.reload();
  await page.getByRole("form", { name: `修改${ids.chengguan.name}` }).locator("xpath=ancestor::li[1]").locator("summary").click();
  await expect(page.getByRole("form", { name: `修改测试${stamp}新街道` })).toHaveCount(1);
  await screenshot(page, "settings-units");

  await page.goto("/settings/departments");
  const dep = page.getByRole("form", { name: "新增部门" });
  await dep.getByLabel("代码").fill(`e2e${stamp}`);
  await dep.getByLabel("全称").fill(`示范市测试${stamp}局`);
  await dep.getByLabel("简称").fill(`市测试${stamp}局`);
  await dep.getByRole("button", { name: "新增" }).click();
  await expect(dep.getByRole("status")).toContainText("已保存");
  await page.reload();
  const aliases = page.getByRole("form", { name: `市测试${stamp}局的别名` });
  await aliases.getByLabel(`市测试${stamp}局的新别名`).fill(ids.samr.shortName);
  await aliases.getByRole("button", { name: "添加" }).click();
  await expect(aliases.getByRole("alert")).toContainText("是另一个部门");
  await aliases.getByLabel(`市测试${stamp}局的新别名`).fill(`测试${stamp}局`);
  await aliases.getByRole("button", { name: "添加" }).click();
  await expect(aliases.getByRole("status")).toContainText("已添加");
  await expect(aliases).toContainText(`测试${stamp}局`);
  await screenshot(page, "settings-departments");
});
