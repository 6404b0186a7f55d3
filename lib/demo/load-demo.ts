import { existsSync, renameSync, rmSync, statSync } from "node:fs";
import Database from "libsql";
import { openBatchExecutor } from "@/db/batch-executor";
import { deferIndexesAndTriggers } from "@/db/defer-indexes";
import type { DbConfig } from "@/db/client";
import { openEmptyDb } from "@/db/reset";
import { runCompute } from "@/lib/indicators/compute/run-compute";
import { createDemoAccounts } from "./accounts";
import { officeDataIn } from "./office-data";
import type { DemoOptions } from "./generate";
import { generateInThread } from "./generate-thread";

export interface LoadStats {
  seconds: number;
  computeSeconds: number;
  /** Seconds of each step, in order, so the largest city's bench shows where its time goes. */
  phases: Record<string, number>;
  peakRssMb: number;
  rows: Record<string, number>;
}

/** A seed refused because the store holds an office's own data and replacing it was not asked for. */
export class SeedRefusal extends Error {}

/**
 * Replaces whatever the store holds with a freshly generated demo city, its indicators computed. A store
 * with an office's own data (imports, circulars, plans, accounts) is replaced only with `replace`. A local
 * file is generated beside the store and moved over it when complete, so a seed that is stopped midway
 * leaves the store as it was.
 */
export async function loadDemoCity(config: DbConfig, options: DemoOptions, { replace = false } = {}): Promise<LoadStats> {
  if (!replace) {
    const found = await officeDataIn(config);
    if (found.length > 0) {
      throw new SeedRefusal(`存储中已有本市自己的数据（${found.join("、")}），生成演示数据会全部替换。确要替换，请加参数 --replace。`);
    }
  }
  if (!config.url.startsWith("file:")) return generateInto(config, options);
  const path = config.url.slice("file:".length);
  const scratch = `${path}.seeding-${process.pid}`;
  try {
    const stats = await generateInto({ ...config, url: `file:${scratch}` }, options);
    swapInto(path, scratch);
    return stats;
  } finally {
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${scratch}${suffix}`, { force: true });
  }
}

/**
 * Moves the finished scratch store over the old one. The old store's log is folded into it first, so once
 * its -wal and -shm are gone the old file is still whole if the rename never happens.
 */
function swapInto(path: string, scratch: string) {
  // The new store in one file: its log folded in and emptied, or the move would leave committed pages behind.
  const fresh = new Database(scratch);
  const [busy] = Object.values(fresh.prepare("PRAGMA wal_checkpoint(TRUNCATE)").get() as Record<string, number>);
  fresh.close();
  if (busy !== 0 || (existsSync(`${scratch}-wal`) && statSync(`${scratch}-wal`).size > 0)) {
    throw new Error("新生成的数据库仍有未写入主文件的日志，未替换原数据库");
  }
  try {
    const old = new Database(path);
    old.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    old.close();
  } catch {
    // no old store, or not a database: nothing to keep
  }
  for (const suffix of ["-wal", "-shm"]) rmSync(`${path}${suffix}`, { force: true });
  renameSync(scratch, path);
}

async function generateInto(config: DbConfig, options: DemoOptions): Promise<LoadStats> {
  const started = performance.now();
  const phases: Record<string, number> = {};
  let last = started;
  const step = (name: string) => {
    const now = performance.now();
    phases[name] = (now - last) / 1000;
    last = now;
  };
  const db = await openEmptyDb(config);
  const executor = openBatchExecutor(config.url, db.$client);
  try {
    const restoreIndexesAndTriggers = await deferIndexesAndTriggers(db.$client);
    const rows = await generateInThread(options, executor);
    step("generate+insert");
    const restored = await restoreIndexesAndTriggers();
    phases.indexes = restored.indexSeconds;
    phases["trigger-kept facts"] = restored.factSeconds;
    last = performance.now();
    if (config.url.startsWith("file:")) {
      // Fresh statistics let SQLite pick the covering indexes; a libSQL server refuses ANALYZE over the wire.
      await db.$client.execute("ANALYZE");
      await db.$client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      step("analyze+checkpoint");
    }
    const computed = await runCompute(db, executor);
    step("compute");
    await createDemoAccounts(db);
    return {
      seconds: (performance.now() - started) / 1000,
      computeSeconds: computed.seconds,
      phases,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      rows,
    };
  } finally {
    executor.close();
    db.$client.close();
  }
}
