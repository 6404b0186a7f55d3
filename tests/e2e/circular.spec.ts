import { readFile } from "node:fs/promises";
import { Document, Packer, Paragraph } from "docx";
import { test, expect, screenshot } from "./support";

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

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
  await expect(page.getByRole("heading", { name: /^[一二三四五六七八九]、下月工作要求$/ })).toBeVisible();
  // The charts are drawn from the screens' options; the long tables are numbered 附件 after the 落款; the 版记 closes it.
  await expect(page.getByRole("img", { name: /各区县综合得分排名条形图/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /综合得分近12个月走势折线图/ })).toBeVisible();
  await expect(page.getByText(/^附件：1．各区县综合得分排名$/)).toBeVisible();
  await expect(page.getByRole("region", { name: "附件1" }).getByRole("table", { name: /各区县综合得分排名/ }).locator("tbody tr")).toHaveCount(10);
  await expect(page.getByText(/^抄送：/)).toBeVisible();
  await expect(page.getByText(/\d{4}年\d{1,2}月\d{1,2}日印发$/)).toBeVisible();
  await screenshot(page, "circular-print");

  await page.goto("/circulars");
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("region", { name: "草稿" }).getByRole("row").nth(1).getByRole("button", { name: "印发" }).click();
  const issued = page.getByRole("region", { name: /已印发/ });
  await expect(issued).toContainText(/信用办〔\d{4}〕1号/, { timeout: 30_000 });
  await expect(issued).toContainText(`关于${monthLabel}全市社会信用体系建设监测情况的通报`);
  await screenshot(page, "circulars");
});

test("the office uploads its edited final copy to an issued circular and downloads exactly that file", async ({ page }) => {
  await page.goto("/circulars");
  const issued = page.getByRole("region", { name: /已印发/ });
  // The journey above issued one; run alone, this issues the latest draft first.
  if ((await issued.getByRole("button", { name: /上传定稿/ }).count()) === 0) {
    page.once("dialog", (dialog) => dialog.accept());
    await page.getByRole("region", { name: "草稿" }).getByRole("row").nth(1).getByRole("button", { name: "印发" }).click();
    await expect(issued.getByRole("button", { name: /上传定稿/ }).first()).toBeVisible();
  }
  const first = issued.getByRole("listitem").filter({ has: page.getByRole("button", { name: /上传定稿/ }) }).first();
  const documentNumber = (await first.textContent())!.match(/[^\s（]+〔\d{4}〕\d+号/)![0];
  // Found by its number from here on: the 上传定稿 button gives way to the form once pressed.
  const entry = issued.getByRole("listitem").filter({ hasText: documentNumber });
  await expect(entry).toContainText("Word 为系统生成");

  // A PDF named .docx is refused beside the field, in Chinese.
  await entry.getByRole("button", { name: "上传定稿" }).click();
  const field = entry.getByLabel(`${documentNumber}的定稿（.docx，不超过4MB）`);
  await field.setInputFiles({ name: "定稿.docx", mimeType: DOCX_TYPE, buffer: Buffer.from("%PDF-1.7\n%%EOF\n") });
  await entry.getByRole("button", { name: "上传", exact: true }).click();
  await expect(entry.getByRole("alert")).toContainText("这是 PDF 文件");

  // The office's own Word file, with the number typed in, becomes the issued copy.
  const final = Buffer.from(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph(`${documentNumber} 信用办定稿`)] }] })));
  await field.setInputFiles({ name: "通报定稿.docx", mimeType: DOCX_TYPE, buffer: final });
  await entry.getByRole("button", { name: "上传", exact: true }).click();
  await expect(entry.getByRole("status")).toContainText(`已上传：${documentNumber}`);
  await expect(entry).toContainText(/Word 为信用办定稿（上传于\d{4}-\d{2}-\d{2} \d{2}:\d{2}，上传人/);

  const word = page.waitForEvent("download");
  await entry.getByRole("link", { name: "Word", exact: true }).click();
  const downloaded = await word;
  expect(downloaded.suggestedFilename()).toMatch(/通报\.docx$/);
  expect((await readFile(await downloaded.path())).equals(final)).toBe(true);

  // The generated file is kept and still downloads.
  const generated = page.waitForEvent("download");
  await entry.getByRole("link", { name: "系统生成稿" }).click();
  const generatedFile = await generated;
  expect(generatedFile.suggestedFilename()).toMatch(/（系统生成稿）\.docx$/);
  expect((await readFile(await generatedFile.path())).equals(final)).toBe(false);
  await screenshot(page, "circulars-final-copy");
});
