import { authStateFile } from "../auth-state";
import { lookUpIds, plantTasks } from "../access/store";
import { screenshot } from "../support";
import { expect, test } from "../access/page-test";

// A lagging work-plan task becomes a 督办 item from its own page, handed to the departments that carry it.
test("the office hands a task to its departments as a 督办 item, which the department finds on its page", async ({ browser }) => {
  const ids = await lookUpIds();
  const tasks = await plantTasks(ids);
  try {
    const office = await browser.newContext({ storageState: authStateFile("office") });
    const page = await office.newPage();
    await page.goto(`/tasks/${tasks.own.id}`);
    await page.getByRole("link", { name: "督办此任务" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "开具督办：工作任务 1" })).toBeVisible();
    const form = page.getByRole("form", { name: "开具督办事项" });
    await expect(form.getByRole("checkbox", { name: ids.samr.shortName })).toBeChecked();
    await expect(form.getByRole("checkbox", { name: ids.transport.shortName })).toBeChecked();
    await expect(form.getByRole("checkbox", { name: ids.tax.shortName })).not.toBeChecked();
    await form.getByLabel("督办要求").fill("请于期限前报送任务进展并说明滞后原因");
    await form.getByRole("button", { name: "开具督办" }).click();
    await page.waitForURL(/\/supervision\/\d+$/);
    await expect(page.getByRole("heading", { level: 1, name: `督办事项 #${page.url().split("/").at(-1)}：工作任务 1 ${tasks.own.title}` })).toBeVisible();
    await expect(page.getByRole("region", { name: "事项" }).getByRole("link", { name: `1 ${tasks.own.title}` })).toBeVisible();
    await expect(page.getByRole("region", { name: /所附记录/ })).toHaveCount(0);
    const itemPath = new URL(page.url()).pathname;
    await screenshot(page, "supervision-task-item");

    // The task's page now shows the item instead of the link.
    await page.goto(`/tasks/${tasks.own.id}`);
    await expect(page.getByRole("link", { name: /^督办待签收/ })).toHaveAttribute("href", itemPath);

    const dept = await browser.newContext({ storageState: authStateFile("samr") });
    const dpage = await dept.newPage();
    await dpage.goto(`/departments/${ids.samr.id}`);
    await expect(dpage.getByRole("region", { name: /本部门的督办事项/ })).toContainText(`工作任务 1 ${tasks.own.title}`);
    await Promise.all([office.close(), dept.close()]);
  } finally {
    await tasks.remove();
  }
});
