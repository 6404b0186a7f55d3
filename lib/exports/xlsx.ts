import ExcelJS from "exceljs";
import { cellWidth, type CellValue, looksLikeFormula, NUM_FMT, textWidth, toCellValue, type ColumnFormat } from "./cells";
import { uniqueSheetNames } from "./sheet-names";

export type { ColumnFormat } from "./cells";

export interface ColumnSpec {
  key: string;
  header: string;
  /** In Excel character units; estimated from the content when omitted. */
  width?: number;
  format?: ColumnFormat;
  /** A row's own format for this column, when rows differ (a value in percent beside one per ten thousand). */
  formatOf?: (row: Record<string, unknown>) => ColumnFormat | undefined;
}

export interface SheetSpec {
  name: string;
  /** A bold row above the header, merged across the columns. */
  title?: string;
  /** A small row under the title, e.g. "数据截至2026年10月末；综合得分为本系统自定方法". */
  note?: string;
  columns: ColumnSpec[];
  rows: Record<string, unknown>[];
}

export interface WorkbookMeta {
  title?: string;
  creator?: string;
}

const MIN_WIDTH = 6;
const MAX_WIDTH = 50;
// Room for the autofilter drop-down button beside the header text.
const FILTER_BUTTON = 3;
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
const THIN: ExcelJS.Border = { style: "thin", color: { argb: "FFBFBFBF" } };

/** Builds an .xlsx file that opens cleanly in Excel and WPS. */
export async function buildWorkbook(sheets: SheetSpec[], meta: WorkbookMeta = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const now = new Date();
  workbook.creator = meta.creator ?? "信用监测";
  workbook.lastModifiedBy = workbook.creator;
  workbook.created = now;
  workbook.modified = now;
  if (meta.title) workbook.title = meta.title;
  const names = uniqueSheetNames(sheets.map((s) => s.name));
  sheets.forEach((sheet, i) => addSheet(workbook, names[i] ?? `Sheet${i + 1}`, sheet));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addSheet(workbook: ExcelJS.Workbook, name: string, sheet: SheetSpec): void {
  const ws = workbook.addWorksheet(name);
  const { columns } = sheet;
  const count = columns.length;
  const formats = sheet.rows.map((row) => columns.map((c) => c.formatOf?.(row) ?? c.format));
  const values = sheet.rows.map((row, r) => columns.map((c, i) => toCellValue(row[c.key], formats[r]![i])));
  ws.columns = columns.map((c, i) => ({
    key: c.key,
    width: writableWidth(c.width ?? estimateWidth(c, values, formats, i)),
    style: c.format ? { numFmt: NUM_FMT[c.format] } : {},
  }));

  if (sheet.title) {
    const row = ws.addRow([sheet.title]);
    neutralise(row.getCell(1));
    row.height = 24;
    row.getCell(1).font = { bold: true, size: 14 };
    row.getCell(1).alignment = { horizontal: "center", vertical: "middle" };
    if (count > 1) ws.mergeCells(row.number, 1, row.number, count);
  }
  if (sheet.note) {
    // Left unmerged so a long note overflows into the empty cells to its right instead of being cut off.
    const row = ws.addRow([sheet.note]);
    neutralise(row.getCell(1));
    row.getCell(1).font = { size: 9, color: { argb: "FF595959" } };
    row.getCell(1).alignment = { horizontal: "left", vertical: "middle" };
  }

  const header = ws.addRow(columns.map((c) => c.header));
  const headerRow = header.number;
  header.eachCell((cell) => {
    // Headers can be names the office typed (an indicator's), so they are neutralised like any text.
    neutralise(cell);
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = { bottom: THIN, top: THIN, left: THIN, right: THIN };
    cell.alignment = { horizontal: "center", vertical: "middle" };
  });

  values.forEach((rowValues, r) => {
    const row = ws.addRow(rowValues);
    rowValues.forEach((v, i) => {
      const format = formats[r]![i];
      if (format && format !== columns[i]!.format) row.getCell(i + 1).numFmt = NUM_FMT[format];
      // Text format keeps Excel from turning "=…" into a live formula if someone edits the cell.
      if (looksLikeFormula(v)) row.getCell(i + 1).numFmt = "@";
    });
  });

  if (count === 0) return;
  const xSplit = count > 1 ? 1 : 0;
  ws.views = [{ state: "frozen", xSplit, ySplit: headerRow, topLeftCell: ws.getCell(headerRow + 1, xSplit + 1).address }];
  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow + values.length, column: count } };
  ws.pageSetup = { orientation: count > 6 ? "landscape" : "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  ws.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
}

/**
 * Text is only ever written as a string cell, never a formula; text that would start one if someone re-entered
 * the cell ("=…", "+…", "-…", "@…") is also given the text format, so Excel keeps it text after an edit.
 */
function neutralise(cell: ExcelJS.Cell): void {
  if (looksLikeFormula(cell.value as CellValue)) cell.numFmt = "@";
}

/** exceljs drops a plain column whose width equals its internal default of 9, leaving Excel's narrower 8.43. */
function writableWidth(width: number): number {
  return width === 9 ? 9.01 : width;
}

function estimateWidth(column: ColumnSpec, values: CellValue[][], formats: (ColumnFormat | undefined)[][], index: number): number {
  let widest = textWidth(column.header) + FILTER_BUTTON;
  values.forEach((row, r) => { widest = Math.max(widest, cellWidth(row[index] ?? null, formats[r]![index])); });
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2));
}
