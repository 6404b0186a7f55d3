import { readFileSync } from "node:fs";
import { Document, Packer, Paragraph, Table, TableCell, TableRow, WidthType } from "docx";
import { test, expect, screenshot } from "./support";
import { authStateFile } from "./auth-state";

const PLAN = readFileSync("tests/e2e/fixtures/plan-2026.txt", "utf8");

test("the office loads a plan, settles two units, records progress; the department signs in and sees its task and weak indicators", async ({ page, browser }) => {
  await page.goto("/tasks");
  await page.getByRole("link", { name: "载入工作要点" }).click();
  await page.getByLabel("粘贴工作要点全文").fill(PLAN);
  await page.getByRole("button", { name: "读取" }).click();

  const review = page.getByRole("region", { name: "工作要点信息" });
  await expect(review).toContainText("读出任务 4 项");
  await expect(review).toContainText("其中 2 个待确认");
  const save = page.getByRole("button", { name: "确认保存" });
  await expect(save).toBeDisabled();
  // Each unit the plan names is settled by typing part of a department's name, not by scrolling a list of thirty.
  await page.getByLabel("查找“市科技局”对应的部门").fill("工信");
  await page.getByRole("button", { name: /^市工信局/ }).click();
  await page.getByLabel("查找“市数据资源中心”对应的部门").fill("大数据");
  await page.getByRole("button", { name: /^市大数据局/ }).click();
  await expect(page.getByRole("list", { name: "“市数据资源中心”对应的部门" })).toContainText("市大数据局");
  await expect(review).toContainText("均已对应");
  // Every task has a deadline: the year comes from the title, dates the plan states are its own, the rest the year's end.
  await expect(review).toContainText("取自标题");
  await expect(review).toContainText("文件规定 2 项");
  const read = page.getByRole("region", { name: "读出的任务" });
  await expect(read.getByRole("listitem", { name: /第2项/ })).toContainText("期限：2026-12-31（默认）");
  await expect(read.getByRole("listitem", { name: /第4项/ })).toContainText("期限：2026-12-31；");
  // The office corrects a task: an earlier date and one more unit, picked by typing part of its name.
  await read.getByRole("button", { name: "修改第3项任务" }).click();
  const edit = read.getByRole("group", { name: "第3项任务的修改" });
  await edit.getByLabel("完成期限").fill("2026-09-30");
  await edit.getByLabel("为第3项添加单位").fill("市场监管");
  await edit.getByRole("button", { name: /^市市场监管局/ }).click();
  await expect(read.getByRole("listitem", { name: /第3项/ })).toContainText("期限：2026-09-30（已修改）");
  await expect(read.getByRole("listitem", { name: /第3项/ })).toContainText("市市场监管局");
  await screenshot(page, "plan-review");
  await save.click();

  await expect(page).toHaveURL(/\/tasks$/);
  const table = page.getByRole("table", { name: "工作要点任务表" });
  await expect(table.getByRole("rowheader")).toHaveCount(4);
  await expect(table.getByRole("row", { name: /推进科技企业信用承诺/ })).toContainText("市工信局");
  await expect(table.getByRole("row", { name: /推进科技企业信用承诺/ })).toContainText("市市场监管局");
  await expect(table.getByRole("row", { name: /推进科技企业信用承诺/ })).toContainText("2026-09-30");
  await expect(table.getByRole("row", { name: /提升双公示报送质量/ })).toContainText("默认");
  await screenshot(page, "tasks");

  await table.getByRole("link", { name: "降低统一社会信用代码重错码率" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("降低统一社会信用代码重错码率");
  const form = page.getByRole("form", { name: "报送进展" });
  await form.getByLabel("报送部门").selectOption({ label: "市市场监管局" });
  await form.getByLabel("进展状态").selectOption({ label: "推进中" });
  await form.getByLabel("进展说明").fill("已完成存量错码核查，正在逐户更正。");
  await form.getByRole("button", { name: "提交进展" }).click();
  await expect(form.getByRole("status")).toHaveText("进展已记录");
  await expect(page.getByRole("region", { name: /进展记录/ })).toContainText("已完成存量错码核查");
  await screenshot(page, "task");

  // The department's own account: its page is its home, with the task and its weak indicators.
  const samr = await browser.newContext({ storageState: authStateFile("samr") });
  const own = await samr.newPage();
  await own.goto("/");
  await own.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "本部门" }).click();
  await expect(own.getByRole("heading", { level: 1, name: "市市场监督管理局" })).toBeVisible();
  const tasks = own.getByRole("region", { name: /本部门承担的任务/ });
  await expect(tasks.getByRole("link", { name: "降低统一社会信用代码重错码率" })).toBeVisible();
  // Progress was recorded; where the figures already meet its target the task is 已达标, never 逾期.
  await expect(tasks.getByRole("row", { name: /降低统一社会信用代码重错码率/ })).toContainText(/推进中|已达标/);
  const weak = own.getByRole("region", { name: /本部门负责的未达标指标/ });
  await expect(weak.getByRole("listitem").first()).toBeVisible();
  await screenshot(own, "department");
  await samr.close();
});

/** A plan as offices send it: a Word file whose tasks stand in a 任务分解表, 牵头单位 and 完成时限 merged down over measures. */
async function planAsWordFile(): Promise<Buffer> {
  const cell = (text: string, rowSpan?: number) => new TableCell({ children: [new Paragraph(text)], rowSpan });
  const row = (cells: TableCell[]) => new TableRow({ children: cells });
  const table = new Table({
    width: { size: 9000, type: WidthType.DXA },
    rows: [
      row(["序号", "重点任务", "具体措施", "牵头单位", "责任单位", "完成时限"].map((h) => cell(h))),
      row([cell("1", 2), cell("规范涉企行政处罚信息公示", 2), cell("处罚决定作出后7个工作日内上报，双公示合规率达到100%。"), cell("市司法局", 2), cell("市城管局"), cell("2026年9月底前", 2)]),
      row([cell("按月核查迟报记录并通报。"), cell("市应急局")]),
      row([cell("2"), cell("推进信用承诺履约回访"), cell("建立承诺履约回访制度。"), cell("市审批局"), cell("市商务局"), cell("长期坚持")]),
    ],
  });
  const doc = new Document({ sections: [{ children: [
    new Paragraph("示范市2026年信用监测短板整改专项行动方案"),
    new Paragraph("为补齐城市信用监测短板，制定本方案。"),
    new Paragraph("一、重点任务"),
    table,
    new Paragraph("示范市社会信用体系建设领导小组办公室"),
  ] }] });
  return Packer.toBuffer(doc);
}

test("the office loads a plan from its Word file, corrects one task's deadline and lead unit, and sees it in the task table", async ({ page }) => {
  await page.goto("/plans/new");
  await page.getByLabel(/或上传文件/).setInputFiles({ name: "专项行动方案.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buffer: await planAsWordFile() });
  await page.getByRole("button", { name: "读取" }).click();

  const review = page.getByRole("region", { name: "工作要点信息" });
  await expect(review).toContainText("读出任务 2 项");
  const read = page.getByRole("region", { name: "读出的任务" });
  const first = read.getByRole("listitem", { name: /第1项/ });
  await expect(first).toContainText("牵头：市司法局");
  await expect(first).toContainText("期限：2026-09-30");
  await expect(read.getByRole("listitem", { name: /第2项/ })).toContainText("长期");

  // The lead unit was written wrongly: the 市场监管局 leads, the 司法局 only takes part; the deadline is brought forward.
  await read.getByRole("button", { name: "修改第1项任务" }).click();
  const edit = read.getByRole("group", { name: "第1项任务的修改" });
  await edit.getByLabel("完成期限").fill("2026-08-31");
  await edit.getByLabel("“市司法局”在第1项中的角色").selectOption({ label: "责任" });
  await edit.getByLabel("为第1项添加单位").fill("市场监管");
  await edit.getByRole("button", { name: /^市市场监管局/ }).click();
  await edit.getByLabel("“市市场监管局”在第1项中的角色").selectOption({ label: "牵头" });
  await expect(first).toContainText("牵头：市市场监管局；责任：市司法局、");
  await expect(first).toContainText("期限：2026-08-31（已修改）");
  await screenshot(page, "plan-review-docx");
  await page.getByRole("button", { name: "确认保存" }).click();

  await expect(page).toHaveURL(/\/tasks$/);
  const table = page.getByRole("table", { name: "工作要点任务表" });
  const task = table.getByRole("row", { name: /规范涉企行政处罚信息公示/ });
  await expect(task).toContainText("市市场监管局");
  await expect(task).toContainText("2026-08-31");
  await expect(table.getByRole("row", { name: /推进信用承诺履约回访/ })).toContainText("长期");
  await screenshot(page, "tasks-after-docx");
});
