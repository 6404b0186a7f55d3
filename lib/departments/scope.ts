import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { departments, indicators, indicatorValues, orgUnits, taskUnits, type Department } from "@/db/schema";
import { firstDayOfMonth, lastDayOfMonth, type IsoMonth } from "@/lib/dates";
import { lostPoints } from "@/lib/dashboard/lost-score";
import { meetsTarget } from "@/lib/indicators/scoring";
import type { Viewer } from "@/lib/auth/viewer";
import { getDrilldown } from "@/lib/indicators/drilldown";
import { SGS_LATE, SGS_NONCOMPLIANT } from "@/lib/indicators/drilldown/specs";
import { describeFailedRules } from "@/lib/sgs";
import { loadTaskBoard } from "@/lib/plans/task-board";

const PAGE = 50;

/**
 * Everything one department may see, behind one function that takes the department. Callers decide
 * first whether the viewer may see this department (`canSeeDepartment`); everything here is its own.
 */
export async function forDepartment(db: Db, departmentId: number) {
  const [department] = await db.select().from(departments).where(eq(departments.id, departmentId));
  if (!department) return null;
  return {
    department,
    weakIndicators: (month: IsoMonth) => weakIndicators(db, department, month),
    tasks: async (latestMonth: IsoMonth | null) => {
      const ids = await db.selectDistinct({ id: taskUnits.taskId }).from(taskUnits).where(eq(taskUnits.departmentId, department.id));
      return ids.length === 0 ? [] : loadTaskBoard(db, latestMonth, ids.map((i) => i.id));
    },
    badSgsRecords: (month: IsoMonth, page = 1) => badSgsRecords(db, department, month, page),
    issuedCodeProblems: (month: IsoMonth, page = 1) => issuedCodeProblems(db, department, month, page),
  };
}

export type DepartmentScope = NonNullable<Awaited<ReturnType<typeof forDepartment>>>;

/** Indicators it owns whose city value misses the target, by the points they cost, with the worst districts. */
async function weakIndicators(db: Db, department: Department, month: IsoMonth) {
  const catalogue = await db.select().from(indicators).orderBy(asc(indicators.sortOrder));
  const owned = catalogue.filter((i) => (JSON.parse(i.ownerDepartments) as string[]).includes(department.code));
  if (owned.length === 0) return [];
  const cells = await db.select({ v: indicatorValues, unit: orgUnits }).from(indicatorValues)
    .innerJoin(orgUnits, eq(orgUnits.id, indicatorValues.orgUnitId))
    .where(and(eq(indicatorValues.month, month), inArray(orgUnits.level, ["city", "district"])));
  const city = cells.filter((c) => c.unit.level === "city");
  const lost = lostPoints(catalogue.map((i) => ({ code: i.code, weight: i.weight, score: city.find((c) => c.v.indicatorCode === i.code)?.v.score ?? null })));
  return owned
    .map((indicator) => {
      const value = city.find((c) => c.v.indicatorCode === indicator.code)?.v.value ?? null;
      const worst = cells.filter((c) => c.unit.level === "district" && c.v.indicatorCode === indicator.code && c.v.score !== null && c.v.score < 100)
        .sort((a, b) => (a.v.score ?? 0) - (b.v.score ?? 0)).slice(0, 3).map((c) => ({ id: c.unit.id, name: c.unit.name, value: c.v.value }));
      return { indicator, value, lostPoints: lost.get(indicator.code) ?? 0, worst };
    })
    .filter((w) => w.value !== null && !meetsTarget(w.value, w.indicator))
    .sort((a, b) => b.lostPoints - a.lostPoints);
}

/** Its own late and non-compliant 双公示 records decided in the month, with what is wrong. */
async function badSgsRecords(db: Db, department: Department, month: IsoMonth, page: number) {
  const where = sql`department_id = ${department.id} AND decision_date BETWEEN ${firstDayOfMonth(month)} AND ${lastDayOfMonth(month)}
    AND (${sql.raw(SGS_LATE("sgs_records"))} OR ${sql.raw(SGS_NONCOMPLIANT("sgs_records"))})`;
  const [count] = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM sgs_records WHERE ${where}`);
  const rows = await db.all<{ id: number; kind: string; doc_number: string | null; subject_name: string | null; decision_date: string; reported_date: string; working_days_late: number | null; failed_rules: string }>(
    sql`SELECT id, kind, doc_number, subject_name, decision_date, reported_date, working_days_late, failed_rules FROM sgs_records WHERE ${where}
        ORDER BY decision_date, id LIMIT ${PAGE} OFFSET ${(page - 1) * PAGE}`);
  return {
    total: count?.n ?? 0,
    rows: rows.map((r) => ({
      ...r, kind: r.kind === "license" ? "行政许可" : "行政处罚",
      problems: [
        ...(r.working_days_late && r.working_days_late > 0 ? [`逾期${r.working_days_late}个工作日上报`] : []),
        ...describeFailedRules(JSON.parse(r.failed_rules) as string[]).map((d) => d.message),
      ],
    })),
  };
}

/**
 * For a registering authority (known by a code's first character): the invalid and shared codes it issued —
 * the 重错码率 drill-down of the whole city as this department sees it, so the list is the indicator's own.
 */
async function issuedCodeProblems(db: Db, department: Department, month: IsoMonth, page: number) {
  if (!department.registersAuthority) return null;
  const [city] = await db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.level, "city"));
  if (!city) return null;
  const listing = await getDrilldown(db, departmentReader(department), { indicatorCode: "uscc_error_rate", orgUnitId: city.id, month, page, pageSize: PAGE });
  if (!listing || listing === "forbidden") return null;
  return {
    total: listing.total,
    rows: listing.rows.map((r) => ({ id: Number(r.id), name: String(r.name ?? ""), uscc: String(r.uscc ?? ""), district: String(r.district ?? ""), problem: String(r.problem ?? "") })),
  };
}

/** The department as the drill-down's scope, to read what it sees (never used to write). */
const departmentReader = (department: Department): Viewer => ({
  userId: null, tokenId: null, username: "system", displayName: department.shortName, role: "department", departmentId: department.id, districtId: null, sessionId: null, address: "",
});
