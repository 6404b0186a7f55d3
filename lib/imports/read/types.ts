export interface TableRow {
  /** The row as Excel numbers it (1-based); for CSV the record's 1-based index, header included, blank lines too. */
  rowNumber: number;
  /** Cell texts; trailing blank cells are dropped. Empty when `unreadable` is set. */
  cells: string[];
  /** Why this row could not be read (Chinese, for the user); the caller should reject the row by its number. */
  unreadable?: string;
}

export interface ReadOptions {
  fileName: string;
  /** Worksheet name; default: the first visible worksheet. */
  sheet?: string;
  /** Default 2,000,000 non-empty rows (header included). */
  maxRows?: number;
  /** Default 32,767, Excel's own limit; longer cells are cut and listed in `report.longCells`. */
  maxCellChars?: number;
  /** Default 2 GiB: the .xlsx package's total size once unzipped. */
  maxUncompressedBytes?: number;
}

/** Filled in while rows are read: `kind`, `encoding` and `delimiter` at once, sheet names before the first row. */
export interface ReadReport {
  kind: "xlsx" | "csv";
  encoding?: string;
  sheet?: string;
  sheets?: string[];
  /** Rows present in the file whose cells are all blank (blank CSV lines, formatted-but-empty sheet rows). */
  emptyRows: number;
  formulaCells: number;
  /** Cells cut to maxCellChars; first 100 only. Column is 1-based. */
  longCells: { rowNumber: number; column: number }[];
  delimiter?: string;
}

export interface ResolvedOptions {
  sheet?: string;
  maxRows: number;
  maxCellChars: number;
  maxUncompressedBytes: number;
}
