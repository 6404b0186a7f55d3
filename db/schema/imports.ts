import { sqliteTable, integer, text, index } from "drizzle-orm/sqlite-core";
import { departments } from "./org";

export const IMPORT_STATUSES = ["stored", "refused"] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
export const IMPORT_ROW_STATUSES = ["rejected", "problem"] as const;
export type ImportRowStatus = (typeof IMPORT_ROW_STATUSES)[number];

/**
 * One file loaded by a department (or the office for it): who, what, and what became of every row.
 * A refused batch stored nothing and says why; a stored one lists its rejected and problem rows.
 */
export const importBatches = sqliteTable(
  "import_batches",
  {
    id: integer("id").primaryKey(),
    dataset: text("dataset").notNull(),
    departmentId: integer("department_id").references(() => departments.id),
    userId: integer("user_id"),
    tokenId: integer("token_id"),
    actor: text("actor").notNull(),
    via: text("via").notNull(), // 网页 | 命令行 | 接口
    fileName: text("file_name").notNull(),
    fileBytes: integer("file_bytes").notNull(),
    startedAt: text("started_at").notNull(),
    finishedAt: text("finished_at"),
    status: text("status", { enum: IMPORT_STATUSES }).notNull(),
    message: text("message"),
    read: integer("read").notNull().default(0),
    inserted: integer("inserted").notNull().default(0),
    updated: integer("updated").notNull().default(0),
    unchanged: integer("unchanged").notNull().default(0),
    rejected: integer("rejected").notNull().default(0),
    problems: integer("problems").notNull().default(0),
    // JSON: months whose indicators the batch changed; how the file was read (encoding, sheet, columns).
    months: text("months").notNull().default("[]"),
    report: text("report").notNull().default("{}"),
  },
  (t) => [index("import_batches_department_idx").on(t.departmentId, t.startedAt), index("import_batches_started_idx").on(t.startedAt)],
);

/** A row of a batch that was rejected (not stored) or stored with problems to fix, with its cells as sent. */
export const importRows = sqliteTable(
  "import_rows",
  {
    id: integer("id").primaryKey(),
    batchId: integer("batch_id").notNull().references(() => importBatches.id, { onDelete: "cascade" }),
    rowNumber: integer("row_number").notNull(),
    status: text("status", { enum: IMPORT_ROW_STATUSES }).notNull(),
    column: text("column"),
    reason: text("reason").notNull(),
    cells: text("cells").notNull(), // JSON array, in the file's column order
  },
  (t) => [index("import_rows_batch_idx").on(t.batchId, t.status, t.rowNumber)],
);

export type ImportBatch = typeof importBatches.$inferSelect;
export type ImportRow = typeof importRows.$inferSelect;
