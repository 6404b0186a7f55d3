import { join } from "node:path";
import { migrate } from "drizzle-orm/libsql/migrator";
import type { Db } from "./client";

export const MIGRATIONS_FOLDER = join(process.cwd(), "db", "migrations");

/**
 * Applies the committed drizzle-kit migrations that the store has not seen yet. When some were applied to an analysed
 * local store, the tables whose indexes they rebuilt are analysed again (see `analyseRebuiltIndexes`).
 */
export async function migrateDb(db: Db, migrationsFolder = MIGRATIONS_FOLDER): Promise<void> {
  const before = await appliedMigrations(db);
  await migrate(db, { migrationsFolder });
  if ((await appliedMigrations(db)) > before) await analyseRebuiltIndexes(db);
}

async function appliedMigrations(db: Db): Promise<number> {
  const table = await db.$client.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'");
  if (table.rows.length === 0) return 0;
  const applied = await db.$client.execute("SELECT count(*) AS n FROM __drizzle_migrations");
  return Number(applied.rows[0]?.n ?? 0);
}

/**
 * A migration that drops and recreates an index drops its statistics with it, and without them SQLite can pick a
 * worse plan for the largest tables (a 5M city's 重错码 drill-down: 40 → 890 ms). So the tables with an index that has
 * no statistics are analysed again — only on a store that was analysed before (the demo and bench loaders analyse
 * theirs), and only on a local file: a libSQL server refuses ANALYZE over the wire, its operator runs it there.
 * On the 5M city this takes about 7 s for the bodies, once, after a migration that took 90 s.
 */
export async function analyseRebuiltIndexes(db: Db): Promise<string[]> {
  if (!db.$config.url.startsWith("file:")) return [];
  const analysed = await db.$client.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'");
  if (analysed.rows.length === 0) return [];
  const tables = await db.$client.execute(`SELECT DISTINCT i.tbl_name AS tbl FROM sqlite_master i
    WHERE i.type = 'index' AND i.sql IS NOT NULL AND i.sql NOT LIKE '% WHERE %'
      AND EXISTS (SELECT 1 FROM sqlite_stat1 s WHERE s.tbl = i.tbl_name)
      AND NOT EXISTS (SELECT 1 FROM sqlite_stat1 s WHERE s.idx = i.name)`);
  const names = tables.rows.map((r) => String(r.tbl));
  for (const name of names) await db.$client.execute(`ANALYZE "${name.replace(/"/g, '""')}"`);
  return names;
}
