import { availableParallelism } from "node:os";
import type { Client } from "@libsql/client";
import { rebuildFactFlowsSql } from "@/lib/indicators/compute/fact-flows";
import { rebuildFrequentPenaltyCandidatesSql } from "@/lib/indicators/compute/frequent-penalty-candidates";
import { rebuildSgsMonthFactsSql } from "@/lib/indicators/compute/sgs-month-facts";

const SORT_THREADS = `PRAGMA threads = ${Math.min(4, Math.max(0, availableParallelism() - 1))}`;

/**
 * Drops the store's secondary indexes and triggers before a bulk load and returns a function that
 * recreates them from their own saved definitions, after rebuilding what the triggers keep (fact flows,
 * shared-code candidates, 双公示 month facts, 高频处罚 candidates) in one pass. Keeping a random-keyed index (the codes) live during a
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
    // SQLite sorts an index's keys in worker threads when allowed (none by default): the builds are a large part of a
    // large city's load, on a machine with cores to spare. Back to none for the connection's other work.
    const sorting = client.protocol === "file" ? [SORT_THREADS] : [];
    if (indexes.length > 0) await client.batch([...sorting, ...indexes.map((index) => index.sql), ...sorting.map(() => "PRAGMA threads = 0")], "write");
    const indexed = performance.now();
    // Rebuilt while no trigger exists, then the triggers resume from the rebuilt state, in one transaction.
    await client.batch([...rebuildFactFlowsSql(), ...rebuildSgsMonthFactsSql(), ...rebuildFrequentPenaltyCandidatesSql(), ...triggers.map((trigger) => trigger.sql)], "write");
    return { indexSeconds: (indexed - started) / 1000, factSeconds: (performance.now() - indexed) / 1000 };
  };
}
