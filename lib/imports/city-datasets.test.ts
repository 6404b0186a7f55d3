import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eq, inArray } from "drizzle-orm";
import { blacklistEntries, decisionCounts, entities, sgsMonthlyReports, govDefaultCases, importBatches, nationalRanks, taxRatings, xydEnrolments, xydLoans } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { fillSgsMonthly } from "@/lib/sgs/monthly-action";
import { write } from "@/lib/write";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import { makeCity, makeEntity, validCode, type TestCity } from "@/tests/support/factories";
import { batchRows } from "./history";
import { importFile } from "./import-file";
import { OFFICE_VIEWER } from "@/tests/support/viewers";

let t: TestDb;
let city: TestCity;
let dir: string;
beforeEach(async () => {
  t = await createTestDb();
  city = await makeCity(t.db, ["城关区"]);
  dir = mkdtempSync(join(tmpdir(), "credit-import-city-"));
});
afterEach(() => {
  t.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const office: Viewer = OFFICE_VIEWER;
const department = (id: number): Viewer => ({ ...office, userId: 2, username: "dept", role: "department", departmentId: id });

/** Imports a file as the given viewer (the office by default). */
async function load(dataset: string, content: string, viewer: Viewer = office, departmentId: number | null = city.departmentId) {
  const path = join(dir, `${dataset}-${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(path, content);
  return importFile(t.db, viewer, { dataset, departmentId, via: "命令行", file: { path, fileName: "f.csv", bytes: content.length } });
}
const lastBatch = async () => (await t.db.select().from(importBatches)).at(-1)!;

describe("纳税信用等级", () => {
  it("stores one grade per body and year, corrects it when sent again, and rejects codes outside the register", async () => {
    const body = await makeEntity(t.db, { districtId: city.districts[0]!.id });
    const file = (grade: string) => `纳税人识别号,纳税人名称,评价年度,纳税信用级别\n${body.uscc},某公司,2025,${grade}\n91339902MA0000000X,外地公司,2025,A\n${body.uscc},某公司,2025年,A\n${body.uscc},某公司,2024,Z`;
    expect(await load("tax-ratings", file("A级"))).toMatchObject({ ok: true, read: 4, inserted: 1, rejected: 3 });
    const rejected = await batchRows(t.db, (await lastBatch()).id, "rejected");
    expect(rejected.map((r) => [r.rowNumber, r.reason])).toEqual([
      [3, "统一社会信用代码“91339902MA0000000X”不在本市主体名录中"],
      [4, "不是整数：2025年，无法确定评价年度"],
      [5, "信用级别应为 A、B、M、C 或 D，实为“Z”"],
    ]);
    expect(await t.db.select({ grade: taxRatings.grade, year: taxRatings.ratingYear, on: taxRatings.publishedOn }).from(taxRatings)).toEqual([{ grade: "A", year: 2025, on: "2026-04-01" }]);
    expect(await load("tax-ratings", file("A"))).toMatchObject({ ok: true, inserted: 0, unchanged: 1 });
    expect(await load("tax-ratings", file("B"))).toMatchObject({ ok: true, updated: 1 });
    expect((await t.db.select().from(taxRatings))[0]!.grade).toBe("B");
  });
});

describe("信易贷", () => {
  it("keeps one enrolment per body, adding its verification later; the same loan twice is one loan", async () => {
    const body = await makeEntity(t.db, { districtId: city.districts[0]!.id });
    expect(await load("xyd-enrolments", `统一社会信用代码,注册日期\n${body.uscc},2026/3/15`)).toMatchObject({ ok: true, inserted: 1 });
    expect(await load("xyd-enrolments", `统一社会信用代码,注册日期,实名认证日期\n${body.uscc},2026-03-15,2026年3月20日`)).toMatchObject({ ok: true, updated: 1 });
    expect(await t.db.select({ e: xydEnrolments.enrolledOn, v: xydEnrolments.verifiedOn }).from(xydEnrolments)).toEqual([{ e: "2026-03-15", v: "2026-03-20" }]);
    const early = await load("xyd-enrolments", `统一社会信用代码,注册日期,认证日期\n${body.uscc},2026-03-15,2026-03-01`);
    expect(early).toMatchObject({ ok: true, rejected: 1 });
    const loans = `统一社会信用代码,放款日期,放款金额,放款机构\n${body.uscc},2026-10-12,100,农商银行\n${body.uscc},2026-10-12,100万元,农商银行\n${body.uscc},2026-10-13,0,农商银行`;
    expect(await load("xyd-loans", loans)).toMatchObject({ ok: true, read: 3, inserted: 1, unchanged: 1, rejected: 1 });
    expect(await load("xyd-loans", loans)).toMatchObject({ ok: true, inserted: 0, unchanged: 2 });
    expect(await t.db.select({ a: xydLoans.amountWan }).from(xydLoans)).toEqual([{ a: 100 }]);
  });
});

describe("全国城市信用监测排名", () => {
  it("is the office's to send, month by month, and a department may not", async () => {
    const csv = "月份,排名,参评城市数,综合得分\n2026年10月,101,261,85.6分\n2026-09,300,261,\n202608,99,261,84";
    expect(await load("national-rank", csv, department(city.departmentId), null)).toMatchObject({ ok: false, status: 403 });
    expect(await load("national-rank", csv, office, null)).toMatchObject({ ok: true, read: 3, inserted: 2, rejected: 1 });
    expect(await t.db.select().from(nationalRanks).orderBy(nationalRanks.month)).toEqual([
      { month: "2026-08", rank: 99, totalCities: 261, score: 84 },
      { month: "2026-10", rank: 101, totalCities: 261, score: 85.6 },
    ]);
    expect((await lastBatch()).departmentId).toBeNull();
    expect(await load("national-rank", "月份,排名,城市总数\n2026-10,98,261", office, null)).toMatchObject({ ok: true, updated: 1 });
  });
});

describe("严重失信名单 and 政府机构失信被执行人", () => {
  it("lists a body once per list and date, and records its removal when the file says so", async () => {
    const body = await makeEntity(t.db, { districtId: city.districts[0]!.id });
    const listed = `统一社会信用代码,主体名称,名单名称,列入原因,列入日期,移出日期\n${body.uscc},某公司,重大税收违法失信主体,虚开发票,2026-05-20,\n${body.uscc},某公司,重大税收违法失信主体,虚开发票,2026-05-20,2026-01-01`;
    expect(await load("blacklist", listed)).toMatchObject({ ok: true, inserted: 1, rejected: 1 });
    const removed = `统一社会信用代码,名单名称,列入日期,移出日期\n${body.uscc},重大税收违法失信主体,2026/5/20,2026年9月1日`;
    expect(await load("blacklist", removed)).toMatchObject({ ok: true, updated: 1 });
    const [entry] = await t.db.select().from(blacklistEntries);
    expect(entry).toMatchObject({ removedOn: "2026-09-01", departmentId: city.departmentId, reason: null });
  });

  it("places a court's case in its district and closes it when sent again", async () => {
    const head = "案号,执行法院,被执行人名称,被执行人类型,统一社会信用代码,执行标的（万元）,立案日期,结案日期";
    const csv = `${head}\n（2026）示0102执123号,城关区人民法院,示范市某某局,政府机关,,120,2026-06-01,\n（2026）示0102执124号,某地法院,某学校,学校,,5,2026-06-02,\n（2026）示0102执125号,某地法院,某国企,国有企业,,5,2026-06-02,`;
    expect(await load("gov-default", csv)).toMatchObject({ ok: true, read: 3, inserted: 1, rejected: 2 });
    const rejected = await batchRows(t.db, (await lastBatch()).id, "rejected");
    expect(rejected.map((r) => r.column)).toEqual(["被执行人类型", "所属区县"]);
    expect(await load("gov-default", `${head}\n（2026）示0102执123号,城关区人民法院,示范市某某局,机关,,120,2026-06-01,2026-07-15`)).toMatchObject({ ok: true, updated: 1 });
    expect(await t.db.select({ d: govDefaultCases.districtId, c: govDefaultCases.closedOn, k: govDefaultCases.debtorKind }).from(govDefaultCases))
      .toEqual([{ d: city.districts[0]!.id, c: "2026-07-15", k: "government" }]);
  });
});

describe("市场主体名录", () => {
  it("keeps codes as registered, tells bodies sharing a code apart by name, and places them by district, town or code", async () => {
    const good = validCode();
    const head = "统一社会信用代码,主体名称,主体类型,所属区县,乡镇街道,成立日期,登记状态,注销吊销日期,是否国有";
    const csv = [head,
      `${good},甲公司,有限责任公司,城关区,,2020-01-02,存续,,否`,
      `${good},乙公司,,,城关区一街道,2021/3/4,在业,,`,
      `91339902MA00000000,丙公司,企业,外省某县,,2021-01-01,,,`,
      `,某社团,社会团体,城关区,,2019-05-06,注销,2025-12-31,`,
      `,无类型,,城关区,,2019-05-06,,,`,
    ].join("\n");
    expect(await load("bodies", csv)).toMatchObject({ ok: true, read: 5, inserted: 3, rejected: 2 });
    const rows = await t.db.select({ code: entities.uscc, name: entities.name, kind: entities.kind, d: entities.districtId, town: entities.townId, exit: entities.exitKind, failures: entities.usccFailures })
      .from(entities).where(inArray(entities.name, ["甲公司", "乙公司", "某社团"])).orderBy(entities.name);
    expect(rows).toEqual([
      { code: good, name: "乙公司", kind: "enterprise", d: city.districts[0]!.id, town: city.districts[0]!.townIds[0]!, exit: null, failures: "[]" },
      { code: null, name: "某社团", kind: "social_org", d: city.districts[0]!.id, town: null, exit: "deregistered", failures: null },
      { code: good, name: "甲公司", kind: "enterprise", d: city.districts[0]!.id, town: null, exit: null, failures: "[]" },
    ]);
    const rejected = await batchRows(t.db, (await lastBatch()).id, "rejected");
    expect(rejected.map((r) => [r.rowNumber, r.column])).toEqual([[4, "所属区县"], [6, "主体类型"]]);
    expect(await load("bodies", csv)).toMatchObject({ ok: true, inserted: 0, unchanged: 3 });
  });
});

describe("市场主体名录：代码更正", () => {
  it("a body sent again under its name and founding date with a new code is that body corrected, not a second one", async () => {
    const head = "统一社会信用代码,主体名称,主体类型,所属区县,成立日期";
    const wrong = "91339902MA0000000X";
    expect(await load("bodies", `${head}\n${wrong},丁公司,企业,城关区,2022-02-02`)).toMatchObject({ ok: true, inserted: 1, problems: 1 });
    const right = validCode();
    const corrected = await load("bodies", `${head}\n${right},丁公司,企业,城关区,2022-02-02`);
    expect(corrected).toMatchObject({ ok: true, inserted: 0, updated: 1, problems: 0 });
    // A body counts at every month end after its founding: each of those months changed, not only the founding one.
    expect(corrected.ok && corrected.months).toEqual(expect.arrayContaining(["2022-02", "2024-06", "2026-10"]));
    expect(await t.db.select({ code: entities.uscc, failures: entities.usccFailures }).from(entities).where(eq(entities.name, "丁公司")))
      .toEqual([{ code: right, failures: "[]" }]);
    // Another founding date is another body of the same name: added, not merged.
    expect(await load("bodies", `${head}\n${validCode()},丁公司,企业,城关区,2023-03-03`)).toMatchObject({ ok: true, inserted: 1, updated: 0 });
  });
});

describe("双公示月度情况表", () => {
  it("stores each month, district and kind once, feeds the 上报率 denominator, and lists figures that do not add up", async () => {
    const csv = "月份,区县,类别,作出决定数,本单位网站公示数,已上报数,未上报数,未上报的法定依据\n2026-10,,行政处罚,120,120,118,2,涉密\n2026年10月,城关区,行政许可,30,30,25,3,\n2026-10,外省,行政许可,1,1,1,0,\n2026-10,,奖励,1,1,1,0,";
    expect(await load("sgs-monthly", csv)).toMatchObject({ ok: true, read: 4, inserted: 2, rejected: 2, problems: 1 });
    const problems = await batchRows(t.db, (await lastBatch()).id, "problem");
    expect(problems.map((p) => p.reason)).toEqual(["已上报数（25）加未上报数（3）不等于作出决定数（30）；有未上报的记录，但没有写明未上报的法定依据"]);
    const counts = await t.db.select({ unit: decisionCounts.orgUnitId, kind: decisionCounts.kind, n: decisionCounts.decisions }).from(decisionCounts).orderBy(decisionCounts.kind);
    expect(counts).toEqual([{ unit: city.districts[0]!.id, kind: "license", n: 30 }, { unit: city.cityId, kind: "penalty", n: 120 }]);
    expect(await load("sgs-monthly", csv.replace("120,120,118,2", "121,121,119,2"))).toMatchObject({ ok: true, updated: 1, unchanged: 1 });
    expect((await t.db.select().from(sgsMonthlyReports).where(eq(sgsMonthlyReports.kind, "penalty")))[0]).toMatchObject({ decisions: 121, notReportedGrounds: "涉密" });
  });

  it("is filed on the form by a department for itself, refused when its figures do not add up", async () => {
    const input = (decisions: string, reported: string) => ({
      month: "2026-10", departmentId: null,
      license: { decisions, publishedOwnSite: "", reported, notReported: "0", notReportedGrounds: "" },
      penalty: { decisions: "5", publishedOwnSite: "5", reported: "5", notReported: "", notReportedGrounds: "" },
    });
    const refused = await write(t.db, department(city.departmentId), fillSgsMonthly, input("10", "9"));
    expect(refused).toMatchObject({ ok: false, status: 422, fieldErrors: { license: "许可：已上报数（9）加未上报数（0）不等于作出决定数（10）" } });
    expect(await write(t.db, department(city.departmentId), fillSgsMonthly, input("10", "x"))).toMatchObject({ ok: false, status: 422, fieldErrors: { "license.reported": "许可已上报数应为数字" } });
    expect(await write(t.db, department(city.departmentId), fillSgsMonthly, { ...input("10", "10"), departmentId: city.departmentId + 1 })).toMatchObject({ ok: false, status: 403 });
    expect(await write(t.db, department(city.departmentId), fillSgsMonthly, input("10", "10"))).toMatchObject({ ok: true });
    const rows = await t.db.select().from(sgsMonthlyReports).orderBy(sgsMonthlyReports.kind);
    expect(rows.map((r) => [r.kind, r.decisions, r.orgUnitId, r.departmentId])).toEqual([["license", 10, city.cityId, city.departmentId], ["penalty", 5, city.cityId, city.departmentId]]);
  });
});
