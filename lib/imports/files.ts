import { stringify } from "csv-stringify/sync";
import { buildWorkbook, type SheetSpec } from "@/lib/exports";
import { looksLikeFormula } from "@/lib/exports/cells";
import type { Layout } from "./layouts/types";

export const CSV_CONTENT_TYPE = "text/csv; charset=utf-8";

/** A CSV Excel opens as UTF-8 (with a BOM); cells that would start a formula are quoted as text. */
export function csvFile(rows: readonly (readonly string[])[]): Buffer {
  const safe = rows.map((r) => r.map((c) => (looksLikeFormula(c) ? `'${c}` : c)));
  return Buffer.concat([Buffer.from("\ufeff"), Buffer.from(stringify(safe, { record_delimiter: "\r\n" }))]);
}

/** The template of a layout: its headers, one example row, and a sheet explaining every column. */
export async function templateXlsx(layout: Layout): Promise<Buffer> {
  const columns = layout.columns.map((c, i) => ({ key: `c${i}`, header: c.required ? `${c.header}` : c.header }));
  const data: SheetSpec = { name: layout.label.replace(/[·]/g, "-"), columns, rows: [Object.fromEntries(layout.columns.map((c, i) => [`c${i}`, c.example]))] };
  const help: SheetSpec = {
    name: "填写说明", title: `${layout.label}：各列说明`, note: "列名可用中文或代码，顺序不限；多余的列会被忽略并在导入结果中列出。第一行示例可删除。",
    columns: [{ key: "header", header: "列名" }, { key: "code", header: "代码" }, { key: "required", header: "是否必填" }, { key: "note", header: "说明" }, { key: "also", header: "也可写作" }],
    rows: layout.columns.map((c) => ({ header: c.header, code: c.code ?? "", required: c.required ? "必填" : "", note: c.note ?? "", also: [...(c.aliases ?? []), ...(c.legacy ?? [])].join("、") })),
  };
  return buildWorkbook([data, help], { title: `${layout.label}导入模板` });
}

export function templateCsv(layout: Layout): Buffer {
  return csvFile([layout.columns.map((c) => c.header), layout.columns.map((c) => c.example)]);
}

export interface RejectedRowOut { rowNumber: number; column: string | null; reason: string; cells: string[] }

/** Rejected rows in the layout they came in, with the reason first, to fix and send again. */
export function rejectedRows(header: readonly string[], rows: readonly RejectedRowOut[]): string[][] {
  return [["错误原因", "原行号", ...header], ...rows.map((r) => [r.column ? `${r.column}：${r.reason}` : r.reason, String(r.rowNumber), ...r.cells])];
}

export async function rejectedXlsx(header: readonly string[], rows: readonly RejectedRowOut[], title: string): Promise<Buffer> {
  const table = rejectedRows(header, rows);
  const columns = table[0]!.map((h, i) => ({ key: `c${i}`, header: h || `第${i - 1}列` }));
  return buildWorkbook([{ name: "拒收的行", columns, rows: table.slice(1).map((r) => Object.fromEntries(r.map((v, i) => [`c${i}`, v]))) }], { title });
}
