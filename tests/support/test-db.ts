import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openBatchExecutor, type BatchExecutor } from "@/db/batch-executor";
import { openDb, tuneLocalDb, type Db } from "@/db/client";
import { migrateDb } from "@/db/migrate";

export interface TestDb {
  db: Db;
  url: string;
  /** The bulk writer the indicator engine writes through, on the same file. */
  executor: BatchExecutor;
  cleanup: () => void;
}

/** A fresh, migrated libSQL database file of the test's own. */
export async function createTestDb(): Promise<TestDb> {
  const dir = mkdtempSync(join(tmpdir(), "credit-test-"));
  const url = `file:${join(dir, "test.db")}`;
  const db = openDb({ url });
  await tuneLocalDb(db, url);
  await migrateDb(db);
  const executor = openBatchExecutor(url, db.$client);
  return {
    db,
    url,
    executor,
    cleanup: () => {
      executor.close();
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
