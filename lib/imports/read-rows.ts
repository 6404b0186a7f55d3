import { LAYOUTS, type DatasetName } from "./datasets";
import { readFields } from "./fields";
import { headerScore, matchHeaders, type HeaderMatch } from "./headers";
import type { Layout } from "./layouts/types";
import { readTable, ReadRefusal, type ReadReport } from "./read";
import type { PendingRow } from "./batch";

/** Cells longer than this are not data a department meant to send: the row is rejected, the rest goes on. */
export const MAX_CELL_CHARS = 10_000;
/** Rows above the header row that may be a title or notes before the header is given up on. */
const HEADER_SEARCH_ROWS = 10;
/** Rows handed on together: to the storing chunk, or across from the reading thread. */
export const READ_BATCH_ROWS = 1_000;

export interface BatchFile { path: string; fileName: string; sheet?: string }

/** A row read from a file: ready to be stored, or rejected with its row number, column and reason. */
export type ReadEvent =
  | { row: PendingRow }
  | { rejected: { rowNumber: number; cells: string[]; column: string | null; reason: string } };

/** What the file's reading found besides its rows, for the batch's report. */
export interface ReadSummary {
  read: number;
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

const mixUp = (likely: Layout, chosen: Layout) => new ReadRefusal(
  `文件的列是“${likely.label}”的（如${likely.columns.filter((c) => likely.keyFields.includes(c.field)).map((c) => c.header).join("、")}），而所选数据集是“${chosen.label}”。请选择“${likely.label}”后重新导入`);

/**
 * Reads a dataset's file into rows to store and rows to reject, in batches of READ_BATCH_ROWS: the header found
 * among the first rows, each row read by the layout. No store is touched, so it runs in a thread of its own
 * (read-thread.ts). A file that cannot be read, or lacks the columns that identify a row, is refused whole
 * (ReadRefusal); its summary is the generator's return value.
 */
export async function* readDatasetRows(dataset: DatasetName, file: BatchFile): AsyncGenerator<ReadEvent[], ReadSummary> {
  const layout = LAYOUTS[dataset];
  if (!layout) throw new ReadRefusal(`“${dataset}”暂不能从文件导入`);
  let header: string[] | null = null;
  let headerRow = 0;
  let match: HeaderMatch | null = null;
  let read = 0;
  const firstRows: string[][] = [];
  let events: ReadEvent[] = [];
  const table = readTable({ path: file.path }, { fileName: file.fileName, sheet: file.sheet, maxCellChars: MAX_CELL_CHARS + 1 });
  for await (const row of table.rows) {
    if (!header || !match) {
      if (!row.unreadable && headerScore(row.cells, layout) >= Math.min(3, layout.keyFields.length)) {
        const found = matchHeaders(row.cells, layout);
        if (found.missingKeys.length > 0) {
          const likely = otherLayoutOf([row.cells], layout);
          if (likely) throw mixUp(likely, layout);
          throw new ReadRefusal(`文件缺少必需的列：${found.missingKeys.map((c) => `${c.header}${c.code ? `（${c.code}）` : ""}`).join("、")}。这些列确定每一行是哪条记录，缺少时无法导入`);
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
    read++;
    if (row.unreadable) {
      events.push({ rejected: { rowNumber: row.rowNumber, cells: row.cells, column: null, reason: row.unreadable } });
    } else {
      const long = row.cells.findIndex((c) => c.length > MAX_CELL_CHARS);
      if (long >= 0) {
        events.push({ rejected: { rowNumber: row.rowNumber, cells: row.cells.map((c) => c.slice(0, 200)), column: header[long]?.trim() || `第${long + 1}列`,
          reason: `内容超过${MAX_CELL_CHARS}字，不像是该列的数据（下载的拒收文件中该单元格只保留前200字，请在原文件中改正）` } });
      } else {
        const fields = readFields(layout, match, header, row.cells);
        events.push(fields.rejected
          ? { rejected: { rowNumber: row.rowNumber, cells: row.cells, column: fields.rejected.column, reason: fields.rejected.reason } }
          : { row: { rowNumber: row.rowNumber, cells: row.cells, fields: fields.fields, problems: fields.problems } });
      }
    }
    if (events.length >= READ_BATCH_ROWS) {
      yield events;
      events = [];
    }
  }
  if (events.length > 0) yield events;
  if (!header || !match) {
    const likely = otherLayoutOf(firstRows, layout);
    if (likely) throw mixUp(likely, layout);
    const sample = layout.columns.filter((c) => layout.keyFields.includes(c.field)).map((c) => c.header).join("、");
    throw new ReadRefusal(`没有找到表头：文件前${HEADER_SEARCH_ROWS}行中没有一行是“${layout.label}”的列名（如${sample}）。请确认所选数据集与文件一致`);
  }
  if (read === 0) throw new ReadRefusal("文件只有表头，没有数据行");
  return {
    read,
    report: { read: table.report, header: header.map((h) => h.trim()), headerRow, unknown: match.unknown, legacy: match.legacy,
      missingRequired: match.missingRequired.map((c) => c.header), duplicates: match.duplicates },
  };
}
