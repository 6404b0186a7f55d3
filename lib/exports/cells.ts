export type ColumnFormat = "text" | "integer" | "decimal1" | "decimal2" | "percent1" | "per10k2" | "rankChange" | "date";

export const NUM_FMT: Record<ColumnFormat, string> = {
  text: "@",
  integer: "#,##0",
  decimal1: "#,##0.0",
  decimal2: "#,##0.00",
  // The value is already in percent units (97.3 means 97.3%), so a literal suffix keeps it numeric without ×100.
  percent1: '0.0"%"',
  per10k2: '0.00"‱"',
  // A change of rank, positive when the unit moved up: 上升2位 / 下降1位 / 持平, still a number (a negative
  // section shows the absolute value).
  rankChange: '"上升"0"位";"下降"0"位";"持平"',
  date: "yyyy-mm-dd",
};

const NUMERIC = new Set<ColumnFormat | undefined>(["integer", "decimal1", "decimal2", "percent1", "per10k2", "rankChange"]);
const NUMERIC_TEXT = /^-?\d+(\.\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const MAX_CELL_TEXT = 32_767;
// Calendar dates are read in China time so a Date made at local midnight on a UTC server keeps its day.
const CHINA_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });

export type CellValue = string | number | Date | null;

/** Strings that Excel would run as a formula if a user re-entered the cell. */
export function looksLikeFormula(value: CellValue): boolean {
  return typeof value === "string" && /^[=+\-@\t\r]/.test(value);
}

export function isoDay(date: Date): string {
  return CHINA_DAY.format(date);
}

/** Turns any row value into something exceljs writes as a plain number, string or date — never a formula object. */
export function toCellValue(value: unknown, format?: ColumnFormat): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") value = Number(value);
  if (typeof value === "number") return Number.isFinite(value) ? value : null; // NaN would corrupt the file
  if (typeof value === "boolean") return value ? "是" : "否";
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    return format === "date" ? excelDate(isoDay(value)) : isoDay(value);
  }
  const text = String(value);
  if (format === "date" && ISO_DATE.test(text)) return excelDate(text);
  if (NUMERIC.has(format) && NUMERIC_TEXT.test(text.trim())) return Number(text);
  return text.length > MAX_CELL_TEXT ? text.slice(0, MAX_CELL_TEXT) : text;
}

/** exceljs converts Dates to serials in UTC, so a UTC midnight shows exactly that day. */
function excelDate(iso: string): Date | string {
  const m = ISO_DATE.exec(iso);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : iso;
}

const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff01-\uff60\uffe0-\uffe6]/u;

/** Width in Excel character units: CJK and full-width characters take two. */
export function textWidth(text: string): number {
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 2 : 1;
  return width;
}

/** Approximate width of a value as displayed with its format, without formatting every cell. */
export function cellWidth(value: CellValue, format?: ColumnFormat): number {
  if (value === null) return 0;
  if (value instanceof Date) return 10;
  if (typeof value === "string") return textWidth(value);
  if (!format || format === "text" || format === "date") return String(value).length;
  if (format === "rankChange") return value === 0 ? 4 : 6 + String(Math.abs(Math.round(value))).length;
  const decimals = format === "decimal1" || format === "percent1" ? 1 : format === "decimal2" || format === "per10k2" ? 2 : 0;
  const digits = String(Math.trunc(Math.abs(value))).length;
  const grouping = format === "integer" || format.startsWith("decimal") ? Math.floor((digits - 1) / 3) : 0;
  const suffix = format === "percent1" || format === "per10k2" ? 1 : 0;
  return digits + grouping + (decimals ? decimals + 1 : 0) + suffix + (value < 0 ? 1 : 0);
}
