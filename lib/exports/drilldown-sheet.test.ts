import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { Drilldown } from "@/lib/indicators/drilldown";
import { drilldownSheet } from "./drilldown-sheet";
import { buildWorkbook } from "./xlsx";

const drilldown: Drilldown = {
  title: "未按时上报的行政处罚",
  unit: { id: 2, name: "城关区", level: "district" },
  columns: [
    { key: "doc_number", label: "决定文书号" }, { key: "subject_name", label: "行政相对人" },
    { key: "decision_date", label: "决定日期" }, { key: "reported_date", label: "上报日期" },
    { key: "opened_on", label: "立案日期" }, { key: "working_days_late", label: "逾期工作日" },
    { key: "amount_wan", label: "标的（万元）" }, { key: "score", label: "得分" }, { key: "empty", label: "空列" },
  ],
  rows: [
    { doc_number: "朝市监罚〔2026〕12号", subject_name: "-某某公司", decision_date: "2026-10-08", reported_date: null, opened_on: "2026-09-01", working_days_late: 9, amount_wan: 12.35, score: 88.5, empty: null },
    { doc_number: "朝市监罚〔2026〕13号", subject_name: "某某餐饮店", decision_date: "2026-10-09", reported_date: "2026-10-20", opened_on: null, working_days_late: 3, amount_wan: 0.1 + 0.2, score: 90, empty: null },
  ],
  total: 120, page: 1, pageSize: 2,
};

describe("drilldownSheet", () => {
  it("maps columns and infers formats", () => {
    const sheet = drilldownSheet(drilldown, "朝阳区 2026年10月 未按时上报的行政处罚");
    expect(sheet.name).toBe("未按时上报的行政处罚");
    expect(sheet.title).toBe("朝阳区 2026年10月 未按时上报的行政处罚");
    expect(sheet.note).toBe("共120条，本表包含其中2条");
    expect(sheet.columns.map((c) => [c.key, c.header, c.format])).toEqual([
      ["doc_number", "决定文书号", "text"], ["subject_name", "行政相对人", "text"],
      ["decision_date", "决定日期", "text"], ["reported_date", "上报日期", "text"], ["opened_on", "立案日期", "text"],
      ["working_days_late", "逾期工作日", "integer"], ["amount_wan", "标的（万元）", "decimal2"],
      ["score", "得分", "decimal1"], ["empty", "空列", undefined],
    ]);
    expect(drilldownSheet({ ...drilldown, total: 2 }, "t").note).toBe("共2条");
  });

  it("writes dates as text and numbers as numbers", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildWorkbook([drilldownSheet(drilldown, "明细")])) as unknown as ArrayBuffer);
    const ws = workbook.worksheets[0]!;
    expect(ws.getRow(3).values).toEqual([undefined, ...drilldown.columns.map((c) => c.label)]);
    expect(ws.getCell("C4").value).toBe("2026-10-08");
    expect(ws.getCell("C4").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("D4").value).toBeNull();
    expect(ws.getCell("F4").value).toBe(9);
    expect(ws.getCell("G4").numFmt).toBe("#,##0.00");
    expect(ws.getCell("B4").formula).toBeUndefined();
    expect(ws.getCell("B4").value).toBe("-某某公司");
  });
});
