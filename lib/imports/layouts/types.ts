/** How a cell is read: the parser, the template's example and the help page all follow it. */
export type CellKind = "text" | "code" | "date" | "dateOrLongTerm" | "amountWan" | "integer" | "number" | "month";

/** One column of a layout: its names in files (Chinese, the standard's code, older or local spellings). */
export interface ColumnSpec {
  /** The record field it fills, or a name of its own for a column kept only as read. */
  field: string;
  header: string;
  code?: string;
  /** Other names files use for it; `legacyOf` marks the 2016 layout's names. */
  aliases?: readonly string[];
  /** Names of the older (2016) layout that map here. */
  legacy?: readonly string[];
  kind: CellKind;
  /** 必填 in the template and the help page; the field rules decide what a missing value means. */
  required?: boolean;
  /** Several columns may fill it (the 2016 layout's 处罚类别1 and 处罚类别2): their values are joined. */
  joins?: boolean;
  /** For a key field: what its absence means, after "X为空" (e.g. 无法确定是哪一条记录). */
  rejectNote?: string;
  /** A date the record keeps as text: an unreadable one is kept as written, for its rule to report. */
  keepUnreadable?: boolean;
  /** Read and checked but not kept in the record. */
  notStored?: boolean;
  note?: string;
  example: string;
}

export interface Layout {
  dataset: string;
  /** Only the office sends it (city-wide figures); otherwise a department sends its own. */
  officeOnly?: boolean;
  label: string;
  /** What the file holds, for the 数据 page. */
  description: string;
  columns: readonly ColumnSpec[];
  /** Columns without which no row can be stored: their absence refuses the file. */
  keyFields: readonly string[];
  /** Headers of the older layout known to carry nothing this product stores (reported as known, not unknown). */
  knownIgnored?: readonly string[];
}
