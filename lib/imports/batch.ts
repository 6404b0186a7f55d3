import type { BulkInserter } from "@/db/bulk-insert";
import { importRows } from "@/db/schema";
import type { WorkCalendar } from "@/lib/calendar";
import { monthOf, monthRange, type IsoDate, type IsoMonth } from "@/lib/dates";
import type { Tx } from "@/lib/write";
import type { CellProblem, FieldValues } from "./fields";
import type { Layout } from "./layouts/types";

/** What became of a batch's rows so far. */
export interface BatchCounts { read: number; inserted: number; updated: number; unchanged: number; rejected: number; problems: number }

/** Everything a dataset's storing needs while a batch runs, inside its one transaction. */
export interface BatchContext {
  tx: Tx;
  /** Writes new rows and the batch's row notes in multi-row statements inside the same transaction. */
  inserter: BulkInserter;
  batchId: number;
  /** Who sent the batch (the importing user's name), for rows that record who entered them. */
  actor: string;
  /** The department the batch is for; null for the office's city-wide datasets. */
  department: { id: number; orgUnitId: number | null } | null;
  calendar: WorkCalendar;
  /** The batch's date in China. */
  today: string;
  counts: BatchCounts;
  /** Months whose indicators the batch changed. */
  months: Set<string>;
  /** The earliest month of a standing change (see `touch`): every month from it on changed too. */
  standingFrom: string | null;
  problemRowsKept: number;
  problemRowLimit: number;
}

/** A row read and waiting to be stored with its chunk. */
export interface PendingRow { rowNumber: number; cells: string[]; fields: FieldValues; problems: CellProblem[] }

/** One dataset: the layout its files follow, and how a chunk of read rows is stored. */
export interface DatasetHandler {
  layout: Layout;
  storeChunk(ctx: BatchContext, rows: PendingRow[]): Promise<void>;
}

export function rejectRow(ctx: Pick<BatchContext, "inserter" | "batchId" | "counts">, rowNumber: number, cells: readonly string[], column: string | null, reason: string): void {
  ctx.counts.rejected++;
  ctx.inserter.add(importRows, { batchId: ctx.batchId, rowNumber, status: "rejected", column, reason, cells: JSON.stringify(cells) });
}

/** A stored row with something to fix: counted, and kept with the batch up to its limit. */
export function noteProblems(ctx: BatchContext, row: PendingRow, reasons: string[]): void {
  if (reasons.length === 0) return;
  ctx.counts.problems++;
  if (ctx.problemRowsKept >= ctx.problemRowLimit) return;
  ctx.problemRowsKept++;
  ctx.inserter.add(importRows, { batchId: ctx.batchId, rowNumber: row.rowNumber, status: "problem", column: row.problems[0]?.column ?? null, reason: reasons.join("；"), cells: JSON.stringify(row.cells) });
}

/** The row's cell problems as reasons, "列：原因". */
export const problemReasons = (row: PendingRow) => row.problems.map((p) => `${p.column}：${p.reason}`);

/** The months a batch changed: those of its flows, and every month from a standing change's to the batch's own. */
export function changedMonths(ctx: Pick<BatchContext, "months" | "standingFrom" | "today">): string[] {
  const months = new Set(ctx.months);
  const now = monthOf(ctx.today as IsoDate);
  if (ctx.standingFrom && ctx.standingFrom <= now) for (const m of monthRange(ctx.standingFrom as IsoMonth, now)) months.add(m);
  return [...months].sort();
}
