import { writeFileSync } from "node:fs";
import { authStateFile } from "../auth-state";
import { lookUpIds, openStore } from "../access/store";
import { screenshot } from "../support";
import { openItemFromDrilldown } from "./open-item";
import { expect, test } from "../access/page-test";
import { buildUscc } from "@/lib/uscc";

const KIND_LABELS: Record<string, string> = { enterprise: "企业", individual_business: "个体工商户", public_body: "机关事业单位", social_org: "社会组织" };

// The whole loop: the office hands a district's invalid and shared codes to 市市场监管局; the department marks them,
// reports with an attachment and submits; the office accepts; the corrected register is imported, and after the
// computation the item shows the value at opening and now, every code fixed, and 整改有效.
test("a 重错码率 item is rectified by a corrected register file and judged 整改有效", async ({ browser }, testInfo) => {
  const ids = await lookUpIds();
  const store = openStore();
  // The district with the fewest problem codes that has any: its whole list fits one small register file.
  const [district] = (await store.execute({
    sql: `SELECT u.id, u.name, v.numerator FROM indicator_values v JOIN org_units u ON u.id = v.org_unit_id
      WHERE v.indicator_code = 'uscc_error_rate' AND v.month = ? AND u.level = 'district' AND v.numerator > 0 ORDER BY v.numerator LIMIT 1`,
    args: [ids.latestMonth],
  })).rows;
  expect(district, "示范市应有重错码的区县").toBeTruthy();

  const { office, page } = await openItemFromDrilldown(browser, { indicatorCode: "uscc_error_rate", month: ids.latestMonth, unitId: Number(district!.id), department: ids.samr.shortName });
  const itemUrl = new URL(page.url()).pathname;
  const itemId = Number(itemUrl.split("/").at(-1));
  await expect(page.getByRole("region", { name: "事项" })).toContainText("待数据更新");

  // The department's register, corrected: every attached body under its name and founding date with a valid code of its own.
  const attached = (await store.execute({
    sql: `SELECT e.name, e.kind, e.registered_on, e.state_owned, t.name AS town FROM supervision_records r
      JOIN entities e ON e.id = json_extract(r.data, '$.id') LEFT JOIN org_units t ON t.id = e.town_id WHERE r.item_id = ?`,
    args: [itemId],
  })).rows;
  expect(attached.length).toBeGreaterThan(0);
  const run = Date.now() % 100_000;
  const lines = ["统一社会信用代码,主体名称,主体类型,所属区县,乡镇街道,成立日期,是否国有", ...attached.map((e, i) =>
    [buildUscc("9", "1", "339900", `E${String(run).padStart(5, "0")}${String(i).padStart(2, "0")}`), e.name, KIND_LABELS[String(e.kind)], district!.name, e.town ?? "", e.registered_on, Number(e.state_owned) ? "是" : "否"].join(","))];
  const file = testInfo.outputPath("register.csv");
  writeFileSync(file, `\ufeff${lines.join("\r\n")}`);

  // The department acknowledges, marks every code corrected, reports with its report attached, and submits.
  const dept = await browser.newContext({ storageState: authStateFile("samr") });
  const dpage = await dept.newPage();
  await dpage.goto(itemUrl);
  await dpage.getByRole("form", { name: "签收" }).getByRole("button", { name: "签收" }).click();
  await expect(dpage.getByRole("region", { name: "事项" })).toContainText("整改中");
  for (let n = 1; n <= Math.min(attached.length, 5); n++) {
    const mark = dpage.getByRole("form", { name: `标记第${n}条` });
    await mark.getByLabel(`第${n}条的整改情况`).selectOption("fixed");
    await mark.getByRole("button", { name: "保存" }).click();
    await expect(mark.getByRole("status")).toContainText("已标记");
  }
  const attach = dpage.getByRole("form", { name: "上传整改附件" });
  await attach.getByLabel(/附件/).setInputFiles({ name: "代码更正说明.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n") });
  await attach.getByRole("button", { name: "上传" }).click();
  await expect(attach.getByRole("status")).toContainText("已上传");
  const feedback = dpage.getByRole("form", { name: "整改反馈" });
  await feedback.getByLabel("整改情况").fill("已在登记系统中更正全部错误代码，更正后的名录已导入。");
  await feedback.getByRole("button", { name: "提交整改反馈" }).click();
  await expect(dpage.getByRole("region", { name: "事项" })).toContainText("已提交反馈");

  // The office accepts it.
  await page.goto(itemUrl);
  await page.getByRole("form", { name: "审核整改反馈" }).getByRole("button", { name: "办结销号" }).click();
  await expect(page.getByRole("region", { name: "事项" })).toContainText("已办结");

  // The corrected register comes in as the department's own file; the computation after it judges the item.
  await dpage.goto("/data");
  const upload = dpage.getByRole("form", { name: "导入数据" });
  await upload.getByLabel("数据集").selectOption({ label: "市场主体名录" });
  await upload.getByLabel(/文件/).setInputFiles(file);
  await upload.getByRole("button", { name: "开始导入" }).click();
  await expect(upload.getByRole("status")).toContainText(`读取 ${attached.length} 行`, { timeout: 60_000 });
  await expect(upload.getByRole("status")).toContainText(`更新 ${attached.length}`);

  await dpage.goto(itemUrl);
  const facts = dpage.getByRole("region", { name: "事项" });
  await expect(facts).toContainText(`所附 ${attached.length} 条中 ${attached.length} 条已在数据中更正`);
  await expect(facts).toContainText("整改有效");
  await expect(facts).toContainText("开具时的值");
  await expect(facts).toContainText("已办结");
  await expect(dpage.getByRole("region", { name: /所附记录/ }).getByRole("cell", { name: /^已更正（\d{4}-\d{2}数据）$/ })).toHaveCount(Math.min(attached.length, 100));
  await screenshot(dpage, "supervision-rectified");
  await Promise.all([office.close(), dept.close()]);
  store.close();
});
