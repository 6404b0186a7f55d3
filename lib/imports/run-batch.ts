import { BulkInserter } from "@/db/bulk-insert";
import type { WorkCalendar } from "@/lib/calendar";
import { inTransactionExecutor, isLocalTransaction, rawTransaction, Refusal, type Tx } from "@/lib/write";
import { changedMonths, rejectRow, type BatchContext, type BatchCounts, type DatasetHandler, type PendingRow } from "./batch";
import { LAYOUTS } from "./datasets";
import { readFields } from "./fields";
import { headerScore, matchHeaders, type HeaderMatch } from "./headers";
import type { Layout } from "./layouts/types";
import { readTable, ReadRefusal, type ReadReport } from "./read";

/** Cells longer than this are not data a department meant to send: the row is rejected, the rest goes on. */
export const MAX_CELL_CHARS = 10_000;
/** Rows above the header row that may be a title or notes before the header is given up on. */
const HEADER_SEARCH_ROWS = 10;
const CHUNK = 1_000;
const PROBLEM_ROW_LIMIT = 50_000;

export interface BatchFile { path: string; fileName: string; sheet?: string }

export interface BatchResult {
  counts: BatchCounts;
  months: string[];
  report: { read: ReadReport; header: string[]; headerRow: number; unknown: string[]; legacy: HeaderMatch["legacy"]; missingRequired: string[]; duplicates: string[] };
}

/** Another layout whose key columns a file's first rows name while the chosen one's are missing: the likely mix-up. */
function otherLayoutOf(rows: readonly (readonly string[])[], chosen: Layout): Layout | null {
  for (const layout of Object.values(LAYOUTS)) {
    if (!layout || layout === chosen) continue;
    if (rows.some((cells) => headerScore(cells, layout) >= 3 && matchHeaders(cells, layout).missingKeys.length === 0)) return layout;
  }
  return null;
}

/**
 * A row whose every cell is the layout's own example (in the columns the file has): the template's example row
 * left in place, never the department's data — a real row matching the keys alone is still imported.
 */
function isExampleRow(layout: Layout, match: HeaderMatch, cells: readonly string[]): boolean {
  const compared = layout.columns.filter((c) => c.example && match.positions.has(c.field));
  return compared.length >= layout.keyFields.length
    && compared.every((c) => (cells[match.positions.get(c.field)![0]!] ?? "").trim() === c.example);
}

const mixUp = (likely: Layout, chosen: Layout) => new Refusal(422,
  `文件的列是“${likely.label}”的（如${likely.columns.filter((c) => likely.keyFields.includes(c.field)).map((c) => c.header).join("、")}），而所选数据集是“${chosen.label}”。请选择“${likely.label}”后重新导入`);

/**
 * Reads a file and stores its rows inside the caller's transaction: the header found among the first rows,
 * every row read by the layout, rows that cannot be stored rejected with their reason, the rest stored by the
 * dataset in chunks. A file that cannot be read, or lacks the columns that identify a row, is refused whole
 * (Refusal 422): nothing is stored.
 */
export async function runBatch(tx: Tx, batchId: number, handler: DatasetHandler, department: BatchContext["department"],
  file: BatchFile, calendar: WorkCalendar, today: string, actor: string): Promise<BatchResult> {
  const { layout } = handler;
  // The client's pooled connections do not carry the store's tuning: give this one room (128 MB, within the import's memory budget) for the indexes of a
  // large city, or every insert reads its index pages from disk again.
  await rawTransaction(tx).execute("PRAGMA cache_size = -131072").catch(() => undefined);
  const counts: BatchCounts = { read: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, problems: 0 };
  const ctx: BatchContext = {
    tx, inserter: new BulkInserter(inTransactionExecutor(tx), 5_000, { rows: isLocalTransaction(tx) ? "reused" : "json" }), batchId, actor, department, calendar, today, counts,
    months: new Set(), standingFrom: null, problemRowsKept: 0, problemRowLimit: PROBLEM_ROW_LIMIT,
  };
  let header: string[] | null = null;
  let headerRow = 0;
  let match: HeaderMatch | null = null;
  const firstRows: string[][] = [];
  const pending: PendingRow[] = [];
  let report: ReadReport;
  try {
    const table = readTable({ path: file.path }, { fileName: file.fileName, sheet: file.sheet, maxCellChars: MAX_CELL_CHARS + 1 });
    report = table.report;
    for await (const row of table.rows) {
      if (!header || !match) {
        if (!row.unreadable && headerScore(row.cells, layout) >= Math.min(3, layout.keyFields.length)) {
          const found = matchHeaders(row.cells, layout);
          if (found.missingKeys.length > 0) {
            const likely = otherLayoutOf([row.cells], layout);
            if (likely) throw mixUp(likely, layout);
            throw new Refusal(422, `文件缺少必需的列：${found.missingKeys.map((c) => `${c.header}${c.code ? `（${c.code}）` : ""}`).join("、")}。这些列确定每一行是哪条记录，缺少时无法导入`);
          }
          header = row.cells;
          headerRow = row.rowNumber;
          match = found;
        } else if (firstRows.push(row.cells) >= HEADER_SEARCH_ROWS) {
          break;
        }
        continue;
      }
      // The template's example row, left in place: not the department's data.
      if (isExampleRow(layout, match, row.cells)) continue;
      counts.read++;
      // Rejected rows wait in the inserter: a file of nothing but bad rows must not pile them up in memory.
      await ctx.inserter.drain();
      if (row.unreadable) {
        rejectRow(ctx, row.rowNumber, row.cells, null, row.unreadable);
        continue;
      }
      const long = row.cells.findIndex((c) => c.length > MAX_CELL_CHARS);
      if (long >= 0) {
        rejectRow(ctx, row.rowNumber, row.cells.map((c) => c.slice(0, 200)), header[long]?.trim() || `第${long + 1}列`, `内容超过${MAX_CELL_CHARS}字，不像是该列的数据（下载的拒收文件中该单元格只保留前200字，请在原文件中改正）`);
        continue;
      }
      const read = readFields(layout, match, header, row.cells);
      if (read.rejected) {
        rejectRow(ctx, row.rowNumber, row.cells, read.rejected.column, read.rejected.reason);
        continue;
      }
      pending.push({ rowNumber: row.rowNumber, cells: row.cells, fields: read.fields, problems: read.problems });
      if (pending.length >= CHUNK) await handler.storeChunk(ctx, pending.splice(0));
    }
    if (pending.length > 0) await handler.storeChunk(ctx, pending.splice(0));
    await ctx.inserter.flush();
  } catch (error) {
    if (error instanceof ReadRefusal) throw new Refusal(422, error.message);
    throw error;
  }
  if (!header || !match) {
    const likely = otherLayoutOf(firstRows, layout);
    if (likely) throw mixUp(likely, layout);
    const sample = layout.columns.filter((c) => layout.keyFields.includes(c.field)).map((c) => c.header).join("、");
    throw new Refusal(422, `没有找到表头：文件前${HEADER_SEARCH_ROWS}行中没有一行是“${layout.label}”的列名（如${sample}）。请确认所选数据集与文件一致`);
  }
  if (counts.read === 0) throw new Refusal(422, "文件只有表头，没有数据行");
  return {
    counts, months: changedMonths(ctx),
    report: { read: report!, header: header.map((h) => h.trim()), headerRow, unknown: match.unknown, legacy: match.legacy, missingRequired: match.missingRequired.map((c) => c.header), duplicates: match.duplicates },
  };
}
