import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { circulars, compositeScores, departments, planTasks, supervisionItemDepartments, supervisionItems, taskUnits, warnings, workPlans } from "@/db/schema";
import { createWorkCalendar } from "@/lib/calendar";
import { loadCatalogue, makeCity, type TestCity } from "@/tests/support/factories";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import {
  buildDepartmentNotice, departmentNoticesZip, loadAllDepartmentNoticeFacts, loadDepartmentNoticeFacts, noticeCounts, noticeFileName,
  renderDepartmentNoticeDocx, type DepartmentNoticeFacts,
} from "./department-notice";

const run = promisify(execFile);
const MONTH = "2026-10";
const OPTIONS = { today: "2026-11-26", calendar: createWorkCalendar() };
const ARTIFACTS = fileURLToPath(new URL("../../artifacts/circular/", import.meta.url));
const DISTRICTS = ["城关区", "西山区", "南江区", "北塘区", "清河县", "云岭县"];

let t: TestDb;
let city: TestCity;
const dept: Record<"samr" | "tax" | "civil", number> = { samr: 0, tax: 0, civil: 0 };

/** 市税务局 has what a typical department has: twelve warnings, three open items and two late tasks. */
beforeAll(async () => {
  t = await createTestDb();
  const { db } = t;
  city = await makeCity(db, DISTRICTS);
  await loadCatalogue(db, MONTH);
  for (const [code, shortName, name, sortOrder] of [["samr", "市市场监管局", "市市场监督管理局", 1], ["tax", "市税务局", "国家税务总局示范市税务局", 2], ["civil", "市民政局", "市民政局", 3]] as const) {
    [{ id: dept[code] }] = await db.insert(departments).values({ code, shortName, name, sortOrder }).returning({ id: departments.id }) as [{ id: number }];
  }
  await db.insert(compositeScores).values({ month: MONTH, orgUnitId: city.cityId, level: "city", score: 82.4, indicatorsScored: 12 });
  const d = (i: number) => city.districts[i]!.id;
  const warn = (orgUnitId: number, indicatorCode: string, kind: "red" | "yellow" | "worsening", value: number, target: number, owners: string[], month = MONTH) =>
    ({ month, orgUnitId, indicatorCode, kind, value, target, redLine: target, owners: JSON.stringify(owners), message: "" });
  await db.insert(warnings).values([
    // 市税务局's twelve: A级纳税人占比 and 严重失信主体名单企业占比 in every district, and one town.
    ...DISTRICTS.slice(0, 5).map((_, i) => warn(d(i), "tax_a_share", i < 2 ? "red" : "yellow", 8.1 + i * 1.3, 15, ["tax"])),
    ...DISTRICTS.slice(0, 6).map((_, i) => warn(d(i), "blacklist_share", i % 2 ? "yellow" : "red", 1.12 + i / 10, 0.7, ["court", "tax", "samr", "hrss"])),
    warn(city.districts[0]!.townIds[0]!, "tax_a_share", "red", 6.4, 15, ["tax"]),
    // 市市场监管局's own besides the shared ones; a trend warning and last month's are no part of the list.
    warn(d(1), "uscc_error_rate", "red", 2.36, 1, ["samr", "staffing"]),
    warn(d(2), "uscc_error_rate", "worsening", 1.5, 1, ["samr", "staffing"]),
    warn(d(3), "sgs_report_rate", "red", 91.2, 100, ["samr"], "2026-09"),
  ]);
  const item = async (values: Partial<typeof supervisionItems.$inferInsert>, owners: number[]) => {
    const [row] = await db.insert(supervisionItems).values({ month: MONTH, deadline: "2026-12-31", createdBy: "office", createdAt: "2026-11-05T00:00:00Z", ...values }).returning();
    await db.insert(supervisionItemDepartments).values(owners.map((departmentId) => ({ itemId: row!.id, departmentId })));
  };
  await item({ indicatorCode: "tax_a_share", orgUnitId: d(0), deadline: "2026-11-20", status: "acknowledged" }, [dept.tax]);
  await item({ indicatorCode: "blacklist_share", orgUnitId: d(2), deadline: "2026-11-30", status: "open" }, [dept.tax, dept.samr]);
  await item({ taskId: 999, taskLabel: "3：推动A级纳税人扩面", deadline: "2026-12-20", status: "returned" }, [dept.tax]);
  await item({ indicatorCode: "tax_a_share", orgUnitId: d(1), deadline: "2026-11-10", status: "accepted" }, [dept.tax]);
  await item({ indicatorCode: "tax_a_share", orgUnitId: d(3), month: "2026-11", status: "open" }, [dept.tax]);
  const [plan] = await db.insert(workPlans).values({ title: "2026年社会信用体系建设工作要点", year: 2026, originalText: "", loadedOn: "2026-03-01" }).returning();
  const task = async (order: number, title: string, deadline: string, units: [number, "lead" | "responsible"][]) => {
    const [row] = await db.insert(planTasks).values({ planId: plan!.id, section: "一", number: String(order), title, text: `${title}。`, deadline, sortOrder: order, fingerprint: `t${order}` }).returning();
    await db.insert(taskUnits).values(units.map(([departmentId, role]) => ({ taskId: row!.id, departmentId, role, writtenAs: "" })));
  };
  await task(1, "开展纳税信用等级评价结果应用", "2026-06-30", [[dept.tax, "lead"], [dept.samr, "responsible"]]);
  await task(2, "推进涉税失信主体信用修复", "2026-09-30", [[dept.tax, "responsible"]]);
  await task(3, "开展双公示数据质量专项治理", "2026-08-31", [[dept.samr, "lead"]]);
  await task(4, "建设信用承诺事项清单", "2099-12-31", [[dept.tax, "lead"]]);
}, 60_000);
afterAll(() => t?.cleanup());

async function factsOf(code: keyof typeof dept): Promise<DepartmentNoticeFacts> {
  const facts = await loadDepartmentNoticeFacts(t.db, MONTH, dept[code], OPTIONS);
  if (typeof facts === "string") throw new Error(`no facts: ${facts}`);
  return facts;
}

const xml = (files: Record<string, Uint8Array>, name: string) => strFromU8(files[name] ?? new Uint8Array());
const runText = (part: string) => [...part.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
const squash = (text: string) => text.replace(/\s+/g, "");

describe("a department's 问题清单", () => {
  it("holds only the department's own red and yellow warnings, open 督办 items and late tasks", async () => {
    const tax = await factsOf("tax");
    expect(noticeCounts(tax)).toEqual({ red: 6, yellow: 6, items: 3, tasks: 2 });
    // Red first, then by indicator and unit; a town is written with its district.
    expect(tax.warnings[0]).toEqual({ kind: "red", unitName: "城关区", indicator: "A级纳税人占比", valueText: "8.1%", targetText: "≥15.0%" });
    expect(tax.warnings.map((w) => w.unitName)).toContain("城关区一街道");
    expect(tax.warnings.every((w) => ["A级纳税人占比", "严重失信主体名单企业占比"].includes(w.indicator))).toBe(true);
    // Overdue (red light) first; the accepted item and next month's are left out.
    expect(tax.items.map((i) => [i.subject, i.unitName, i.light])).toEqual([
      ["A级纳税人占比", "城关区", "red"], ["严重失信主体名单企业占比", "南江区", "yellow"], ["工作任务3：推动A级纳税人扩面", "—", "green"],
    ]);
    expect(tax.tasks).toEqual([
      { number: "1", title: "开展纳税信用等级评价结果应用", deadline: "2026-06-30", status: "overdue", lead: true },
      { number: "2", title: "推进涉税失信主体信用修复", deadline: "2026-09-30", status: "overdue", lead: false },
    ]);

    const samr = await factsOf("samr");
    expect(samr.warnings.filter((w) => w.indicator === "统一社会信用代码重错码率")).toEqual([
      { kind: "red", unitName: "西山区", indicator: "统一社会信用代码重错码率", valueText: "万分之2.36", targetText: "≤万分之1.00" },
    ]);
    expect(noticeCounts(samr)).toEqual({ red: 4, yellow: 3, items: 1, tasks: 2 });
    expect(samr.tasks.map((t) => t.number)).toEqual(["1", "3"]);
    expect(noticeCounts(await factsOf("civil"))).toEqual({ red: 0, yellow: 0, items: 0, tasks: 0 });
    // Read for one department or for all, a department's list is the same.
    const all = (await loadAllDepartmentNoticeFacts(t.db, MONTH, OPTIONS))!;
    expect(all.find((f) => f.department.code === "tax")).toEqual(tax);
    expect(all.find((f) => f.department.code === "samr")).toEqual(samr);
  });

  it("tells a month without computed figures from an unknown department", async () => {
    expect(await loadDepartmentNoticeFacts(t.db, "2026-08", dept.tax, OPTIONS)).toBe("month");
    expect(await loadDepartmentNoticeFacts(t.db, MONTH, 999_999, OPTIONS)).toBe("department");
    expect(await loadAllDepartmentNoticeFacts(t.db, "2026-08", OPTIONS)).toBeNull();
  });

  it("says 无 in a sentence for an empty part, and asks for rectification by the 10th of the month after next", async () => {
    const civil = buildDepartmentNotice(await factsOf("civil"));
    expect(civil.title).toBe("关于2026年10月市民政局信用监测问题整改的清单");
    expect(civil.titleLines).toEqual(["关于2026年10月市民政局", "信用监测问题整改的清单"]);
    expect(civil.lead).toBe("本清单随《关于2026年10月全市社会信用体系建设监测情况的通报》印发。");
    expect(civil.sections.map((s) => s.content.kind)).toEqual(["sentence", "sentence", "sentence"]);
    expect(civil.sections.map((s) => s.content.kind === "sentence" && s.content.text).join("")).toMatch(/无红色、黄色预警.*无未办结的督办事项.*无逾期或进度滞后/);

    const tax = buildDepartmentNotice(await factsOf("tax"));
    expect(tax.sections.map((s) => s.heading)).toEqual(["（一）红色、黄色预警指标（红色6项、黄色6项）", "（二）未办结的督办事项（3件）", "（三）逾期或进度滞后的任务（2项）"]);
    expect(tax.closing).toContain("于2026年12月10日前将整改情况报市信用办");
  });

  it("writes the rows into the Word file, one table for each part that has any", async () => {
    const facts = await factsOf("tax");
    const files = unzipSync(new Uint8Array(await renderDepartmentNoticeDocx(buildDepartmentNotice(facts))));
    const body = xml(files, "word/document.xml");
    expect(body.match(/<w:tbl>/g)).toHaveLength(3);
    const text = runText(body);
    for (const w of facts.warnings) expect(text).toContain(`${w.unitName}${w.indicator}${w.valueText}${w.targetText}${w.kind === "red" ? "红色" : "黄色"}`);
    expect(text).toContain("A级纳税人占比城关区2026-11-20整改中红灯");
    expect(text).toContain("1开展纳税信用等级评价结果应用（牵头）2026-06-30逾期");
    // Fixed column widths (no autofit), so values keep the width they were given.
    expect(body).toContain('<w:tblLayout w:type="fixed"/>');
    expect(xml(files, "docProps/core.xml")).toContain("<dc:title>关于2026年10月市税务局信用监测问题整改的清单</dc:title>");

    const empty = xml(unzipSync(new Uint8Array(await renderDepartmentNoticeDocx(buildDepartmentNotice(await factsOf("civil"))))), "word/document.xml");
    expect(empty).not.toContain("<w:tbl>");
  });

  it("zips one Word file per department that has anything to fix, under UTF-8 Chinese names", async () => {
    const all = (await loadAllDepartmentNoticeFacts(t.db, MONTH, OPTIONS))!;
    expect(all.map((f) => f.department.shortName)).toEqual(expect.arrayContaining(["市市场监管局", "市税务局", "市民政局", "测试局"]));
    const zip = (await departmentNoticesZip(all))!;
    // General purpose flag bit 11: the entry name is UTF-8.
    expect(zip.readUInt16LE(6) & 0x0800).toBe(0x0800);
    // Made on Unix: Info-ZIP unzip re-encodes the names of entries made on MS-DOS, flag or not.
    expect(zip[zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 5]).toBe(3);
    const entries = unzipSync(new Uint8Array(zip));
    expect(Object.keys(entries).sort()).toEqual(["2026年10月问题清单-市市场监管局.docx", "2026年10月问题清单-市税务局.docx"]);
    for (const [name, data] of Object.entries(entries)) {
      const shortName = name.replace(/^.*-|\.docx$/g, "");
      expect(runText(xml(unzipSync(data), "word/document.xml"))).toContain(`关于2026年10月${shortName}信用监测问题整改的清单`);
    }
    expect(noticeFileName(all.find((f) => f.department.code === "tax")!)).toBe("2026年10月问题清单-市税务局.docx");
    expect(await departmentNoticesZip(all.filter((f) => f.department.code === "civil"))).toBeNull();
  });

  const missing = ["soffice", "pdftotext", "pdfinfo", "pdftoppm"].filter(
    (tool) => !(process.env.PATH ?? "").split(delimiter).some((dir) => existsSync(join(dir, tool))),
  );
  it("is one A4 page for a typical department in LibreOffice, no value broken across lines", { timeout: 120_000 }, async () => {
    expect(missing, "LibreOffice/poppler 未安装，请先运行 npm run test:setup").toEqual([]);
    const facts = await factsOf("tax");
    const dir = mkdtempSync(join(tmpdir(), "department-notice-"));
    try {
      const docx = join(dir, "notice.docx");
      writeFileSync(docx, await renderDepartmentNoticeDocx(buildDepartmentNotice(facts)));
      await run("soffice", [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--convert-to", "pdf", "--outdir", dir, docx], { timeout: 90_000 });
      const pdf = join(dir, "notice.pdf");
      const info = (await run("pdfinfo", [pdf])).stdout;
      expect(info).toMatch(/^Pages:\s+1$/m);
      expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
      const lines = (await run("pdftotext", ["-layout", pdf, "-"])).stdout.split("\n").map(squash);
      const text = lines.join("");
      for (const expected of ["关于2026年10月市税务局信用监测问题整改的清单", "（三）逾期或进度滞后的任务（2项）", "2026年12月10日前"]) expect(text).toContain(expected);
      for (const value of [...facts.warnings.flatMap((w) => [w.valueText, w.targetText]), ...facts.items.map((i) => i.deadline), ...facts.tasks.map((t) => t.deadline!)]) {
        expect(lines.some((l) => l.includes(value)), value).toBe(true);
      }
      mkdirSync(ARTIFACTS, { recursive: true });
      await run("pdftoppm", ["-png", "-r", "60", "-singlefile", pdf, join(ARTIFACTS, "department-notice")]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("beside an issued circular", () => {
  it("names the circular by its number", async () => {
    const [row] = await t.db.insert(circulars).values({
      month: MONTH, year: 2026, sequence: 10, documentNumber: "信用办〔2026〕10号", title: "关于2026年10月全市社会信用体系建设监测情况的通报",
      issuedOn: "2026-11-05", docx: Buffer.from(""), xlsx: Buffer.from(""),
    }).returning();
    try {
      expect(buildDepartmentNotice(await factsOf("tax")).lead).toBe("本清单随《关于2026年10月全市社会信用体系建设监测情况的通报》（信用办〔2026〕10号）印发。");
    } finally {
      await t.db.delete(circulars).where(eq(circulars.id, row!.id));
    }
  });
});
