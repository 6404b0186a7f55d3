import type { Client, InValue } from "@libsql/client";

export interface ArraysQuery {
  /** A unique integer column of the rows (a rowid): chunks are read in its order. */
  key: string;
  columns: readonly string[];
  /** `FROM … [JOIN …]`, without WHERE. */
  from: string;
  /** The rows' condition; `TRUE` for all. */
  where: string;
  args?: InValue[];
}

/**
 * A SELECT's rows as plain arrays, read as JSON text a chunk at a time. @libsql/client builds every returned row
 * as an object with a property per column name and per index, about 25 µs a row: the 29,295 blacklist rows of the
 * 5M city took 1.0 s that way and 0.26 s as JSON. Chunks keep each response well inside what a libSQL server
 * sends at once (10 MB). Rows come in the key's order; values are as JSON has them (numbers, strings, null).
 */
export async function selectArrays(client: Client, query: ArraysQuery, chunkRows = 20_000): Promise<unknown[][]> {
  const selected = [query.key, ...query.columns].map((c, i) => `${c} AS c${i}`).join(", ");
  const listed = query.columns.map((_, i) => `c${i + 1}`).join(", ");
  const sql = `SELECT json_group_array(json_array(${listed})) AS rows, max(c0) AS last, count(*) AS n FROM (
    SELECT ${selected} ${query.from} WHERE (${query.where}) AND ${query.key} > ? ORDER BY ${query.key} LIMIT ${chunkRows})`;
  const rows: unknown[][] = [];
  let after: number = Number.MIN_SAFE_INTEGER;
  for (;;) {
    const { rows: [chunk] } = await client.execute({ sql, args: [...(query.args ?? []), after] });
    const n = Number(chunk?.n ?? 0);
    if (n === 0) return rows;
    for (const row of JSON.parse(String(chunk!.rows)) as unknown[][]) rows.push(row);
    if (n < chunkRows) return rows;
    after = Number(chunk!.last);
  }
}
