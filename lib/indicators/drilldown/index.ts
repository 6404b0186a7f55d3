import type { InValue } from "@libsql/client";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { departments, indicators, indicatorValues, orgUnits } from "@/db/schema";
import { canSeeUnit } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/viewer";
import { addMonths, firstDayOfMonth, lastDayOfMonth, type IsoMonth } from "@/lib/dates";
import { describeFailedRules } from "@/lib/sgs";
import { USCC_FAILURE_LABELS, type UsccFailure } from "@/lib/uscc";
import { DRILLDOWN_SPECS, type DrilldownSpec } from "./specs";

export interface DrilldownQuery {
  indicatorCode: string;
  orgUnitId: number;
  month: IsoMonth;
  page?: number;
  pageSize?: number;
  search?: string;
  /** Count the records even where the engine's value says how many (the test that holds the two to one meaning). */
  countRecords?: boolean;
}

export type DrilldownRow = Record<string, string | number | null>;

export interface Drilldown {
  title: string;
  unit: { id: number; name: string; level: string };
  columns: { key: string; label: string }[];
  rows: DrilldownRow[];
  total: number;
  /** A search counts its matches only so far past the page (SEARCH_COUNT_AHEAD): `total` is then "at least". */
  totalAtLeast?: boolean;
  page: number;
  pageSize: number;
}

// Screens page by 50; a spreadsheet export takes up to this many rows at once.
const MAX_PAGE_SIZE = 50_000;
const READ_PART_ROWS = 2_000;
// A search that matches most of a district ("有限") would otherwise count hundreds of thousands of rows to print one
// number (4.8 s on the 5M city): it counts up to this many rows past the page and says "以上" beyond.
const SEARCH_COUNT_AHEAD = 1_000;

/**
 * The records behind an indicator's numerator for one org unit and month, paged and searchable, as
 * the viewer may see them: a 区县 only in its district and towns ("forbidden" elsewhere), a 部门 only
 * its own records (the spec says which those are).
 */
export async function getDrilldown(db: Db, viewer: Viewer, query: DrilldownQuery): Promise<Drilldown | "forbidden" | null> {
  const listing = await prepareListing(db, viewer, query, null);
  if (!listing || listing === "forbidden") return listing;
  const { spec, unit, department, from, select, used } = listing;
  const page = Math.max(1, Math.floor(query.page ?? 1));
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(query.pageSize ?? 50)));
  const term = query.search?.trim() ?? "";
  const countLimit = term ? page * pageSize + SEARCH_COUNT_AHEAD : null;
  const countSql = `SELECT count(*) AS n FROM (SELECT 1 FROM ${from}${countLimit ? ` LIMIT ${countLimit + 1}` : ""})`;
  const rowsSql = (limit: number, offset: number) => `SELECT ${select} FROM ${from} ORDER BY ${spec.orderBy} LIMIT ${limit} OFFSET ${offset}`;
  const rowArgs = used(rowsSql(1, 0));
  // A large page (an export, a 督办 item's records) is read in parts: a libSQL server refuses a response over its
  // size limit (10 MB by default), which 50,000 rows pass.
  const readPage = async () => {
    const rows: DrilldownRow[] = [];
    for (let offset = (page - 1) * pageSize, end = offset + pageSize; offset < end; offset += READ_PART_ROWS) {
      const limit = Math.min(READ_PART_ROWS, end - offset);
      const part = await db.$client.execute({ sql: rowsSql(limit, offset), args: rowArgs });
      for (const r of part.rows) rows.push(explain(query.indicatorCode, { ...r } as DrilldownRow));
      if (part.rows.length < limit) break;
    }
    return rows;
  };
  const known = !term && !query.countRecords && department.sql === all.sql ? await totalFromValue(db, spec, query) : null;
  const [count, rows] = await Promise.all([
    known ?? db.$client.execute({ sql: countSql, args: used(countSql) }).then((r) => Number(r.rows[0]?.n ?? 0)),
    readPage(),
  ]);
  const totalAtLeast = countLimit !== null && count > countLimit;
  return {
    title: spec.title, unit: { id: unit.id, name: unit.name, level: unit.level }, columns: spec.columns, page, pageSize,
    total: totalAtLeast ? countLimit : count, ...(totalAtLeast ? { totalAtLeast } : {}), rows,
  };
}

/**
 * The statement that selects the keys of `candidates` (SQL selecting row ids, with its own named arguments) the
 * indicator's listing still holds for the unit and month: which of a 督办 item's records are not yet fixed, asked of
 * the same listing the screens show, inside one statement (record-states.ts). Null where the listing has no key.
 */
export async function listedKeys(db: Db, viewer: Viewer, query: Pick<DrilldownQuery, "indicatorCode" | "orgUnitId" | "month">, candidates: string):
  Promise<{ sql: string; args: Record<string, InValue> } | "forbidden" | null> {
  const listing = await prepareListing(db, viewer, query, `(${candidates})`);
  if (!listing || listing === "forbidden" || !listing.spec.key) return listing === "forbidden" ? listing : null;
  const sql = `SELECT ${listing.spec.key} FROM ${listing.from}`;
  return { sql, args: listing.used(sql) };
}

/**
 * The listing's parts for one query as the viewer may see it: its FROM … WHERE with the unit, search, department and
 * (where the spec has a key) `keysIn` filled in, its columns, and the named arguments a statement uses.
 */
async function prepareListing(db: Db, viewer: Viewer, query: Omit<DrilldownQuery, "page" | "pageSize">, keysIn: string | null) {
  const spec = DRILLDOWN_SPECS[query.indicatorCode];
  const [unit] = await db.select().from(orgUnits).where(eq(orgUnits.id, query.orgUnitId));
  if (!spec || !unit) return null;
  if (!canSeeUnit(viewer, unit)) return "forbidden" as const;
  const department = await departmentFilter(db, viewer, query.indicatorCode, spec.department);
  const term = query.search?.trim() ?? "";
  const withUnit = (sql: string) => sql.replace(/:unit\((\w+)\)/g, (_, alias: string) => unitFilter(alias, unit.level));
  const narrowing = [
    ...(term ? [`(${spec.search.map((c) => `${c} LIKE :term ESCAPE '\\'`).join(" OR ")})`] : []),
    ...(keysIn && spec.key ? [`${spec.key} IN ${keysIn}`] : []),
  ];
  const from = withUnit(spec.from).replace(":department", department.sql).replace(":search", narrowing.join(" AND ") || "1 = 1");
  const args: Record<string, InValue> = {
    start: firstDayOfMonth(query.month), end: lastDayOfMonth(query.month), month: query.month,
    yearAgo: lastDayOfMonth(addMonths(query.month, -12)), threeYearsAgo: lastDayOfMonth(addMonths(query.month, -36)),
    unitId: unit.id, departmentId: department.departmentId, authority: department.authority, term: `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
  };
  const used = (sql: string) => Object.fromEntries(Object.entries(args).filter(([k]) => new RegExp(`:${k}\\b`).test(sql)));
  return { spec, unit, department, from, select: withUnit(spec.select), used };
}

/** The unfiltered listing's size as the engine counted it (spec.total), or null where there is no value to read. */
async function totalFromValue(db: Db, spec: DrilldownSpec, query: DrilldownQuery): Promise<number | null> {
  if (!spec.total) return null;
  const [value] = await db.select({ numerator: indicatorValues.numerator, denominator: indicatorValues.denominator }).from(indicatorValues)
    .where(and(eq(indicatorValues.indicatorCode, query.indicatorCode), eq(indicatorValues.orgUnitId, query.orgUnitId), eq(indicatorValues.month, query.month)));
  if (!value) return null;
  if (spec.total === "numerator") return value.numerator;
  return value.denominator === null ? null : value.denominator - value.numerator;
}

const all = { sql: "1 = 1", departmentId: 0, authority: "" };

/** The condition that keeps a 部门 viewer to its own records; everyone else sees them all. */
async function departmentFilter(db: Db, viewer: Viewer, indicatorCode: string, rule: string) {
  if (viewer.role !== "department") return all;
  const none = { sql: "0 = 1", departmentId: 0, authority: "" };
  if (!viewer.departmentId) return none;
  const [dep] = await db.select().from(departments).where(eq(departments.id, viewer.departmentId));
  if (!dep) return none;
  if (rule === "owner") {
    const [indicator] = await db.select({ owners: indicators.ownerDepartments }).from(indicators).where(eq(indicators.code, indicatorCode));
    const owners = JSON.parse(indicator?.owners ?? "[]") as string[];
    return owners.includes(dep.code) ? all : none;
  }
  if (rule.includes(":authority") && !dep.registersAuthority) return none;
  return { sql: `(${rule})`, departmentId: dep.id, authority: dep.registersAuthority ?? "" };
}

function unitFilter(alias: string, level: string): string {
  if (level === "city") return "1 = 1";
  if (alias === "cu") return level === "district" ? "(cu.id = :unitId OR cu.parent_id = :unitId)" : "cu.id = :unitId";
  if (alias === "g") return level === "district" ? "g.district_id = :unitId" : "0 = 1"; // cases are kept per district
  return level === "district" ? `${alias}.district_id = :unitId` : `${alias}.town_id = :unitId`;
}

/** Turns stored codes into the Chinese explanation a department can act on. */
function explain(indicatorCode: string, row: DrilldownRow): DrilldownRow {
  if (typeof row.kind === "string") row.kind = row.kind === "license" ? "行政许可" : "行政处罚";
  if (indicatorCode === "uscc_error_rate") {
    const failures = JSON.parse(String(row.uscc_failures ?? "[]")) as UsccFailure[];
    const problems = failures.map((f) => USCC_FAILURE_LABELS[f] ?? f);
    if (Number(row.shared_with) > 0) problems.push(`与其他${row.shared_with}个主体重码`);
    row.problem = problems.join("；");
  }
  if (indicatorCode === "sgs_compliance_rate") {
    row.problem = describeFailedRules(JSON.parse(String(row.failed_rules ?? "[]")) as string[]).map((d) => d.message).join("；");
  }
  if (indicatorCode === "sgs_report_rate") row.gap = Math.max(0, Number(row.decisions) - Number(row.reported));
  return row;
}

/**
 * Whether an indicator's records are the month's own (双公示 decisions made in it) rather than what stands at
 * its end (codes, open cases, list entries): a record of the first kind is judged again in its month, one of
 * the second at the latest month. Read from the spec itself, so it cannot disagree with the listing.
 */
export function recordsBelongToTheirMonth(indicatorCode: string): boolean {
  const spec = DRILLDOWN_SPECS[indicatorCode];
  return !!spec && /:start\b/.test(`${spec.select} ${spec.from}`);
}

/**
 * A listed record's identity across computations: its row id, or for a per-department row (the 上报率's
 * gaps) the department. Null when a row has neither.
 */
export function drilldownRowIdentity(row: DrilldownRow): string | null {
  if (row.id !== undefined && row.id !== null) return `id:${row.id}`;
  if (typeof row.department === "string") return `department:${row.department}`;
  return null;
}

/** A listed row that still needs work: a per-department row whose gap has closed lists nothing left to do. */
export const drilldownRowOutstanding = (row: DrilldownRow) => row.gap === undefined || Number(row.gap) > 0;
