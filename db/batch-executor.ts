import Database from "libsql";
import type { Client, InValue } from "@libsql/client";

export interface BatchStatement {
  sql: string;
  args: InValue[];
}

/** Runs a list of statements in one write transaction. */
export interface BatchExecutor {
  run(statements: BatchStatement[]): Promise<void>;
  close(): void;
  /** True for a libSQL server, where every statement travels as JSON: rows are better sent as one JSON text each. */
  remote?: boolean;
}

/**
 * For a local file, bulk writes go through the native libsql driver with cached prepared statements:
 * @libsql/client's batch() grows the process by hundreds of MB per million rows and runs at half
 * the speed. A libSQL server is written through the client as usual.
 */
export function openBatchExecutor(url: string, client: Client): BatchExecutor {
  if (!url.startsWith("file:")) {
    return { run: (statements) => runRemote(client, statements), close: () => {}, remote: true };
  }
  const db = new Database(url.slice("file:".length));
  db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -262144; PRAGMA busy_timeout = 5000");
  const prepared = new Map<string, ReturnType<typeof db.prepare>>();
  return {
    async run(statements) {
      db.exec("BEGIN IMMEDIATE");
      try {
        for (const { sql, args } of statements) {
          let statement = prepared.get(sql);
          if (!statement) {
            if (prepared.size > 500) prepared.clear();
            statement = db.prepare(sql);
            prepared.set(sql, statement);
          }
          statement.run(args);
        }
        db.exec("COMMIT");
      } catch (error) {
        db.exec("ROLLBACK");
        throw error;
      }
    },
    close: () => db.close(),
  };
}

// A libSQL server takes a request of a few MB; a computation's write of 24 months of values is tens of MB.
const REMOTE_REQUEST_BYTES = 2 * 1024 * 1024;

/**
 * One transaction on a libSQL server: a small list of statements as one batch request; a large one in an interactive
 * transaction, sent in parts of at most REMOTE_REQUEST_BYTES, committed once — so either way all or nothing.
 */
async function runRemote(client: Client, statements: BatchStatement[]): Promise<void> {
  const parts: BatchStatement[][] = [[]];
  let bytes = 0;
  for (const statement of statements) {
    const size = statement.sql.length + JSON.stringify(statement.args).length;
    if (bytes + size > REMOTE_REQUEST_BYTES && parts.at(-1)!.length > 0) {
      parts.push([]);
      bytes = 0;
    }
    parts.at(-1)!.push(statement);
    bytes += size;
  }
  if (parts.length === 1) {
    await client.batch(statements, "write");
    return;
  }
  const tx = await client.transaction("write");
  try {
    for (const part of parts) await tx.batch(part);
    await tx.commit();
  } finally {
    tx.close();
  }
}
