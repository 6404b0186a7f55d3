import "server-only";
import { openDb, dbConfigFromEnv, type Db } from "./client";

// One client per server process; Next.js dev reloads modules, so keep it on globalThis.
const globalForDb = globalThis as unknown as { creditDb?: Db };

export function getDb(): Db {
  globalForDb.creditDb ??= openDb(dbConfigFromEnv());
  return globalForDb.creditDb;
}
