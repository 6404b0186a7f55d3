import { BulkInserter } from "@/db/bulk-insert";
import type { WorkCalendar } from "@/lib/calendar";
import { inTransactionExecutor, isLocalTransaction, rawTransaction, Refusal, type Tx } from "@/lib/write";
import { changedMonths, rejectRow, type BatchContext, type BatchCounts, type DatasetHandler, type PendingRow } from "./batch";
import type { DatasetName } from "./datasets";
import { ReadRefusal } from "./read";
import { READ_BATCH_ROWS, type BatchFile, type ReadSummary } from "./read-rows";
import { readRowsInThread } from "./read-thread";

const PROBLEM_ROW_LIMIT = 50_000;

export interface BatchResult {
  counts: BatchCounts;
  months: string[];
  report: ReadSummary["report"];
}

/**
 * Reads a file and stores its rows inside the caller's transaction: the file read in a thread of its own
 * (read-rows.ts), rows that cannot be stored rejected with their reason, the rest stored by the dataset in chunks. A file that cannot be read, or lacks the columns that identify a row, is refused whole
 * (Refusal 422): nothing is stored.
 */
export async function runBatch(tx: Tx, batchId: number, dataset: DatasetName, handler: DatasetHandler, department: BatchContext["department"],
  file: BatchFile, calendar: WorkCalendar, today: string, actor: string): Promise<BatchResult> {
  // 64 MB of page cache for the indexes of a large city (the store's tuning gives 256 MB, a fresh pooled connection
  // SQLite's 2 MB). More is faster — 200,000 rows inserted by sqlite3 into the 1M city: 4.6 s with 128 MB, 6.3 s with
  // 64 MB, 8.5 s with 2 MB — but 128 MB took the 1M-row import past its 500 MB budget beside the reading thread's heap.
  await rawTransaction(tx).execute("PRAGMA cache_size = -65536").catch(() => undefined);
  const counts: BatchCounts = { read: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, problems: 0 };
  const ctx: BatchContext = {
    tx, inserter: new BulkInserter(inTransactionExecutor(tx), 5_000, { rows: isLocalTransaction(tx) ? "reused" : "json" }), batchId, actor, department, calendar, today, counts,
    months: new Set(), standingFrom: null, problemRowsKept: 0, problemRowLimit: PROBLEM_ROW_LIMIT,
  };
  const pending: PendingRow[] = [];
  const rows = readRowsInThread(dataset, file);
  let summary: ReadSummary;
  try {
    for (;;) {
      const next = await rows.next();
      if (next.done) {
        summary = next.value;
        break;
      }
      for (const event of next.value) {
        counts.read++;
        if ("rejected" in event) {
          const { rowNumber, cells, column, reason } = event.rejected;
          rejectRow(ctx, rowNumber, cells, column, reason);
          // Rejected rows wait in the inserter: a file of nothing but bad rows must not pile them up in memory.
          await ctx.inserter.drain();
          continue;
        }
        pending.push(event.row);
        if (pending.length >= READ_BATCH_ROWS) await handler.storeChunk(ctx, pending.splice(0));
      }
    }
    if (pending.length > 0) await handler.storeChunk(ctx, pending.splice(0));
    await ctx.inserter.flush();
  } catch (error) {
    if (error instanceof ReadRefusal) throw new Refusal(422, error.message);
    throw error;
  } finally {
    await rows.return(undefined as never);
  }
  return { counts, months: changedMonths(ctx), report: summary.report };
}
