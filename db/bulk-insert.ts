import type { InValue } from "@libsql/client";
import { getTableColumns, getTableName, type Table } from "drizzle-orm";
import type { BatchExecutor, BatchStatement } from "./batch-executor";
import { REUSED_STATEMENT } from "./statement-cache";

// SQLite allows 32,766 bound parameters per statement; stay well below it.
const MAX_PARAMS_PER_STATEMENT = 16_000;
const MAX_ROWS_PER_STATEMENT = 100;
const JSON_ROWS_PER_STATEMENT = 5_000;

interface TableBuffer {
  sqlName: string;
  columnSql: string;
  keys: string[];
  defaults: InValue[];
  rows: InValue[][];
  rowsPerStatement: number;
}

/**
 * Buffers rows per table and writes them as multi-row INSERTs in one transaction per flush:
 * loading millions of generated or imported rows one statement at a time would take minutes.
 */
export class BulkInserter {
  private readonly buffers = new Map<Table, TableBuffer>();
  private pending = 0;
  readonly written = new Map<string, number>();

  /**
   * How rows reach an executor that prepares every statement anew (a client transaction), where preparing a
   * 100-row VALUES list and binding its thousands of arguments costs more than SQLite's insert itself:
   * - `json`: each table's rows as one JSON text read by `json_each`, one short statement per flush (a libSQL
   *   server: one request);
   * - `reused`: one single-row INSERT per row, marked so a local file's connection prepares it once
   *   (db/statement-cache.ts); half the time of `json` on a local file (decision 012).
   */
  constructor(private readonly executor: BatchExecutor, private readonly flushEvery = 20_000, private readonly options: { rows?: "json" | "reused" } = {}) {
    // On a libSQL server a 100-row VALUES list is thousands of JSON-encoded arguments; one JSON text per table is not.
    if (!options.rows && executor.remote) this.options = { ...options, rows: "json" };
  }

  add<T extends Table>(table: T, row: T["$inferInsert"]): void {
    const buffer = this.bufferFor(table);
    const record = row as Record<string, unknown>;
    buffer.rows.push(buffer.keys.map((k, i) => toSqlValue(record[k], buffer.defaults[i] ?? null)));
    this.pending++;
  }

  /** Flushes when enough rows are waiting; call it often from a generating loop. */
  async drain(): Promise<void> {
    if (this.pending >= this.flushEvery) await this.flush();
  }

  /** Writes everything buffered, after `leading` statements, in one transaction. */
  async flush(leading: BatchStatement[] = []): Promise<void> {
    if (this.pending === 0 && leading.length === 0) return;
    const statements: BatchStatement[] = [...leading];
    for (const buffer of this.buffers.values()) {
      if (this.options.rows === "reused" && buffer.rows.length > 0) {
        const sql = `${REUSED_STATEMENT}INSERT INTO "${buffer.sqlName}" (${buffer.columnSql}) VALUES (${buffer.keys.map(() => "?").join(",")})`;
        for (const args of buffer.rows) statements.push({ sql, args });
        this.written.set(buffer.sqlName, (this.written.get(buffer.sqlName) ?? 0) + buffer.rows.length);
        buffer.rows = [];
        continue;
      }
      if (this.options.rows === "json" && buffer.rows.length > 0 && buffer.rows.every(isJsonRow)) {
        const sql = `INSERT INTO "${buffer.sqlName}" (${buffer.columnSql}) SELECT ${buffer.keys.map((_, i) => `value->>${i}`).join(",")} FROM json_each(?)`;
        // Bounded, so no request to a libSQL server grows past what it accepts (see openBatchExecutor).
        for (let i = 0; i < buffer.rows.length; i += JSON_ROWS_PER_STATEMENT) {
          statements.push({ sql, args: [JSON.stringify(buffer.rows.slice(i, i + JSON_ROWS_PER_STATEMENT))] });
        }
        this.written.set(buffer.sqlName, (this.written.get(buffer.sqlName) ?? 0) + buffer.rows.length);
        buffer.rows = [];
        continue;
      }
      for (let i = 0; i < buffer.rows.length; i += buffer.rowsPerStatement) {
        const chunk = buffer.rows.slice(i, i + buffer.rowsPerStatement);
        const placeholders = `(${buffer.keys.map(() => "?").join(",")})`;
        statements.push({
          sql: `INSERT INTO "${buffer.sqlName}" (${buffer.columnSql}) VALUES ${Array(chunk.length).fill(placeholders).join(",")}`,
          args: chunk.flat(),
        });
      }
      this.written.set(buffer.sqlName, (this.written.get(buffer.sqlName) ?? 0) + buffer.rows.length);
      buffer.rows = [];
    }
    this.pending = 0;
    await this.executor.run(statements);
  }

  private bufferFor(table: Table): TableBuffer {
    let buffer = this.buffers.get(table);
    if (!buffer) {
      const columns = Object.entries(getTableColumns(table));
      buffer = {
        sqlName: getTableName(table),
        columnSql: columns.map(([, c]) => `"${c.name}"`).join(","),
        keys: columns.map(([k]) => k),
        defaults: columns.map(([, c]) => (c.hasDefault && isPlainValue(c.default) ? toSqlValue(c.default, null) : null)),
        rows: [],
        rowsPerStatement: Math.max(1, Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(MAX_PARAMS_PER_STATEMENT / columns.length))),
      };
      this.buffers.set(table, buffer);
    }
    return buffer;
  }
}

/** A row JSON carries without change: text, null and finite numbers (SQLite reads them back as the same values). */
function isJsonRow(row: InValue[]): boolean {
  return row.every((v) => v === null || typeof v === "string" || (typeof v === "number" && Number.isFinite(v)));
}

function isPlainValue(value: unknown): boolean {
  return value === null || ["string", "number", "boolean", "bigint"].includes(typeof value);
}

function toSqlValue(value: unknown, fallback: InValue): InValue {
  if (value === undefined) return fallback;
  if (typeof value === "boolean") return value ? 1 : 0;
  return value as InValue;
}
