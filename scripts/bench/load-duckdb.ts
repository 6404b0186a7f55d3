import Database from "libsql";
import type { DuckAppender, DuckConnection } from "./duckdb";

type ColumnType = "INTEGER" | "VARCHAR" | "DATE";

/**
 * The raw tables, reduced to the columns the indicators read (DuckDB is columnar: unread columns would
 * only lengthen the load). The derived record facts (uscc_failures, failed_rules, working_days_late)
 * come along because the app reads them too; the calendar cross-check re-derives lateness separately.
 */
const RAW_TABLES: Record<string, [string, ColumnType][]> = {
  org_units: [["id", "INTEGER"], ["level", "VARCHAR"], ["parent_id", "INTEGER"]],
  entities: [["id", "INTEGER"], ["uscc", "VARCHAR"], ["kind", "VARCHAR"], ["district_id", "INTEGER"], ["town_id", "INTEGER"],
    ["registered_on", "DATE"], ["exited_on", "DATE"], ["uscc_failures", "VARCHAR"]],
  sgs_records: [["kind", "VARCHAR"], ["entity_id", "INTEGER"], ["decision_date", "DATE"], ["reported_date", "DATE"],
    ["district_id", "INTEGER"], ["town_id", "INTEGER"], ["failed_rules", "VARCHAR"], ["working_days_late", "INTEGER"]],
  decision_counts: [["month", "VARCHAR"], ["org_unit_id", "INTEGER"], ["decisions", "INTEGER"]],
  xyd_enrolments: [["entity_id", "INTEGER"], ["enrolled_on", "DATE"], ["verified_on", "DATE"]],
  xyd_loans: [["entity_id", "INTEGER"], ["granted_on", "DATE"]],
  tax_ratings: [["entity_id", "INTEGER"], ["rating_year", "INTEGER"], ["grade", "VARCHAR"], ["published_on", "DATE"]],
  blacklist_entries: [["entity_id", "INTEGER"], ["listed_on", "DATE"], ["removed_on", "DATE"]],
  gov_default_cases: [["district_id", "INTEGER"], ["opened_on", "DATE"], ["closed_on", "DATE"]],
};

/**
 * Copies the raw tables from the libSQL file into DuckDB: the native driver's raw row iterator feeds
 * DuckDB's Appender, which casts the ISO date strings to DATE as it goes. Returns rows per table.
 */
export async function loadRawTables(conn: DuckConnection, dbPath: string): Promise<Record<string, number>> {
  const source = new Database(dbPath, { readonly: true });
  const counts: Record<string, number> = {};
  try {
    for (const [table, columns] of Object.entries(RAW_TABLES)) {
      await conn.run(`CREATE OR REPLACE TABLE ${table} (${columns.map(([c, t]) => `${c} ${t}`).join(", ")})`);
      counts[table] = await copyTable(conn, source, table, columns);
    }
  } finally {
    source.close();
  }
  return counts;
}

async function copyTable(conn: DuckConnection, source: Database.Database, table: string, columns: [string, ColumnType][]) {
  const appender = await conn.createAppender(table);
  const append: ((a: DuckAppender, v: unknown) => void)[] = columns.map(([, type]) =>
    type === "INTEGER" ? (a, v) => (v === null ? a.appendNull() : a.appendInteger(Number(v)))
      : (a, v) => (v === null ? a.appendNull() : a.appendVarchar(String(v))));
  const statement = source.prepare(`SELECT ${columns.map(([c]) => c).join(", ")} FROM ${table}`).raw(true);
  let n = 0;
  for (const row of statement.iterate() as IterableIterator<unknown[]>) {
    for (let i = 0; i < row.length; i++) append[i]!(appender, row[i] ?? null);
    appender.endRow();
    n++;
  }
  appender.flushSync();
  appender.closeSync();
  return n;
}
