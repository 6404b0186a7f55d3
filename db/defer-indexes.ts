import { availableParallelism } from "node:os";
import type { Client } from "@libsql/client";
import { rebuildFactFlowsSql } from "@/lib/indicators/compute/fact-flows";
import { rebuildFrequentPenaltyCandidatesSql } from "@/lib/indicators/compute/frequent-penalty-candidates";
import { rebuildSgsMonthFactsSql } from "@/lib/indicators/compute/sgs-month-facts";

const SORT_THREADS = `PRAGMA threads = ${Math.min(4, Math.max(0, availableParallelism() - 1))}`;
// SQLite sorts in runs as large as the page cache, kept in memory when temporary files are (libsql's default): the
// store's 256 MB runs in memory made a 5M city's district index of bodies take 18 s, 16 MB runs in files 8.4–8.8 s.
const SORT_PRAGMAS = ["PRAGMA cache_size = -16384", "PRAGMA temp_store = FILE"];

/**
 * Drops the store's secondary indexes and triggers before a bulk load and returns a function that
 * recreates them from their own saved definitions, rebuilding what the triggers keep (fact flows, shared-code
 * candidates, 双公示 month facts, 高频处罚 candidates) in one pass each. Keeping a random-keyed index (the codes) live during a
 * million-row load rewrites the same index pages in every transaction: measured at about 40 GB
 * written for the 1,000,000-body city, against one sorted build afterwards; the triggers would run
 * several statements per loaded row and look codes up in an index that is not there.
 */
export async function deferIndexesAndTriggers(client: Client): Promise<() => Promise<{ indexSeconds: number; factSeconds: number }>> {
  const saved = await client.execute(
    "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL AND name NOT LIKE 'sqlite_%'",
  );
  const all = saved.rows.map((r) => ({ type: String(r.type), name: String(r.name), sql: String(r.sql) }));
  // Unique indexes stay: they guard the data while it loads.
  const indexes = all.filter((o) => o.type === "index" && !/^CREATE UNIQUE/i.test(o.sql));
  const triggers = all.filter((o) => o.type === "trigger");
  const drops = [...triggers.map((t) => `DROP TRIGGER "${t.name}"`), ...indexes.map((i) => `DROP INDEX "${i.name}"`)];
  if (drops.length > 0) await client.batch(drops, "write");
  return async () => {
    const started = performance.now();
    // On a local file, index keys and GROUP BYs are sorted in small runs, in files, by worker threads (none by
    // default). Each step is one script on one connection: the pragmas outside its transaction (where to keep
    // temporary files cannot change inside one), the connection's own settings back at its end.
    const local = client.protocol === "file";
    const setting = async (name: string) => Number((await client.execute(`PRAGMA ${name}`)).rows[0]?.[0] ?? 0);
    const [cache, tempStore] = local ? [await setting("cache_size"), await setting("temp_store")] : [0, 0];
    const sorting = local ? [SORT_THREADS, ...SORT_PRAGMAS] : [];
    const restoring = local ? ["PRAGMA threads = 0", `PRAGMA cache_size = ${cache}`, `PRAGMA temp_store = ${tempStore}`] : [];
    const sorted = (statements: string[]) => local
      ? client.executeMultiple([...sorting, "BEGIN IMMEDIATE", ...statements, "COMMIT", ...restoring].map((sql) => `${sql};\n`).join(""))
      : client.batch(statements, "write").then(() => undefined);
    // The 双公示 month facts are counted while the records have no secondary index: with them SQLite reads the table
    // row by row through the district index (14 s against 8 s for the 1M city's records). Nothing writes in between:
    // the caller loads alone.
    await sorted(rebuildSgsMonthFactsSql());
    const monthFacts = performance.now();
    if (indexes.length > 0) await sorted(indexes.map((index) => index.sql));
    const indexed = performance.now();
    // The other facts read the new covering indexes; the triggers resume from the rebuilt state, in one transaction.
    await sorted([...rebuildFactFlowsSql(), ...rebuildFrequentPenaltyCandidatesSql(), ...triggers.map((trigger) => trigger.sql)]);
    return { indexSeconds: (indexed - monthFacts) / 1000, factSeconds: (monthFacts - started + performance.now() - indexed) / 1000 };
  };
}
