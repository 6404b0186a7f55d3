import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { authStateFile } from "../auth-state";
import { lookUpIds } from "../access/store";
import { screenshot } from "../support";
import { expect, test } from "../access/page-test";
import { buildUscc } from "@/lib/uscc";

// A department loads its own 行政处罚 file on 数据, sees its bad rows named, downloads them, fixes them,
// sends them again, and finds its non-compliant record on its own page.
test.use({ storageState: authStateFile("samr") });

const HEADER = ["行政相对人名称", "行政相对人类别", "行政相对人代码_1（统一社会信用代码）", "法定代表人", "行政处罚决定书文号", "违法行为类型", "违法事实", "处罚依据", "处罚类别", "处罚内容", "罚款金额（万元）", "处罚决定日期", "处罚机关", "处罚机关统一社会信用代码", "数据来源单位"];

test("a department uploads a file with bad rows, fixes the rejected ones and sees its records on its page", async ({ page }, testInfo) => {
  const ids = await lookUpIds();
  const run = Date.now() % 1_000_000;
  const day = `${ids.latestMonth}-12`;
  const doc = (n: number) => `示市监罚〔${run}〕${n}号`;
  const line = (n: number, date: string, authorityCode = buildUscc("1", "1", "339900", "MB000001")) =>
    [`导入测试${n}有限公司`, "法人及非法人组织", "", "张三", n === 3 ? "" : doc(n), "虚假宣传", "发布虚假广告", "《广告法》第五十五条", "罚款", "罚款2000元", "2000元", date, "城关区市场监督管理局", authorityCode, "示范市市场监督管理局"];
  // Rows 2 and 3 fine, except row 3's code is missing (stored, listed as a problem); row 4 has no document number, row 5 an impossible date.
  const rows = [HEADER, line(1, day), line(2, day, ""), line(3, day), line(4, `${ids.latestMonth}-32`)];
  const csv = testInfo.outputPath("penalties.csv");
  writeFileSync(csv, `\ufeff${rows.map((r) => r.join(",")).join("\r\n")}`);

  await page.goto("/data");
  await expect(page.getByRole("heading", { level: 1, name: "数据" })).toBeVisible();
  const form = page.getByRole("form", { name: "导入数据" });
  await form.getByLabel("数据集").selectOption({ label: "双公示·行政处罚" });
  await expect(form).toContainText(`所属部门：${ids.samr.shortName}`);
  await form.getByLabel(/文件/).setInputFiles(csv);
  await form.getByRole("button", { name: "开始导入" }).click();
  const result = form.getByRole("status");
  await expect(result).toContainText("读取 4 行，新增 2", { timeout: 30_000 });
  await expect(result).toContainText("拒收 2");
  await expect(result).toContainText("有问题");
  await screenshot(page, "data-import-summary");

  await result.getByRole("link", { name: "查看明细" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /导入批次/ })).toBeVisible();
  const rejected = page.getByRole("region", { name: /拒收的行/ });
  await expect(rejected.getByRole("row", { name: /^4 / })).toContainText("行政处罚决定书文号为空");
  await expect(rejected.getByRole("row", { name: /^5 / })).toContainText("日期无效");
  await screenshot(page, "data-import-batch");

  const download = page.waitForEvent("download");
  await rejected.getByRole("link", { name: "下载 CSV" }).click();
  const file = join(testInfo.outputDir, "rejected.csv");
  await (await download).saveAs(file);
  const back = parse(readFileSync(file, "utf8").replace(/^\ufeff/, ""), { relaxColumnCount: true }) as string[][];
  expect(back[0]!.slice(0, 3)).toEqual(["错误原因", "原行号", HEADER[0]]);
  expect(back.slice(1).map((r) => r[1])).toEqual(["4", "5"]);
  // Fixed as a person would: drop the reason columns, fill the number, correct the date.
  const fixed = back.slice(1).map((r) => r.slice(2));
  fixed[0]![HEADER.indexOf("行政处罚决定书文号")] = doc(3);
  fixed[1]![HEADER.indexOf("处罚决定日期")] = day;
  const again = testInfo.outputPath("penalties-fixed.csv");
  writeFileSync(again, [back[0]!.slice(2), ...fixed].map((r) => r.join(",")).join("\n"));

  await page.goto("/data");
  await page.getByRole("form", { name: "导入数据" }).getByLabel("数据集").selectOption({ label: "双公示·行政处罚" });
  await page.getByRole("form", { name: "导入数据" }).getByLabel(/文件/).setInputFiles(again);
  await page.getByRole("form", { name: "导入数据" }).getByRole("button", { name: "开始导入" }).click();
  await expect(page.getByRole("form", { name: "导入数据" }).getByRole("status")).toContainText("读取 2 行，新增 2", { timeout: 30_000 });
  await expect(page.getByRole("region", { name: /导入记录/ })).toContainText("penalties-fixed.csv");

  // The record with the missing authority code is now one of the department's records to fix.
  await page.goto(`/departments/${ids.samr.id}?month=${ids.latestMonth}`);
  await expect(page.getByRole("region", { name: /需整改的双公示记录/ })).toContainText(doc(2));
  await screenshot(page, "data-import-department-page");
});

test("another department's batch is refused, and a 领导 cannot upload", async ({ page, playwright, baseURL }) => {
  const office = await playwright.request.newContext({ baseURL, storageState: authStateFile("office") });
  const csv = `${HEADER.join(",")}\n某公司,法人及非法人组织,,张三,示罚〔1〕1号,类型,事实,依据,警告,警告,,2026-10-08,城关区市场监督管理局,,来源`;
  const ids = await lookUpIds();
  const byOffice = await office.post(`/api/v1/imports/sgs-penalty?department=${ids.tax.id}`, { data: csv, headers: { "x-file-name": "tax.csv", "content-type": "text/csv" } });
  expect(byOffice.status()).toBe(200);
  const { batch } = await byOffice.json() as { batch: number };
  await office.dispose();
  // samr may not see 市税务局's batch, nor its rejected rows.
  expect((await page.goto(`/data/batches/${batch}`))!.status()).toBe(403);
  expect((await page.request.get(`/data/batches/${batch}/rejected`)).status()).toBe(403);
  // Nor import as 市税务局.
  const asTax = await page.request.post(`/api/v1/imports/sgs-penalty?department=${ids.tax.id}`, { data: csv, headers: { "x-file-name": "x.csv", "content-type": "text/csv", origin: baseURL! } });
  expect(asTax.status()).toBe(403);
  expect(await asTax.text()).toContain("本部门");
  const leader = await playwright.request.newContext({ baseURL, storageState: authStateFile("leader") });
  expect((await leader.post("/api/v1/imports/sgs-penalty", { data: csv, headers: { origin: baseURL! } })).status()).toBe(403);
  await leader.dispose();
});

test("a department files its monthly 双公示情况表 on screen, and figures that do not add up are refused", async ({ page }) => {
  await page.goto("/data");
  const form = page.getByRole("form", { name: "填报双公示情况表" });
  await form.getByLabel("月份").fill("2026-09");
  await form.getByLabel("行政许可作出决定数").fill("40");
  await form.getByLabel("行政许可已上报数").fill("38");
  await form.getByLabel("行政许可未上报数").fill("1");
  await form.getByLabel("行政处罚作出决定数").fill("12");
  await form.getByLabel("行政处罚已上报数").fill("12");
  await form.getByRole("button", { name: "保存情况表" }).click();
  await expect(form.getByRole("alert").first()).toContainText("不等于作出决定数");
  await form.getByLabel("行政许可未上报数").fill("2");
  await form.getByLabel("行政许可未上报的法定依据").fill("涉及个人隐私，依法不予公示");
  await form.getByRole("button", { name: "保存情况表" }).click();
  await expect(form.getByRole("status")).toContainText("已保存");
  await screenshot(page, "data-monthly-form");
});
