import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  departments, indicators, indicatorValues, orgUnits, planTasks, progressReports, taskTargets, taskUnits, workPlans,
  type PlanTask, type ProgressReport,
} from "@/db/schema";
import { addMonths, todayInChina, type IsoMonth } from "@/lib/dates";
import { projectsToMissTarget, targetDirection, TREND_WINDOW_MONTHS } from "@/lib/indicators/warnings";
import { taskDeadline } from "@/lib/workplan/deadlines";
import type { DeadlineKind } from "@/lib/workplan/types";
import { allTargetsMet, monthsUntil, planYearNotice, taskStatus, type TaskStatus } from "./task-status";

export interface BoardTask extends PlanTask {
  planTitle: string;
  planYear: number | null;
  /** As the plan set it (re-read from the task's text; a date the office changed is a date). */
  deadlineKind: DeadlineKind;
  /** The words the deadline was read from ("10月底前", "每季度"); null when defaulted or set by the office. */
  deadlineText: string | null;
  /** Set when the plan's year is not the year of the month the figures are from (planYearNotice). */
  yearNotice: string | null;
  leads: { id: number; name: string }[];
  units: { id: number; name: string }[];
  targets: { indicatorCode: string | null; indicatorName: string | null; unit: string | null; op: string; value: number; text: string; current: number | null;
    /** The side the target is reached from (see targetDirection). */
    direction: "higher" | "lower" }[];
  reports: (ProgressReport & { departmentName: string })[];
  status: TaskStatus;
}

/**
 * The active plans' tasks with owners, targets against the city's current value, progress reports
 * and status. `taskIds` narrows it (a department's tasks, one task).
 */
export async function loadTaskBoard(db: Db, latestMonth: IsoMonth | null, taskIds?: number[]): Promise<BoardTask[]> {
  const tasks = await db.select({ task: planTasks, planTitle: workPlans.title, planYear: workPlans.year }).from(planTasks)
    .innerJoin(workPlans, eq(workPlans.id, planTasks.planId))
    .where(and(eq(workPlans.active, true), taskIds ? inArray(planTasks.id, taskIds) : undefined))
    .orderBy(asc(workPlans.id), asc(planTasks.sortOrder));
  const ids = tasks.map((t) => t.task.id);
  if (ids.length === 0) return [];
  const [units, targets, reports, catalogue, [city]] = await Promise.all([
    db.select({ taskId: taskUnits.taskId, role: taskUnits.role, id: departments.id, name: departments.shortName }).from(taskUnits)
      .innerJoin(departments, eq(departments.id, taskUnits.departmentId)).where(inArray(taskUnits.taskId, ids)).orderBy(asc(departments.sortOrder)),
    db.select().from(taskTargets).where(inArray(taskTargets.taskId, ids)),
    db.select({ r: progressReports, departmentName: departments.shortName }).from(progressReports)
      .innerJoin(departments, eq(departments.id, progressReports.departmentId))
      .where(inArray(progressReports.taskId, ids)).orderBy(desc(progressReports.reportedOn), desc(progressReports.id)),
    db.select().from(indicators),
    db.select().from(orgUnits).where(eq(orgUnits.level, "city")).limit(1),
  ]);
  const series = new Map<string, (number | null)[]>();
  if (city && latestMonth) {
    const from = addMonths(latestMonth, -(TREND_WINDOW_MONTHS - 1));
    const rows = await db.select().from(indicatorValues).where(eq(indicatorValues.orgUnitId, city.id)).orderBy(asc(indicatorValues.month));
    for (const r of rows.filter((row) => row.month >= from && row.month <= latestMonth)) {
      series.set(r.indicatorCode, [...(series.get(r.indicatorCode) ?? []), r.value]);
    }
  }
  const today = todayInChina();
  return tasks.map(({ task, planTitle, planYear }) => {
    // The kind is not stored: it is read again from the text. A plan saved before every task had a deadline
    // gets the one the reader now gives it.
    const read = taskDeadline(task.text, planYear);
    const deadline = task.deadline ?? read.date;
    const [deadlineKind, deadlineText] = task.deadline === null || task.deadline === read.date ? [read.kind, read.text] : ["date" as const, null];
    const mine = units.filter((u) => u.taskId === task.id);
    const taskReports = reports.filter((r) => r.r.taskId === task.id).map((r) => ({ ...r.r, departmentName: r.departmentName }));
    const responsible = [...new Map(mine.map((u) => [u.id, u])).values()];
    const latest = new Map<number, ProgressReport["status"]>();
    for (const r of taskReports) if (!latest.has(r.departmentId)) latest.set(r.departmentId, r.status);
    const taskTargetsOf = targets.filter((t) => t.taskId === task.id).map((t) => {
      const indicator = catalogue.find((i) => i.code === t.indicatorCode);
      const values = t.indicatorCode ? series.get(t.indicatorCode) ?? [] : [];
      return { indicatorCode: t.indicatorCode, indicatorName: indicator?.name ?? null, unit: t.unit, op: t.op, value: t.value, text: t.text,
        current: values[values.length - 1] ?? null, direction: targetDirection(t.op, indicator?.direction ?? "lower") };
    });
    const projectedToMiss = Boolean(deadline && latestMonth) && taskTargetsOf.some((t) =>
      t.indicatorCode !== null && projectsToMissTarget(series.get(t.indicatorCode) ?? [], t.value, t.direction, monthsUntil(latestMonth!, deadline!)));
    return {
      ...task, deadline, planTitle, planYear, deadlineKind, deadlineText, yearNotice: planYearNotice(planTitle, planYear, latestMonth),
      leads: mine.filter((u) => u.role === "lead").map(({ id, name }) => ({ id, name })),
      units: mine.filter((u) => u.role === "responsible").map(({ id, name }) => ({ id, name })),
      targets: taskTargetsOf, reports: taskReports,
      status: taskStatus({
        deadline, deadlineKind, latestReports: [...latest.values()], responsibleCount: responsible.length, projectedToMiss,
        targetsMet: allTargetsMet(taskTargetsOf),
      }, today),
    };
  });
}
