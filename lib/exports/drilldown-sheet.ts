import type { Drilldown, DrilldownRow } from "@/lib/indicators/drilldown";
import type { ColumnFormat, SheetSpec } from "./xlsx";

// Dates from the database are already "YYYY-MM-DD" text; keeping them as text matches what the screen shows.
const DATE_KEY = /(^|_)(date|on|at)$/;

/** The records behind a number, as a sheet: the drilldown's own columns, with formats inferred from keys and values. */
export function drilldownSheet(d: Drilldown, title: string): SheetSpec {
  const truncated = d.total > d.rows.length;
  return {
    name: d.title,
    title,
    // A page of a longer list must not pass for the whole list.
    note: truncated ? `共${d.total}条${d.totalAtLeast ? "以上" : ""}，本表包含其中${d.rows.length}条` : `共${d.total}条`,
    columns: d.columns.map((c) => ({ key: c.key, header: c.label, format: inferFormat(c.key, d.rows) })),
    rows: d.rows,
  };
}

export function inferFormat(key: string, rows: DrilldownRow[]): ColumnFormat | undefined {
  if (DATE_KEY.test(key)) return "text";
  const present = rows.map((r) => r[key]).filter((v) => v !== null && v !== undefined);
  if (present.length === 0) return undefined;
  if (present.every((v) => typeof v === "string")) return "text";
  if (!present.every((v) => typeof v === "number")) return undefined;
  const decimals = (present as number[]).reduce((max, n) => Math.max(max, decimalPlaces(n)), 0);
  return decimals === 0 ? "integer" : decimals === 1 ? "decimal1" : "decimal2";
}

function decimalPlaces(n: number): number {
  if (Number.isInteger(n)) return 0;
  // Round first so float noise like 0.1 + 0.2 does not read as 17 decimals.
  const text = String(Math.round(n * 100) / 100);
  return text.includes(".") ? (text.split(".")[1]?.length ?? 0) : 0;
}
