import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { eq } from "drizzle-orm";
import iconv from "iconv-lite";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditLog, importBatches, sgsRecords } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { todayInChina } from "@/lib/dates";
import { buildUscc } from "@/lib/uscc";
import { write } from "@/lib/write";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import { makeCity, makeEntity, validCode, type TestCity } from "@/tests/support/factories";
import { importFileAction } from "./actions";
import { csvFile, rejectedRows } from "./files";
import { batchRows } from "./history";
import { importFile } from "./import-file";
import { OFFICE_VIEWER } from "@/tests/support/viewers";

let t: TestDb;
let city: TestCity;
let dir: string;
beforeEach(async () => {
  t = await createTestDb();
  city = await makeCity(t.db, ["城关区", "西山区"]);
  dir = mkdtempSync(join(tmpdir(), "credit-import-test-"));
});
afterEach(() => {
  t.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const office: Viewer = OFFICE_VIEWER;
const department = (id: number): Viewer => ({ ...office, userId: 2, username: "dept", role: "department", departmentId: id });
const AUTHORITY_CODE = buildUscc("1", "1", "339900", "MB000001");

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function load(path: string, viewer: Viewer = office, departmentId: number | null = city.departmentId) {
  return importFile(t.db, viewer, { dataset: "sgs-penalty", departmentId, via: "命令行", file: { path, fileName: path.split("/").at(-1)!, bytes: 1 } });
}

const HEADER = "处罚决定日期, 行政处罚决定书文号 ,行政相对人名称,行政相对人类别,行政相对人代码_1（统一社会信用代码）,法定代表人,违法行为类型,违法事实,处罚依据,处罚类别,处罚内容,罚款金额（万元）,处罚机关,处罚机关统一社会信用代码,数据来源单位,数据来源单位统一社会信用代码,导出时间";
const row = (doc: string, date: string, code: string, fine = "2000元", authority = "城关区市场监督管理局") =>
  `${date},${doc},某某商贸有限公司,法人及非法人组织,${code},张三,虚假宣传,发布虚假广告,《广告法》第五十五条,罚款,罚款${fine},${fine},${authority},${AUTHORITY_CODE},测试局,${AUTHORITY_CODE},2026-11-01 08:00`;

describe("importing a 行政处罚 file", () => {
  it("reads a GB18030 CSV with shuffled, full-width and padded headers; stores, places and checks every row", async () => {
    const body = await makeEntity(t.db, { districtId: city.districts[1]!.id, townId: city.districts[1]!.townIds[0]! });
    const path = file("pen.csv", iconv.encode([HEADER, row("测罚〔2026〕1号", "2026/10/8", body.uscc!), row("测罚〔2026〕2号", "2026年10月9日", "not-a-code", "0.5")].join("\r\n"), "gb18030"));
    const outcome = await load(path);
    expect(outcome).toMatchObject({ ok: true, read: 2, inserted: 2, updated: 0, unchanged: 0, rejected: 0, problems: 1 });
    const records = await t.db.select().from(sgsRecords).orderBy(sgsRecords.docNumber);
    expect(records.map((r) => [r.docNumber, r.decisionDate, r.fineAmountWan, r.districtId, r.townId, r.entityId, r.reportedDate])).toEqual([
      // In the register: the body's district and town, though the authority is 城关区's.
      ["测罚〔2026〕1号", "2026-10-08", 0.2, city.districts[1]!.id, city.districts[1]!.townIds[0]!, body.id, todayInChina()],
      // Not in the register, no division in the code: the deciding authority's district.
      ["测罚〔2026〕2号", "2026-10-09", 0.5, city.districts[0]!.id, null, null, todayInChina()],
    ]);
    expect(JSON.parse(records[1]!.failedRules!)).toContain("SUBJECT_CODE_INVALID");
    const [batch] = await t.db.select().from(importBatches);
    expect(JSON.parse(batch!.report)).toMatchObject({ unknown: ["导出时间"], read: { kind: "csv", encoding: "gb18030" } });
    const problems = await batchRows(t.db, batch!.id, "problem");
    expect(problems.map((p) => p.rowNumber)).toEqual([3]);
    expect(problems[0]!.reason).toContain("统一社会信用代码");
  });

  it("changes nothing when the same file comes again, and replaces a corrected row keeping its first reporting date", async () => {
    const code = validCode();
    const first = file("a.csv", [HEADER, row("测罚〔2026〕1号", "2026-10-08", code), row("测罚〔2026〕2号", "2026-10-08", code)].join("\n"));
    await load(first);
    expect(await load(first)).toMatchObject({ ok: true, read: 2, inserted: 0, updated: 0, unchanged: 2, rejected: 0 });
    // As if the records had first come on 9 October: a re-send keeps that date.
    await t.db.update(sgsRecords).set({ reportedDate: "2026-10-09", failedRules: null });
    expect(await load(first)).toMatchObject({ ok: true, updated: 2 });
    expect(await load(first)).toMatchObject({ ok: true, unchanged: 2 });
    const corrected = file("b.csv", [HEADER, row("测罚〔2026〕1号", "2026-10-08", code, "3000元"), row("测罚〔2026〕2号", "2026-10-08", code)].join("\n"));
    expect(await load(corrected)).toMatchObject({ ok: true, inserted: 0, updated: 1, unchanged: 1 });
    const records = await t.db.select().from(sgsRecords).orderBy(sgsRecords.docNumber);
    expect(records.map((r) => [r.fineAmountWan, r.reportedDate])).toEqual([[0.3, "2026-10-09"], [0.2, "2026-10-09"]]);
    // The same document number from another authority is another record.
    const other = file("c.csv", [HEADER, row("测罚〔2026〕1号", "2026-10-08", code, "2000元", "西山区综合行政执法局")].join("\n"));
    // (its code's division 339902 is no district of this test city, so the authority places it)
    expect(await load(other)).toMatchObject({ ok: true, inserted: 1 });
    expect((await t.db.select().from(sgsRecords)).at(-1)!.districtId).toBe(city.districts[1]!.id);
  });

  it("rejects only rows that cannot be stored, naming row, column and reason, and gives them back to fix", async () => {
    const code = validCode();
    const path = file("bad.csv", [HEADER, row("测罚〔2026〕1号", "2026-10-08", code), row("", "2026-10-08", code), row("测罚〔2026〕3号", "2026-02-30", code),
      row("=HYPERLINK(\"x\")", "", code)].join("\n"));
    const outcome = await load(path);
    expect(outcome).toMatchObject({ ok: true, read: 4, inserted: 1, rejected: 3 });
    const [batch] = await t.db.select().from(importBatches);
    const rejected = await batchRows(t.db, batch!.id, "rejected");
    expect(rejected.map((r) => [r.rowNumber, r.column, r.reason])).toEqual([
      [3, "行政处罚决定书文号", "行政处罚决定书文号为空，无法确定是哪一条记录"],
      [4, "处罚决定日期", "日期无效：2026-02-30，无法确定决定日期"],
      [5, "处罚决定日期", "处罚决定日期为空，无法确定决定日期"],
    ]);
    const table = rejectedRows(JSON.parse(batch!.report).header, rejected);
    expect(table[0]!.slice(0, 4)).toEqual(["错误原因", "原行号", "处罚决定日期", "行政处罚决定书文号"]);
    expect(table[3]![3]).toBe("=HYPERLINK(\"x\")");
    // Written out, the would-be formula is text.
    expect(csvFile(table).toString("utf8")).toContain("'=HYPERLINK");
  });

  it("reads the standard's column codes and the 2016 layout's names", async () => {
    const code = validCode();
    const path = file("codes.csv", [
      "CF_WSH,CF_XDR_MC,CF_XDR_LB,CF_XDR_SHXYM,法定代表人姓名,CF_WFXW,处罚事由,CF_YJ,处罚类别1,处罚类别2,处罚结果,CF_NR_FK,CF_JDRQ,CF_CFJG,CF_CFJGDM,地方编码",
      `测罚〔2026〕9号,某公司,法人及非法人组织,${code},李四,无证经营,事实,依据,警告,罚款,罚款一万元,1,20261008,城关区市场监督管理局,${AUTHORITY_CODE},339902`,
    ].join("\n"));
    expect(await load(path)).toMatchObject({ ok: true, inserted: 1, rejected: 0 });
    const [record] = await t.db.select().from(sgsRecords);
    expect(record).toMatchObject({ violationFacts: "事实", penaltyContent: "罚款一万元", penaltyKind: "警告;罚款", legalRepresentative: "李四", decisionDate: "2026-10-08", fineAmountWan: 1 });
    const [batch] = await t.db.select().from(importBatches);
    expect(JSON.parse(batch!.report).legacy).toEqual(expect.arrayContaining([{ from: "处罚事由", to: "违法事实" }, { from: "处罚结果", to: "处罚内容" }]));
    expect(JSON.parse(batch!.report).unknown).toEqual([]);
  });

  it("reads an xlsx with real date cells and numbers", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("处罚");
    sheet.addRow(["示范市行政处罚信息（2026年10月）"]);
    sheet.addRow(HEADER.split(","));
    const code = validCode();
    sheet.addRow([new Date(Date.UTC(2026, 9, 8)), "测罚〔2026〕5号", "某公司", "法人及非法人组织", code, "张三", "类型", "事实", "依据", "罚款", "罚款", 0.2, "城关区市场监督管理局", AUTHORITY_CODE, "测试局", AUTHORITY_CODE, ""]);
    const path = join(dir, "pen.xlsx");
    await workbook.xlsx.writeFile(path);
    expect(await load(path)).toMatchObject({ ok: true, read: 1, inserted: 1 });
    const [record] = await t.db.select().from(sgsRecords);
    expect(record).toMatchObject({ decisionDate: "2026-10-08", fineAmountWan: 0.2 });
    const [batch] = await t.db.select().from(importBatches);
    expect(JSON.parse(batch!.report)).toMatchObject({ headerRow: 2, read: { kind: "xlsx", sheet: "处罚" } });
  });

  it("refuses a file whose rows cannot be identified, stores nothing, and keeps the refusal in the history", async () => {
    const path = file("nokey.csv", "行政相对人名称,处罚机关,违法事实\n某公司,测试局,事实\n");
    const outcome = await load(path);
    expect(outcome).toMatchObject({ ok: false, status: 422 });
    expect(!outcome.ok && outcome.message).toContain("行政处罚决定书文号");
    expect(await t.db.select().from(sgsRecords)).toHaveLength(0);
    const batches = await t.db.select().from(importBatches);
    expect(batches.map((b) => [b.status, b.inserted])).toEqual([["refused", 0]]);
    // A 处罚 file sent as 许可: the refusal names the right dataset.
    const mixed = await importFile(t.db, office, { dataset: "sgs-license", departmentId: city.departmentId, via: "网页", file: { path: file("m.csv", [HEADER, row("测罚〔2026〕1号", "2026-10-08", validCode())].join("\n")), fileName: "m.csv", bytes: 1 } });
    expect(!mixed.ok && mixed.message).toContain("请选择“双公示·行政处罚”");
    const pdf = await load(file("x.csv", "%PDF-1.7\n..."));
    expect(pdf).toMatchObject({ ok: false, status: 422 });
    expect(!pdf.ok && pdf.message).toMatch(/PDF/);
  });

  it("lets a department import only as itself; a leader not at all", async () => {
    const path = file("d.csv", [HEADER, row("测罚〔2026〕1号", "2026-10-08", validCode())].join("\n"));
    const other = await load(path, department(city.departmentId + 100), city.departmentId);
    expect(other).toMatchObject({ ok: false, status: 403 });
    expect(await t.db.select().from(importBatches)).toHaveLength(0);
    const own = await load(path, department(city.departmentId), null);
    expect(own).toMatchObject({ ok: true, inserted: 1 });
    expect((await t.db.select().from(sgsRecords))[0]!.departmentId).toBe(city.departmentId);
    const leader = await write(t.db, { ...office, role: "leader" }, importFileAction, { dataset: "sgs-penalty", departmentId: city.departmentId, fileName: "d.csv", path, bytes: 1, via: "网页" });
    expect(leader).toMatchObject({ ok: false, status: 403 });
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, "import.file"));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.summary).toContain("新增1");
  });

  it("rejects a record it cannot place in any district, and stores the rest", async () => {
    const path = file("p.csv", [HEADER,
      row("测罚〔2026〕1号", "2026-10-08", "91110000MA0000000X", "1", "北京市某局"),
      row("测罚〔2026〕2号", "2026-10-08", "91110000MA0000000X", "1", "城关区市场监督管理局"),
    ].join("\n"));
    const outcome = await load(path);
    expect(outcome).toMatchObject({ ok: true, inserted: 1, rejected: 1 });
    const [batch] = await t.db.select().from(importBatches);
    const rejected = await batchRows(t.db, batch!.id, "rejected");
    expect(rejected.map((r) => [r.rowNumber, r.reason.slice(0, 8)])).toEqual([[2, "无法确定所属区县"]]);
    expect((await t.db.select().from(sgsRecords))[0]!.districtId).toBe(city.districts[0]!.id);
  });
});

describe("a batch is all or nothing", () => {
  it("leaves the store exactly as it was when the importing process is killed midway", async () => {
    const { spawn } = await import("node:child_process");
    const { writePenaltyFile } = await import("@/scripts/bench-import/generate");
    const path = join(dir, "big.csv");
    await writePenaltyFile({ path, rows: 60_000, badShare: 0.01, codes: [validCode()], months: ["2026-10"] });
    const before = (await t.db.select().from(sgsRecords)).length;
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/import.ts", "sgs-penalty", path, "--department", "测试局"], {
      env: { ...process.env, DATABASE_URL: t.url }, stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c));
    child.stderr.on("data", (c: Buffer) => (out += c));
    // Killed once it is storing rows: the batch's own row exists only inside its open transaction.
    await new Promise((r) => setTimeout(r, 4_000));
    const exited = child.exitCode !== null;
    child.kill("SIGKILL");
    await new Promise((r) => child.once("close", r));
    expect(exited, `the import finished before it could be killed: ${out}`).toBe(false);
    expect((await t.db.select().from(sgsRecords)).length).toBe(before);
    expect(await t.db.select().from(importBatches)).toHaveLength(0);
  }, 60_000);

  it("stores two files sent at the same time, one after the other", async () => {
    const code = validCode();
    const a = file("a.csv", [HEADER, row("测罚〔2026〕1号", "2026-10-08", code)].join("\n"));
    const b = file("b.csv", [HEADER, row("测罚〔2026〕2号", "2026-10-08", code)].join("\n"));
    const [ra, rb] = await Promise.all([load(a), load(b)]);
    expect([ra, rb]).toMatchObject([{ ok: true, inserted: 1 }, { ok: true, inserted: 1 }]);
    expect(await t.db.select().from(sgsRecords)).toHaveLength(2);
  });
});

describe("the templates", () => {
  it("import as they are downloaded: the example row is skipped, a row added below it is stored", async () => {
    const { templateCsv, templateXlsx } = await import("./files");
    const { SGS_PENALTY_LAYOUT } = await import("./layouts/sgs");
    const xlsx = join(dir, "template.xlsx");
    writeFileSync(xlsx, await templateXlsx(SGS_PENALTY_LAYOUT));
    const untouched = await load(xlsx);
    expect(!untouched.ok && untouched.message).toBe("文件只有表头，没有数据行");
    const csv = templateCsv(SGS_PENALTY_LAYOUT).toString("utf8").trimEnd().split("\r\n");
    const filled = [...csv, csv[1]!.replace("示市监处罚〔2026〕12号", "测罚〔2026〕77号").replace("示范市市场监督管理局", "城关区市场监督管理局")].join("\r\n");
    expect(await load(file("filled.csv", filled))).toMatchObject({ ok: true, read: 1, inserted: 1 });
  });
});

describe("records of other departments", () => {
  it("are neither changed nor taken over by another department's batch", async () => {
    const code = validCode();
    const [other] = await t.db.insert((await import("@/db/schema")).departments).values({ code: "transport", name: "市交通运输局", shortName: "市交通局" }).returning();
    const file1 = file("a.csv", [HEADER, row("测罚〔2026〕1号", "2026-10-08", code)].join("\n"));
    expect(await load(file1)).toMatchObject({ ok: true, inserted: 1 });
    const changed = file("b.csv", [HEADER, row("测罚〔2026〕1号", "2026-10-08", code, "9000元")].join("\n"));
    const outcome = await load(changed, department(other!.id), null);
    expect(outcome).toMatchObject({ ok: true, inserted: 0, updated: 0, rejected: 1 });
    expect((await t.db.select().from(sgsRecords))[0]).toMatchObject({ departmentId: city.departmentId, fineAmountWan: 0.2 });
    expect(await load(changed, office, other!.id)).toMatchObject({ ok: true, updated: 0, rejected: 1 });
  });
});

describe("the 数据来源单位 of a row", () => {
  it("rejects a row plainly from another department, and keeps rows from the batch's own, its district bureaus and forwarding units", async () => {
    const { departments, departmentAliases } = await import("@/db/schema");
    const [transport] = await t.db.insert(departments).values({ code: "transport", name: "市交通运输局", shortName: "市交通局" }).returning();
    await t.db.insert(departmentAliases).values({ alias: "示范市港航管理中心", departmentId: transport!.id });
    const own = (await t.db.select().from(departments).where(eq(departments.id, city.departmentId)))[0]!;
    const from = (doc: string, source: string) => row(doc, "2026-10-08", validCode()).replace(",测试局,", `,${source},`);
    const path = file("sources.csv", [HEADER,
      from("测罚〔2026〕11号", "示范市交通运输局"),
      from("测罚〔2026〕12号", "示范市港航管理中心"),
      from("测罚〔2026〕13号", own.name),
      from("测罚〔2026〕14号", "示范市社会信用体系建设领导小组办公室"),
      from("测罚〔2026〕15号", "示范市大数据管理局"),
      from("测罚〔2026〕16号", "某某协会"),
    ].join("\n"));
    const outcome = await load(path, department(city.departmentId), null);
    expect(outcome).toMatchObject({ ok: true, inserted: 4, rejected: 2 });
    const rejected = (await batchRows(t.db, (outcome as { batch: number }).batch, "rejected")).map((r) => [r.rowNumber, r.column, r.reason]);
    expect(rejected).toEqual([
      [2, "数据来源单位", expect.stringContaining("是市交通运输局，不是本批次的部门")],
      [3, "数据来源单位", expect.stringContaining("示范市港航管理中心")],
    ]);
  });
});
