import type { HeaderMatch } from "./headers";
import type { ColumnSpec, Layout } from "./layouts/types";
import { parseAmountWan, parseCode, parseDate, parseText, type Parsed } from "./values";

export const LONG_TERM_END = "2099-12-31";
const LONG_TERM = /^(长期|永久|长期有效|无固定期限|无期限)$/;

export interface CellProblem { column: string; reason: string }

export type FieldValues = Record<string, string | number | null>;

/** A row's cells read into the layout's fields, or the reason the row cannot be stored. */
export interface ReadFields {
  fields: FieldValues;
  /** Cells that held something unusable; the row is still stored where the dataset allows. */
  problems: CellProblem[];
  /** A key field empty or unreadable: the row cannot be stored. */
  rejected?: CellProblem;
}

export function parseCell(column: ColumnSpec, raw: string): Parsed<string | number> {
  switch (column.kind) {
    case "text": return parseText(raw);
    case "code": return parseCode(raw);
    case "amountWan": return parseAmountWan(raw);
    case "integer": {
      const text = parseText(raw);
      if (!text.value) return text;
      const n = Number(text.value.replace(/[,，\s]/g, "").replace(/^第|名$/g, ""));
      return Number.isInteger(n) ? { value: n } : { value: null, problem: `不是整数：${text.value.slice(0, 20)}` };
    }
    case "number": {
      const text = parseText(raw);
      if (!text.value) return text;
      const n = Number(text.value.replace(/[,，\s]/g, "").replace(/(分|%|％)$/, ""));
      return Number.isFinite(n) ? { value: n } : { value: null, problem: `不是数字：${text.value.slice(0, 20)}` };
    }
    case "month": {
      const text = parseText(raw);
      if (!text.value) return text;
      // Excel turns a typed 2026-10 or 2026年10月 into the date 2026-10-01: the first of a month is that month.
      const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$/.exec(text.value) ?? /^(\d{4})(\d{2})$/.exec(text.value) ?? /^(\d{4})-(\d{2})-01$/.exec(text.value);
      const month = m ? `${m[1]}-${m[2]!.padStart(2, "0")}` : null;
      return month && Number(m![2]) >= 1 && Number(m![2]) <= 12 ? { value: month } : { value: null, problem: `无法识别的月份：${text.value.slice(0, 20)}` };
    }
    case "date": return parseDate(raw);
    case "dateOrLongTerm": {
      const text = parseText(raw);
      if (text.value && LONG_TERM.test(text.value)) return { value: LONG_TERM_END };
      return parseDate(raw);
    }
  }
}

/**
 * Reads a row's cells into the layout's fields. A value that cannot be read is a problem of the row; where the
 * column keeps what was written (text, codes, and dates the record stores as text), it is kept so the record
 * says it and its rules report it. Only the layout's key fields decide whether a row can be stored.
 */
export function readFields(layout: Layout, match: HeaderMatch, header: readonly string[], cells: readonly string[]): ReadFields {
  const fields: FieldValues = {};
  const problems: CellProblem[] = [];
  let rejected: CellProblem | undefined;
  for (const column of layout.columns) {
    const positions = match.positions.get(column.field);
    if (!positions) continue;
    const isKey = layout.keyFields.includes(column.field);
    const values: (string | number)[] = [];
    for (const p of positions) {
      const raw = cells[p] ?? "";
      const parsed = parseCell(column, raw);
      const at = header[p]?.trim() || column.header;
      if (parsed.problem) {
        if (isKey) rejected ??= { column: at, reason: `${parsed.problem}，${column.rejectNote ?? `无法读取${column.header}`}` };
        else problems.push({ column: at, reason: parsed.problem });
        if (!isKey && (column.kind === "text" || column.kind === "code" || column.keepUnreadable)) {
          const text = parseText(raw).value;
          if (text) values.push(text);
        }
      } else if (parsed.value !== null) {
        values.push(parsed.value);
      }
    }
    fields[column.field] = values.length === 0 ? null : column.joins ? [...new Set(values.map(String))].join(";") : values[0]!;
    if (isKey && fields[column.field] === null && !rejected) {
      const named = header[positions[0]!]?.trim() || column.header;
      rejected = { column: named, reason: `${column.header}为空${column.rejectNote ? `，${column.rejectNote}` : ""}` };
    }
  }
  return { fields, problems, rejected };
}

export const str = (v: string | number | null | undefined): string | null => (v === null || v === undefined ? null : String(v));
export const num = (v: string | number | null | undefined): number | null => (typeof v === "number" ? v : null);
