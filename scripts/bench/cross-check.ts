import Database from "libsql";
import { createWorkCalendar } from "@/lib/calendar";
import { dayNumber, fromDayNumber } from "@/lib/dates";
import { rows, type DuckConnection } from "./duckdb";

export interface Mismatch {
  month: string;
  orgUnit: string;
  code: string;
  app: [number | null, number | null];
  duck: [number | null, number | null];
}

/** Copies the app's stored indicator values next to DuckDB's and lists every (month, unit, indicator) that differs. */
export async function compareWithApp(conn: DuckConnection, dbPath: string): Promise<{ compared: number; mismatches: number; first: Mismatch[] }> {
  const source = new Database(dbPath, { readonly: true });
  await conn.run(`CREATE OR REPLACE TABLE app_values (month VARCHAR, org_unit_id INTEGER, code VARCHAR, numerator DOUBLE, denominator DOUBLE)`);
  await conn.run(`CREATE OR REPLACE TABLE unit_names (id INTEGER, name VARCHAR)`);
  const appender = await conn.createAppender("app_values");
  const stored = source.prepare("SELECT month, org_unit_id, indicator_code, numerator, denominator FROM indicator_values");
  for (const r of stored.raw(true).iterate() as IterableIterator<unknown[]>) {
    appender.appendVarchar(String(r[0]));
    appender.appendInteger(Number(r[1]));
    appender.appendVarchar(String(r[2]));
    appender.appendDouble(Number(r[3]));
    if (r[4] === null) appender.appendNull();
    else appender.appendDouble(Number(r[4]));
    appender.endRow();
  }
  appender.closeSync();
  const names = await conn.createAppender("unit_names");
  for (const [id, name] of source.prepare("SELECT id, name FROM org_units").raw(true).all() as [number, string][]) {
    names.appendInteger(id);
    names.appendVarchar(name);
    names.endRow();
  }
  names.closeSync();
  source.close();
  const diff = `FROM duck_values d FULL JOIN app_values a ON a.month = d.month AND a.org_unit_id = d.org_unit_id AND a.code = d.code
                WHERE a.month IS NULL OR d.month IS NULL
                   OR a.numerator IS DISTINCT FROM d.numerator OR a.denominator IS DISTINCT FROM d.denominator`;
  const [count] = await rows(conn, `SELECT count(*)::INTEGER AS n, (SELECT count(*)::INTEGER FROM app_values) AS compared ${diff}`);
  const first = await rows(conn, `SELECT coalesce(d.month, a.month) AS month, coalesce(d.code, a.code) AS code, u.name,
      a.numerator AS an, a.denominator AS ad, d.numerator AS dn, d.denominator AS dd
    ${diff.replace("WHERE", "LEFT JOIN unit_names u ON u.id = coalesce(d.org_unit_id, a.org_unit_id) WHERE")}
    ORDER BY 2, 1 DESC, 3 LIMIT 8`);
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    compared: Number(count?.compared ?? 0), mismatches: Number(count?.n ?? 0),
    first: first.map((r) => ({ month: String(r.month), orgUnit: String(r.name), code: String(r.code),
      app: [num(r.an), num(r.ad)], duck: [num(r.dn), num(r.dd)] })),
  };
}

/**
 * Re-derives each 双公示 record's timeliness from the working-day calendar (7th working day after the decision)
 * and counts the records whose stored working_days_late disagrees: the timeliness rate rests on that column.
 */
export async function checkStoredLateness(conn: DuckConnection, dbPath: string): Promise<{ checked: number; disagreements: number }> {
  const source = new Database(dbPath, { readonly: true });
  type Override = { date: string; kind: "workday" | "holiday"; note: string | null };
  const overrides = source.prepare("SELECT date, kind, note FROM calendar_overrides").all() as Override[];
  const years = (source.prepare("SELECT year FROM calendar_years").raw(true).all() as [number][]).map(([y]) => y);
  source.close();
  const calendar = createWorkCalendar(overrides.map((o) => ({ ...o, note: o.note ?? undefined })), years);
  await conn.run("CREATE OR REPLACE TABLE workdays (d DATE, work BOOLEAN)");
  const appender = await conn.createAppender("workdays");
  for (const year of calendar.coveredYears()) {
    for (let day = dayNumber(`${year}-01-01`); day <= dayNumber(`${year}-12-31`); day++) {
      const date = fromDayNumber(day);
      appender.appendVarchar(date);
      appender.appendBoolean(calendar.isWorkday(date));
      appender.endRow();
    }
  }
  appender.closeSync();
  const [r] = await rows(conn, `
    WITH c AS (SELECT d, work, sum(work::INTEGER) OVER (ORDER BY d) AS n FROM workdays),
    judged AS (
      SELECT s.working_days_late AS stored,
             CASE WHEN dl.d IS NULL OR rep.d IS NULL THEN NULL ELSE s.reported_date <= dl.d END AS timely
      FROM sgs_records s LEFT JOIN c dec ON dec.d = s.decision_date
      LEFT JOIN c dl ON dl.work AND dl.n = dec.n + 7 LEFT JOIN c rep ON rep.d = s.reported_date)
    SELECT count(*)::INTEGER AS checked,
           count(*) FILTER ((stored IS NULL) <> (timely IS NULL) OR (stored = 0) <> timely)::INTEGER AS disagreements
    FROM judged`);
  return { checked: Number(r?.checked ?? 0), disagreements: Number(r?.disagreements ?? 0) };
}
