import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { compositeScores, indicators, orgUnits, warnings } from "@/db/schema";
import { loadDemoCity } from "@/lib/demo/load-demo";
import { NUM_FMT } from "@/lib/exports/cells";
import { loadCircularFacts } from "./load-facts";
import { buildCircularWorkbook } from "./workbook";

const FORMAT_OF_UNIT = { percent: NUM_FMT.percent1, per_ten_thousand: NUM_FMT.per10k2, count: NUM_FMT.integer } as const;

/** A sheet's data rows as cells by header, below its title, note and header rows. */
function table(sheet: ExcelJS.Worksheet): { headers: string[]; rows: Map<string, ExcelJS.Cell>[] } {
  let headerRow = 0;
  sheet.eachRow((row, n) => {
    if (!headerRow && row.getCell(1).font?.bold && n > 1) headerRow = n;
  });
  const headers = (sheet.getRow(headerRow).values as unknown[]).slice(1).map(String);
  const rows: Map<string, ExcelJS.Cell>[] = [];
  for (let n = headerRow + 1; n <= sheet.rowCount; n++) rows.push(new Map(headers.map((h, i) => [h, sheet.getRow(n).getCell(i + 1)])));
  return { headers, rows };
}

describe("the circular's workbook", { timeout: 180_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), "credit-circular-xlsx-"));
  const url = `file:${join(dir, "demo.db")}`;
  let db: Db;
  let book: ExcelJS.Workbook;
  beforeAll(async () => {
    await loadDemoCity({ url }, { seed: 9, entities: 2_000, endMonth: "2026-10" });
    db = openDb({ url });
    const facts = (await loadCircularFacts(db, "2026-10"))!;
    book = new ExcelJS.Workbook();
    await book.xlsx.load((await buildCircularWorkbook(db, facts)) as unknown as ArrayBuffer);
  }, 180_000);
  afterAll(() => {
    db?.$client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("writes the 预警 figures as numbers in their indicator's format, matching the store", async () => {
    const stored = await db.select({ kind: warnings.kind, unit: orgUnits.name, indicator: indicators.name, measure: indicators.unit, value: warnings.value, target: warnings.target, redLine: warnings.redLine })
      .from(warnings).innerJoin(orgUnits, eq(orgUnits.id, warnings.orgUnitId)).innerJoin(indicators, eq(indicators.code, warnings.indicatorCode))
      .where(and(eq(warnings.month, "2026-10"), inArray(warnings.kind, ["red", "yellow"])));
    const { headers, rows } = table(book.getWorksheet("预警")!);
    expect(headers).toEqual(["类别", "单位", "指标", "数值", "要求", "目标", "红线", "责任单位"]);
    expect(rows).toHaveLength(stored.length);
    expect(new Set(stored.map((s) => s.measure)).size).toBeGreaterThan(1); // the demo warns on percent and per-ten-thousand alike
    for (const row of rows) {
      const kind = row.get("类别")!.value === "红色预警" ? "red" : "yellow";
      const match = stored.find((s) => s.kind === kind && s.unit === row.get("单位")!.value && s.indicator === row.get("指标")!.value)!;
      expect(match).toBeDefined();
      const format = FORMAT_OF_UNIT[match.measure];
      for (const [header, expected] of [["数值", match.value], ["目标", match.target], ["红线", match.redLine]] as const) {
        const cell = row.get(header)!;
        if (expected === null) expect(cell.value).toBeNull();
        else {
          expect(typeof cell.value).toBe("number");
          expect(cell.value).toBeCloseTo(expected, 9);
          expect(cell.numFmt).toBe(format);
        }
      }
      expect(["不低于", "不高于"]).toContain(row.get("要求")!.value);
    }
  });

  it("writes ranks, scores and rank changes as numbers with formats", async () => {
    const { headers, rows } = table(book.getWorksheet("区县排名")!);
    expect(headers).toEqual(["名次", "区县", "综合得分", "名次变化"]);
    const stored = await db.select({ name: orgUnits.name, score: compositeScores.score, rank: compositeScores.rank, change: compositeScores.rankChange }).from(compositeScores)
      .innerJoin(orgUnits, eq(orgUnits.id, compositeScores.orgUnitId)).where(and(eq(compositeScores.month, "2026-10"), eq(compositeScores.level, "district")));
    expect(rows).toHaveLength(stored.length);
    for (const row of rows) {
      const s = stored.find((x) => x.name === row.get("区县")!.value)!;
      expect(row.get("名次")!.value).toBe(s.rank);
      expect(row.get("名次")!.numFmt).toBe("#,##0");
      expect(typeof row.get("综合得分")!.value).toBe("number");
      expect(row.get("综合得分")!.value).toBeCloseTo(s.score!, 9);
      expect(row.get("综合得分")!.numFmt).toBe("#,##0.00");
      expect(row.get("名次变化")!.value).toBe(s.change);
      expect(row.get("名次变化")!.numFmt).toBe('"上升"0"位";"下降"0"位";"持平"');
    }
    expect(rows.some((r) => typeof r.get("名次变化")!.value === "number")).toBe(true);
  });

  it("writes every indicator value as a number in its unit's format", async () => {
    const catalogue = await db.select().from(indicators);
    const { rows } = table(book.getWorksheet("指标值")!);
    let numbers = 0;
    for (const row of rows) {
      const score = row.get("综合得分")!;
      if (score.value !== null) expect([typeof score.value, score.numFmt]).toEqual(["number", "#,##0.00"]);
      for (const i of catalogue) {
        const cell = row.get(i.name)!;
        if (cell.value === null) continue;
        expect(typeof cell.value).toBe("number");
        expect(cell.numFmt).toBe(FORMAT_OF_UNIT[i.unit]);
        numbers++;
      }
    }
    expect(numbers).toBeGreaterThan(catalogue.length * 10);
  });

  it("holds no formula, and text that could start one is kept as text", () => {
    for (const sheet of book.worksheets) {
      sheet.eachRow((row) => row.eachCell((cell) => {
        expect(cell.formula, `${sheet.name}!${cell.address}`).toBeUndefined();
        if (typeof cell.value === "string" && /^[=+\-@]/.test(cell.value)) expect(cell.numFmt, `${sheet.name}!${cell.address}`).toBe("@");
        if (typeof cell.value === "string") expect(cell.value, `${sheet.name}!${cell.address} 是数字却写成了文字`).not.toMatch(/^-?\d+(\.\d+)?[%‱]?$/);
      }));
    }
  });
});
