import { sql } from "drizzle-orm";
import { sqliteTable, integer, text, blob, uniqueIndex } from "drizzle-orm/sqlite-core";

/**
 * Issued monthly circulars. Drafts are generated on request and never stored; issuing freezes the
 * files exactly as sent, so they download unchanged after the data changes. `docx` is always the
 * system-generated Word file, never overwritten; when the office uploads its own edited final copy
 * (at issuing or later), that copy is `final_docx` and is what "the issued circular" downloads as.
 */
export const circulars = sqliteTable(
  "circulars",
  {
    id: integer("id").primaryKey(),
    month: text("month").notNull(),
    year: integer("year").notNull(),
    sequence: integer("sequence").notNull(),
    documentNumber: text("document_number").notNull(),
    title: text("title").notNull(),
    issuedOn: text("issued_on").notNull(),
    docx: blob("docx", { mode: "buffer" }).notNull(),
    xlsx: blob("xlsx", { mode: "buffer" }).notNull(),
    // 信用办定稿: the office's own .docx, served instead of `docx` when present; the latest upload wins.
    finalDocx: blob("final_docx", { mode: "buffer" }),
    finalFileName: text("final_file_name"),
    finalUploadedAt: text("final_uploaded_at"),
    finalUploadedBy: text("final_uploaded_by"),
    // 作废: an issued circular is withdrawn with a reason; its number stays used.
    voidedOn: text("voided_on"),
    voidedReason: text("voided_reason"),
  },
  // One circular in force per month; a voided one keeps its number (and the number stays used).
  (t) => [uniqueIndex("circulars_month_uq").on(t.month).where(sql`voided_on IS NULL`), uniqueIndex("circulars_number_uq").on(t.year, t.sequence)],
);

export type Circular = typeof circulars.$inferSelect;
