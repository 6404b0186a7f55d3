import { BulkInserter } from "@/db/bulk-insert";
import type { DbConfig } from "@/db/client";
import { openEmptyDb } from "@/db/reset";
import { generateDemoCity, type DemoOptions } from "./generate";

export interface LoadStats {
  seconds: number;
  peakRssMb: number;
  rows: Record<string, number>;
}

/** Replaces whatever the store holds with a freshly generated demo city. */
export async function loadDemoCity(config: DbConfig, options: DemoOptions): Promise<LoadStats> {
  const started = performance.now();
  const db = await openEmptyDb(config);
  try {
    const inserter = new BulkInserter(db.$client);
    await generateDemoCity(options, inserter);
    await inserter.flush();
    if (config.url.startsWith("file:")) await db.$client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    await db.$client.execute("ANALYZE");
    return {
      seconds: (performance.now() - started) / 1000,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      rows: Object.fromEntries(inserter.written),
    };
  } finally {
    db.$client.close();
  }
}
