import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { createClient, type Client } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import * as schema from "./schema";
import { installStatementCache } from "./statement-cache";
import { readEnv } from "@/lib/env";

/** A store: drizzle over a libSQL client, with the address it was opened at. */
export type Db = ReturnType<typeof drizzle<typeof schema>> & { $client: Client; $config: DbConfig };

export interface DbConfig {
  url: string;
  authToken?: string;
}

/** Opens a store: a local file (created with its folder if missing) or a libSQL server URL. */
export function openDb({ url, authToken }: DbConfig): Db {
  if (url.startsWith("file:")) {
    const path = url.slice("file:".length);
    if (path && path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  }
  installStatementCache();
  const client = createClient({ url, authToken });
  return Object.assign(drizzle(client, { schema }), { $config: { url, authToken } }) as Db;
}

/** Local files get WAL so the web server can read while a seed or import writes. */
export async function tuneLocalDb(db: Db, url: string): Promise<void> {
  if (!url.startsWith("file:")) return;
  await db.$client.execute("PRAGMA journal_mode = WAL");
  await db.$client.execute("PRAGMA busy_timeout = 5000");
  await db.$client.execute("PRAGMA foreign_keys = ON");
  // WAL with NORMAL sync is durable across application crashes; a 256 MB page cache keeps index
  // pages of million-row tables in memory during bulk loads and indicator computation.
  await db.$client.execute("PRAGMA synchronous = NORMAL");
  await db.$client.execute("PRAGMA cache_size = -262144");
}

export function dbConfigFromEnv(): DbConfig {
  const env = readEnv();
  return { url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN };
}
