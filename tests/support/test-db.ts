import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDb, tuneLocalDb, type Db } from "@/db/client";
import { migrateDb } from "@/db/migrate";

export interface TestDb {
  db: Db;
  url: string;
  cleanup: () => void;
}

/** A fresh, migrated libSQL database file of the test's own. */
export async function createTestDb(): Promise<TestDb> {
  const dir = mkdtempSync(join(tmpdir(), "credit-test-"));
  const url = `file:${join(dir, "test.db")}`;
  const db = openDb({ url });
  await tuneLocalDb(db, url);
  await migrateDb(db);
  return {
    db,
    url,
    cleanup: () => {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
