import type { Table } from "drizzle-orm";

/** Where generated rows go: the bulk inserter in production, an array in tests. */
export interface RowSink {
  add<T extends Table>(table: T, row: T["$inferInsert"]): void;
  drain(): Promise<void>;
}
