import { openBatchExecutor } from "@/db/batch-executor";
import type { Db } from "@/db/client";
import { systemViewer } from "@/lib/auth/viewer";
import { openForNewRedWarnings } from "@/lib/supervision/auto-open";
import { serially, write } from "@/lib/write";
import { recordComputation } from "./record-compute";
import { getMonitoredMonths, runCompute } from "./run-compute";

/** Recomputes the monitored months among `months`; the computation is recorded like any other. */
export async function recomputeMonths(db: Db, months: readonly string[]): Promise<string[]> {
  const monitored = new Set(await getMonitoredMonths(db));
  const due = months.filter((m) => monitored.has(m));
  if (due.length === 0) return [];
  const executor = openBatchExecutor(db.$config.url, db.$client);
  try {
    const result = await serially(() => runCompute(db, executor, due));
    await write(db, systemViewer("数据变更后重新计算"), recordComputation, result);
    await openForNewRedWarnings(db, due);
    return due;
  } finally {
    executor.close();
  }
}

/** Recomputes every monitored month from `month` on (a rule or a unit changed from then). */
export async function recomputeFrom(db: Db, month: string): Promise<string[]> {
  return recomputeMonths(db, (await getMonitoredMonths(db)).filter((m) => m >= month));
}
