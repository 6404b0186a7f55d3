import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { buildWorkbook, type ColumnFormat, type SheetSpec } from "./xlsx";

async function readBack(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

const ranking: SheetSpec = {
  name: "区县排名",
  title: "2026年10月区县信用监测排名",
  note: "数据截至2026年10月末；综合得分为本系统自定方法",
  columns: [
    { key: "district", header: "区县" },
    { key: "score", header: "综合得分", format: "decimal1" },
    { key: "rate", header: "上报率", format: "percent1" },
    { key: "entities", header: "主体数", format: "integer", width: 14 },
    { key: "density", header: "失信密度", format: "per10k2" },
    { key: "remark", header: "备注" },
  ],
  rows: [
    { district: "朝阳区", score: 91.25, rate: 97.3, entities: 123456, density: 1.5, remark: "=HYPERLINK(\"http://x\",\"点此\")" },
    { district: "海淀区", score: 88, rate: "95.5", entities: 98765, density: null, remark: undefined },
    { district: "东城区", score: Number.NaN, rate: 100, entities: 1n, density: 0.25, remark: "+1-2" },
  ],
};

const records: SheetSpec = {
  name: "行政处罚明细",
  columns: [
    { key: "subject", header: "行政相对人" },
    { key: "decided", header: "决定日期" },
    { key: "due", header: "期限", format: "date" },
  ],
  rows: [{ subject: "某某市某某区某某科技有限公司", decided: new Date("2026-10-31T16:30:00Z"), due: "2026-11-15" }],
};

describe("buildWorkbook", () => {
  it("round-trips a two-sheet Chinese workbook", async () => {
    const workbook = await readBack(await buildWorkbook([ranking, records], { title: "信用监测导出" }));
    expect(workbook.creator).toBe("信用监测");
    expect(workbook.title).toBe("信用监测导出");
    expect(workbook.created).toBeInstanceOf(Date);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["区县排名", "行政处罚明细"]);

    const ws = workbook.getWorksheet("区县排名")!;
    expect(ws.getCell("A1").value).toBe("2026年10月区县信用监测排名");
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.model.merges).toContain("A1:F1");
    expect(ws.getCell("A2").value).toBe("数据截至2026年10月末；综合得分为本系统自定方法");
    expect(ws.getRow(3).values).toEqual([undefined, "区县", "综合得分", "上报率", "主体数", "失信密度", "备注"]);
    expect(ws.getCell("A3").font?.bold).toBe(true);
    expect(ws.getCell("A3").fill).toMatchObject({ type: "pattern", pattern: "solid" });

    const view = ws.views[0] as ExcelJS.WorksheetViewFrozen;
    expect(view.state).toBe("frozen");
    expect(view.ySplit).toBe(3);
    expect(view.xSplit).toBe(1);
    expect(ws.autoFilter).toBe("A3:F6");

    expect(ws.getColumn(4).width).toBe(14);
    // "朝阳区" is 6 wide, but the header plus its filter button is wider.
    expect(ws.getColumn(1).width).toBeCloseTo(4 + 3 + 2, 1);
    for (let c = 1; c <= 6; c++) expect(ws.getColumn(c).width).toBeGreaterThanOrEqual(6);

    const rate = ws.getCell("C4");
    expect(rate.value).toBe(97.3);
    expect(rate.type).toBe(ExcelJS.ValueType.Number);
    expect(rate.numFmt).toBe('0.0"%"');
    expect(ws.getCell("C5").value).toBe(95.5); // numeric text in a number column becomes a number
    expect(ws.getCell("E4").numFmt).toBe('0.00"‱"');
    expect(ws.getCell("D4").numFmt).toBe("#,##0");
    expect(ws.getCell("D6").value).toBe(1); // bigint
    expect(ws.getCell("B6").value).toBeNull(); // NaN must not reach the file
    expect(ws.getCell("E5").value).toBeNull();
    expect(ws.getCell("F5").value).toBeNull();

    for (const address of ["F4", "F6"]) {
      const cell = ws.getCell(address);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
      expect(cell.numFmt).toBe("@");
    }
    expect(ws.getCell("F4").value).toBe("=HYPERLINK(\"http://x\",\"点此\")");

    const detail = workbook.getWorksheet("行政处罚明细")!;
    expect(detail.getRow(1).values).toEqual([undefined, "行政相对人", "决定日期", "期限"]);
    expect((detail.views[0] as ExcelJS.WorksheetViewFrozen).ySplit).toBe(1);
    expect(detail.getCell("B2").value).toBe("2026-11-01"); // a Date becomes its China-time day as text
    expect(detail.getCell("C2").value).toEqual(new Date(Date.UTC(2026, 10, 15)));
    expect(detail.getCell("C2").numFmt).toBe("yyyy-mm-dd");
    // 14 CJK characters → 28, plus padding.
    expect(detail.getColumn(1).width).toBe(30);
  });

  it("gives a cell its row's own format, keeps rank changes numeric, and neutralises titles and headers", async () => {
    const formatOf = (row: Record<string, unknown>): ColumnFormat => (row.unit === "percent" ? "percent1" : row.unit === "per_ten_thousand" ? "per10k2" : "integer");
    const workbook = await readBack(await buildWorkbook([{
      name: "预警", title: "=1+1", note: "@note",
      columns: [
        { key: "name", header: "-指标" }, { key: "value", header: "数值", formatOf }, { key: "target", header: "目标", format: "decimal2", formatOf: () => undefined },
        { key: "change", header: "名次变化", format: "rankChange" },
      ],
      rows: [
        { name: "上报率", unit: "percent", value: 95.48, target: 100, change: 2 },
        { name: "失信密度", unit: "per_ten_thousand", value: "1.25", target: 0.8, change: -3 },
        { name: "未结案件", unit: "count", value: 4, target: 0, change: 0 },
      ],
    }]));
    const ws = workbook.getWorksheet("预警")!;
    for (const address of ["A1", "A2", "A3"]) expect(ws.getCell(address).numFmt, address).toBe("@");
    expect([ws.getCell("B4").value, ws.getCell("B4").numFmt]).toEqual([95.48, '0.0"%"']);
    expect([ws.getCell("B5").value, ws.getCell("B5").numFmt]).toEqual([1.25, '0.00"‱"']); // numeric text in a number cell becomes a number
    expect([ws.getCell("B6").value, ws.getCell("B6").numFmt]).toEqual([4, "#,##0"]);
    expect([ws.getCell("C5").value, ws.getCell("C5").numFmt]).toEqual([0.8, "#,##0.00"]); // no row format: the column's
    expect([2, -3, 0]).toEqual([ws.getCell("D4").value, ws.getCell("D5").value, ws.getCell("D6").value]);
    expect(ws.getCell("D5").numFmt).toBe('"上升"0"位";"下降"0"位";"持平"');
  });

  it("sanitises and de-duplicates sheet names", async () => {
    const sheet = (name: string): SheetSpec => ({ name, columns: [{ key: "a", header: "甲" }], rows: [] });
    const names = ["2026/10 排名[全市]", "汇总", "汇总", "abc", "ABC", "", "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三", "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三"];
    const workbook = await readBack(await buildWorkbook(names.map(sheet)));
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      "2026_10 排名_全市_", "汇总", "汇总 (2)", "abc", "ABC (2)", "Sheet",
      "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一", "一二三四五六七八九十一二三四五六七八九十一二三四五六七 (2)",
    ]);
  });

  it("builds a 20,000-row sheet", async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => ({
      name: `某某市第${i}号企业有限公司`, uscc: `91110000${String(i).padStart(10, "0")}`, district: "朝阳区",
      score: 60 + (i % 400) / 10, rate: (i % 1000) / 10, count: i, date: "2026-10-31",
    }));
    const started = performance.now();
    const buffer = await buildWorkbook([{
      name: "主体清单", title: "主体清单",
      columns: [
        { key: "name", header: "主体名称" }, { key: "uscc", header: "统一社会信用代码", format: "text" },
        { key: "district", header: "区县" }, { key: "score", header: "得分", format: "decimal1" },
        { key: "rate", header: "比率", format: "percent1" }, { key: "count", header: "数量", format: "integer" },
        { key: "date", header: "日期" },
      ],
      rows,
    }]);
    console.log(`20,000 rows × 7 columns: ${Math.round(performance.now() - started)} ms, ${(buffer.byteLength / 1024).toFixed(0)} KB`);
    const ws = (await readBack(buffer)).worksheets[0]!;
    expect(ws.rowCount).toBe(20_002);
    expect(ws.getCell("E20002").value).toBe(99.9);
  });
});
