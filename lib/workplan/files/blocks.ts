/**
 * What a file reader hands on: the document's paragraphs and tables in order. A table is a grid: one
 * entry per grid column in every row, so a merged cell is repeated where it spans, marked as such.
 */
export type Block = { kind: "text"; text: string } | { kind: "table"; rows: TableCell[][] };

export interface TableCell {
  /** The cell's text, one paragraph (or, from a PDF, one printed line) a line. */
  text: string;
  /** Continues the cell above (a vertically merged cell): the same value, not a new one. */
  continued?: boolean;
  /** Covered by the cell to its left (a horizontally merged cell). */
  spanned?: boolean;
  /** From a PDF: lines are where the printer wrapped the text, not paragraphs. */
  wrapped?: boolean;
}

/** A file's text, or why it cannot be read (in Chinese, saying what to do). */
export type FileText = { ok: true; text: string; kind: FileKind } | { ok: false; error: string; kind: FileKind | null };

export type FileKind = "text" | "docx" | "xlsx" | "pdf";
