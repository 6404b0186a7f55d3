import { openBatchExecutor } from "@/db/batch-executor";
import { BulkInserter } from "@/db/bulk-insert";
import { deferIndexesAndTriggers } from "@/db/defer-indexes";
import type { DbConfig } from "@/db/client";
import { openEmptyDb } from "@/db/reset";
import { runCompute } from "@/lib/indicators/compute/run-compute";
import { createDemoAccounts } from "./accounts";
import { generateDemoCity, type DemoOptions } from "./generate";

export interface LoadStats {
  seconds: number;
  computeSeconds: number;
  peakRssMb: number;
  rows: Record<string, number>;
}

/** Replaces whatever the store holds with a freshly generated demo city, its indicators computed. */
export async function loadDemoCity(config: DbConfig, options: DemoOptions): Promise<LoadStats> {
  const started = performance.now();
  const db = await openEmptyDb(config);
  const executor = openBatchExecutor(config.url, db.$client);
  try {
    const restoreIndexesAndTriggers = await deferIndexesAndTriggers(db.$client);
    const inserter = new BulkInserter(executor);
    await generateDemoCity(options, inserter);
    await inserter.flush();
    await restoreIndexesAndTriggers();
    if (config.url.startsWith("file:")) {
      // Fresh statistics let SQLite pick the covering indexes; a libSQL server refuses ANALYZE over the wire.
      await db.$client.execute("ANALYZE");
      await db.$client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    const computed = await runCompute(db, executor);
    await createDemoAccounts(db);
    return {
      seconds: (performance.now() - started) / 1000,
      computeSeconds: computed.seconds,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      rows: Object.fromEntries(inserter.written),
    };
  } finally {
    executor.close();
    db.$client.close();
  }
}
