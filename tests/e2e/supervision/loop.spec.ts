import { authStateFile } from "../auth-state";
import { lookUpIds } from "../access/store";
import { screenshot } from "../support";
import { expect, test } from "../access/page-test";

// The office turns a red warning into a 督办 item for 市市场监管局; the department acknowledges it, marks a
// record, reports its rectification; the office closes it.
test("a red warning becomes a department's 督办 item and comes back closed", async ({ browser }) => {
  const ids = await lookUpIds();
  const office = await browser.newContext({ storageState: authStateFile("office") });
  const page = await office.newPage();
  await page.goto("/");
  const red = page.getByRole("region", { name: /红色预警/ });
  await red.getByRole("link", { name: /^督办/ }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: /开具督办/ })).toBeVisible();
  const form = page.getByRole("form", { name: "开具督办事项" });
  await form.getByRole("checkbox", { name: ids.samr.shortName }).check();
  await form.getByLabel("督办要求").fill("请逐条核实所附记录并更正");
  await form.getByRole("button", { name: "开具督办" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /督办事项 #\d+/ })).toBeVisible();
  const itemUrl = new URL(page.url()).pathname;
  await expect(page.getByRole("region", { name: "事项" })).toContainText("待签收");
  await screenshot(page, "supervision-opened");

  const dept = await browser.newContext({ storageState: authStateFile("samr") });
  const dpage = await dept.newPage();
  await dpage.goto(`/departments/${ids.samr.id}`);
  await expect(dpage.getByRole("region", { name: /本部门的督办事项/ }).getByRole("link", { name: `#${itemUrl.split("/").at(-1)}`, exact: true })).toBeVisible();
  await dpage.goto(itemUrl);
  const download = await dpage.request.get(`${itemUrl}/records`);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toContain("spreadsheetml");
  await dpage.getByRole("form", { name: "签收" }).getByRole("button", { name: "签收" }).click();
  await expect(dpage.getByRole("region", { name: "事项" })).toContainText("整改中");
  // The department finds a record by part of its code.
  const firstCode = await dpage.getByRole("region", { name: /所附记录/ }).getByRole("row").nth(1).getByRole("cell").nth(1).textContent();
  if (firstCode && firstCode.trim().length > 4) {
    await dpage.getByRole("search", { name: "查找所附记录" }).getByRole("textbox").fill(firstCode.trim().slice(0, 6));
    await dpage.getByRole("search", { name: "查找所附记录" }).getByRole("button", { name: "查找" }).click();
    await expect(dpage.getByRole("region", { name: /所附记录/ })).toContainText("找到");
    await dpage.goto(itemUrl);
  }
  const firstMark = dpage.getByRole("form", { name: "标记第1条" });
  if (await firstMark.count()) {
    await firstMark.getByLabel("第1条的整改情况").selectOption("unfixable");
    await firstMark.getByRole("button", { name: "保存" }).click();
    await expect(firstMark.getByRole("alert")).toContainText("请说明原因");
    await firstMark.getByLabel("第1条的说明").fill("主体已注销，无法更正");
    await firstMark.getByRole("button", { name: "保存" }).click();
    await expect(firstMark.getByRole("status")).toContainText("已标记");
  }
  // The rectification report goes with the feedback as a PDF; a page that is not one is refused.
  const attach = dpage.getByRole("form", { name: "上传整改附件" });
  await attach.getByLabel(/附件/).setInputFiles({ name: "伪装.pdf", mimeType: "application/pdf", buffer: Buffer.from("<html><script>alert(1)</script></html>") });
  await attach.getByRole("button", { name: "上传" }).click();
  await expect(attach.getByRole("alert").first()).toContainText("只能上传 PDF 或图片");
  await attach.getByLabel(/附件/).setInputFiles({ name: "整改报告.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n") });
  await attach.getByRole("button", { name: "上传" }).click();
  await expect(attach.getByRole("status")).toContainText("已上传");
  const report = dpage.getByRole("link", { name: "整改报告.pdf" });
  await expect(report).toBeVisible();
  const attachmentUrl = (await report.getAttribute("href"))!;
  const feedback = dpage.getByRole("form", { name: "整改反馈" });
  await feedback.getByLabel("整改情况").fill("已逐条核实，更正可更正的记录；无法更正的已注明原因。");
  await feedback.getByRole("button", { name: "提交整改反馈" }).click();
  await expect(dpage.getByRole("region", { name: "事项" })).toContainText("已提交反馈");
  await screenshot(dpage, "supervision-submitted");

  // Another department sees neither the item nor a way to act on it.
  const tax = await browser.newContext({ storageState: authStateFile("tax") });
  expect((await (await tax.newPage()).goto(itemUrl))!.status()).toBe(403);
  expect((await tax.request.get(`${itemUrl}/records`)).status()).toBe(403);
  expect((await tax.request.get(attachmentUrl)).status()).toBe(403);
  const pdf = await office.request.get(attachmentUrl);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect(pdf.headers()["content-disposition"]).toContain(encodeURIComponent("整改报告.pdf"));

  await page.goto(itemUrl);
  await page.getByRole("form", { name: "审核整改反馈" }).getByRole("button", { name: "办结销号" }).click();
  await expect(page.getByRole("region", { name: "事项" })).toContainText("已办结");
  await page.goto("/supervision");
  await expect(page.getByRole("heading", { level: 1, name: "督办" })).toBeVisible();
  await screenshot(page, "supervision-list");
  await Promise.all([office.close(), dept.close(), tax.close()]);
});
