/**
 * Workbooks made with exceljs for the file tests, the way offices send a 任务分解表 as Excel: a title row merged
 * across the table, the header, 序号 / 重点任务 / 牵头单位 merged down over several rows, deadlines typed as
 * text or entered as Excel dates.
 */
import ExcelJS from "exceljs";

export type Value = string | number | Date | null | ExcelJS.CellValue;

export interface SheetSpec {
  name: string;
  rows: Value[][];
  /** Ranges merged, e.g. "A1:G1". */
  merges?: string[];
  /** Number formats by cell, e.g. { F3: 'yyyy"年"m"月"d"日"' }. */
  formats?: Record<string, string>;
  state?: "visible" | "hidden";
}

export async function workbook(sheets: SheetSpec[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const ws = wb.addWorksheet(spec.name, { state: spec.state ?? "visible" });
    spec.rows.forEach((row, r) => row.forEach((value, c) => {
      if (value !== null) ws.getCell(r + 1, c + 1).value = value as ExcelJS.CellValue;
    }));
    for (const range of spec.merges ?? []) ws.mergeCells(range);
    for (const [ref, format] of Object.entries(spec.formats ?? {})) ws.getCell(ref).numFmt = format;
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export const HEADER = ["序号", "重点任务", "具体措施", "牵头单位", "责任单位", "完成时限", "目标"];
export const TITLE = "示范市2026年社会信用体系建设重点任务分解表";

/** Midday UTC: the day is the same in every time zone exceljs may write it from. */
export const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d, 12));
