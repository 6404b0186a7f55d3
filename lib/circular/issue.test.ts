import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBatchExecutor } from "@/db/batch-executor";
import { openDb, type Db } from "@/db/client";
import { compositeScores, indicators, orgUnits, warnings } from "@/db/schema";
import { loadDemoCity } from "@/lib/demo/load-demo";
import { runCompute } from "@/lib/indicators/compute/run-compute";
import { systemViewer } from "@/lib/auth/viewer";
import { write } from "@/lib/write";
import { generateCircular, getIssuedFile, issueCircularAction, listIssuedCirculars, voidCircular } from "./issue";

const office = systemViewer("测试");
const issueCircular = (db: Db, month: string, issuedOn: string) => write(db, office, issueCircularAction(db), { month, issuedOn });

const dir = mkdtempSync(join(tmpdir(), "credit-circular-"));
const url = `file:${join(dir, "demo.db")}`;
let db: Db;
beforeAll(async () => {
  await loadDemoCity({ url }, { seed: 9, entities: 3_000, endMonth: "2026-10" });
  db = openDb({ url });
});
afterAll(() => {
  db?.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

const hasSoffice = spawnSync("sh", ["-c", "command -v soffice && command -v pdftotext"]).status === 0;

describe("the monthly circular", { timeout: 120_000 }, () => {
  it("opens in a real word processor with the title, every district and every red warning", async () => {
    const circular = (await generateCircular(db, "2026-10"))!;
    const districts = (await db.select().from(orgUnits).where(eq(orgUnits.level, "district"))).map((d) => d.name);
    const red = await db.select({ unit: orgUnits.name }).from(warnings).innerJoin(orgUnits, eq(orgUnits.id, warnings.orgUnitId))
      .where(and(eq(warnings.month, "2026-10"), eq(warnings.kind, "red")));
    expect(circular.document.title).toBe("关于2026年10月全市社会信用体系建设监测情况的通报");
    expect(hasSoffice, "未安装 libreoffice-writer 或 poppler-utils：请先运行 npm run test:setup").toBe(true);
    const file = join(dir, "circular.docx");
    writeFileSync(file, circular.docx);
    execFileSync("soffice", [`-env:UserInstallation=file://${join(dir, "lo-profile")}`, "--headless", "--convert-to", "pdf", "--outdir", dir, file], { timeout: 100_000 });
    const text = execFileSync("pdftotext", ["-layout", join(dir, "circular.pdf"), "-"]).toString().replace(/\s+/g, "");
    expect(text).toContain("关于2026年10月全市社会信用体系建设监测情况的通报".replace(/\s+/g, ""));
    for (const name of districts) expect(text).toContain(name);
    for (const r of red) expect(text).toContain(r.unit);
  });

  it("writes Excel tables whose figures are the store's", async () => {
    const circular = (await generateCircular(db, "2026-10"))!;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(circular.xlsx as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(["区县排名", "指标值", "预警", "任务"]);
    const sheet = book.getWorksheet("区县排名")!;
    const scores = await db.select({ name: orgUnits.name, score: compositeScores.score, rank: compositeScores.rank }).from(compositeScores)
      .innerJoin(orgUnits, eq(orgUnits.id, compositeScores.orgUnitId)).where(and(eq(compositeScores.month, "2026-10"), eq(compositeScores.level, "district")));
    const rows: { name: string; score: number }[] = [];
    sheet.eachRow((row) => {
      const name = row.getCell(2).value;
      if (typeof name === "string" && scores.some((s) => s.name === name)) rows.push({ name, score: Number(row.getCell(3).value) });
    });
    expect(rows).toHaveLength(10);
    for (const r of rows) expect(r.score).toBeCloseTo(scores.find((s) => s.name === r.name)!.score!, 6);
  });

  it("freezes an issued circular: numbered, refused twice, unchanged after the data changes", async () => {
    const first = await issueCircular(db, "2026-10", "2026-11-05");
    expect(first).toMatchObject({ ok: true, value: { documentNumber: "信用办〔2026〕1号" } });
    if (!first.ok) return;
    expect(await issueCircular(db, "2026-10", "2026-11-06")).toMatchObject({ ok: false, status: 409 });
    const frozen = Buffer.from((await getIssuedFile(db, first.value.id, "docx"))!.file);
    const draftBefore = (await generateCircular(db, "2026-10"))!.document.blocks;

    // The office changes a target; the numbers and the draft move, the issued file does not.
    await db.update(indicators).set({ target: 50 }).where(eq(indicators.code, "xyd_enrolled_ratio"));
    const executor = openBatchExecutor(url, db.$client);
    await runCompute(db, executor, ["2026-10"]);
    executor.close();
    const redrafted = (await generateCircular(db, "2026-10"))!;
    expect(JSON.stringify(redrafted.document.blocks)).not.toBe(JSON.stringify(draftBefore));
    expect(Buffer.from((await getIssuedFile(db, first.value.id, "docx"))!.file).equals(frozen)).toBe(true);

    expect(await issueCircular(db, "2026-09", "2026-11-20")).toMatchObject({ ok: true, value: { documentNumber: "信用办〔2026〕2号" } });
  });

  it("gives concurrent issues consecutive numbers, refuses a month twice, and voids with the number kept", async () => {
    const months = ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-08", "2026-08"];
    const outcomes = await Promise.all(months.map((m) => issueCircular(db, m, "2026-11-21")));
    const issued = outcomes.filter((o) => o.ok);
    expect(issued).toHaveLength(8);
    for (const o of outcomes.filter((o) => !o.ok)) expect(o).toMatchObject({ status: 409, message: expect.stringContaining("已印发") });
    const numbers = issued.map((o) => (o.ok ? o.value.documentNumber : "")).sort((a, b) => parseInt(a.split("〕")[1]!) - parseInt(b.split("〕")[1]!));
    expect(numbers).toEqual([3, 4, 5, 6, 7, 8, 9, 10].map((n) => `信用办〔2026〕${n}号`));

    const august = (await listIssuedCirculars(db)).find((c) => c.month === "2026-08")!;
    expect(await write(db, office, voidCircular, { id: august.id, reason: "x" })).toMatchObject({ ok: false, status: 422 });
    expect(await write(db, office, voidCircular, { id: august.id, reason: "数据有误，重新印发" })).toMatchObject({ ok: true });
    expect(await write(db, office, voidCircular, { id: august.id, reason: "数据有误，重新印发" })).toMatchObject({ ok: false, status: 409 });
    const again = await issueCircular(db, "2026-08", "2026-11-22");
    expect(again).toMatchObject({ ok: true, value: { documentNumber: "信用办〔2026〕11号" } });
    const list = await listIssuedCirculars(db);
    expect(list.filter((c) => c.month === "2026-08").map((c) => Boolean(c.voidedOn)).sort()).toEqual([false, true]);
  });
});
