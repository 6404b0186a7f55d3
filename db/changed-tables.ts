import type { Client } from "@libsql/client";

// What a trigger's body writes: INSERT [OR …] INTO t, UPDATE [OR …] t, DELETE FROM t — not an upsert's DO UPDATE SET.
const WRITES = /\b(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)\s+(?!SET\b)[`"]?(\w+)/gi;

/** The tables a trigger's body writes to, read from its definition. */
export function triggerWrites(triggerSql: string): string[] {
  const body = triggerSql.slice(triggerSql.search(/\bBEGIN\b/i) + 5);
  return [...body.matchAll(WRITES)].map((m) => m[1]!);
}

/**
 * The tables a write to `tables` changes: those, and through the store's triggers every table they keep in step
 * (a 双公示 record moves its month facts; a body's code its shared-code candidates), read from the triggers' own
 * definitions so a new trigger is followed without being listed here.
 */
export async function tablesChangedWith(client: Client, tables: Iterable<string>): Promise<Set<string>> {
  const { rows } = await client.execute("SELECT tbl_name, sql FROM sqlite_master WHERE type = 'trigger' AND sql IS NOT NULL");
  const writes = new Map<string, string[]>();
  for (const row of rows) {
    const on = String(row.tbl_name);
    writes.set(on, [...(writes.get(on) ?? []), ...triggerWrites(String(row.sql))]);
  }
  const changed = new Set<string>();
  const pending = [...tables];
  while (pending.length > 0) {
    const table = pending.pop()!;
    if (changed.has(table)) continue;
    changed.add(table);
    pending.push(...(writes.get(table) ?? []));
  }
  return changed;
}
