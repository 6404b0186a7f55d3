import type { Transaction } from "@libsql/client";
import type { BatchExecutor } from "@/db/batch-executor";
import type { Tx } from "./write";

/**
 * The libSQL transaction under a write-path transaction, so a change of many rows (an import) can send
 * its statements in batches without drizzle building each one; they commit or roll back with the rest.
 */
export function rawTransaction(tx: Tx): Pick<Transaction, "execute" | "batch"> {
  const raw = (tx as unknown as { session?: { tx?: Transaction } }).session?.tx;
  if (!raw || typeof raw.batch !== "function") throw new Error("rawTransaction: not inside a libSQL transaction of the write path");
  return raw;
}

/** True when the write path's transaction is on a local file (the native driver), not on a libSQL server. */
export function isLocalTransaction(tx: Tx): boolean {
  return (tx as unknown as { session?: { client?: { protocol?: string } } }).session?.client?.protocol === "file";
}

/** A BatchExecutor that runs inside the write path's transaction (for the bulk inserter). */
export function inTransactionExecutor(tx: Tx): BatchExecutor {
  const raw = rawTransaction(tx);
  return { run: async (statements) => void (statements.length > 0 && await raw.batch(statements)), close: () => {} };
}
