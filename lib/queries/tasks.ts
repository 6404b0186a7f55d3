import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import type { Db } from "@/db/client";
import { departments, workPlans } from "@/db/schema";
import { loadTaskBoard, type BoardTask } from "@/lib/plans/task-board";
import type { TaskStatus } from "@/lib/plans/task-status";
import { getComputedMonths } from "./months";

export interface TaskFilters {
  departmentId?: number;
  section?: string;
  status?: TaskStatus;
}

/** The task table: every task of the active plans, filtered as the URL asks. */
export async function getTaskTable(filters: TaskFilters, db: Db = getDb()): Promise<{ tasks: BoardTask[]; all: BoardTask[] }> {
  const months = await getComputedMonths(db);
  const all = await loadTaskBoard(db, months.at(-1) ?? null);
  const tasks = all.filter((t) =>
    (filters.departmentId === undefined || [...t.leads, ...t.units].some((u) => u.id === filters.departmentId))
    && (filters.section === undefined || t.section === filters.section)
    && (filters.status === undefined || t.status === filters.status));
  return { tasks, all };
}

export async function getTask(id: number, db: Db = getDb()): Promise<BoardTask | null> {
  const months = await getComputedMonths(db);
  const [task] = await loadTaskBoard(db, months.at(-1) ?? null, [id]);
  return task ?? null;
}

export async function getDepartmentList(db: Db = getDb()) {
  return db.select({ id: departments.id, name: departments.shortName, fullName: departments.name, code: departments.code })
    .from(departments).orderBy(asc(departments.sortOrder));
}

export async function getActivePlans(db: Db = getDb()) {
  return db.select({ id: workPlans.id, title: workPlans.title, year: workPlans.year, loadedOn: workPlans.loadedOn })
    .from(workPlans).where(eq(workPlans.active, true)).orderBy(asc(workPlans.id));
}
