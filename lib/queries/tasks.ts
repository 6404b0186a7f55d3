import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import type { Db } from "@/db/client";
import { departments, workPlans } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { reportingDepartments } from "@/lib/plans/record-progress";
import { loadTaskBoard, type BoardTask } from "@/lib/plans/task-board";
import type { TaskStatus } from "@/lib/plans/task-status";
import { getComputedMonths } from "./months";

export interface TaskFilters {
  departmentId?: number;
  section?: string;
  status?: TaskStatus;
}

/** Whether a viewer sees a task: the whole city sees all, a 部门 or 区县 only tasks that name it. */
async function taskVisibility(viewer: Viewer, db: Db): Promise<(task: BoardTask) => boolean> {
  if (viewer.role === "leader") return () => true;
  const own = await reportingDepartments(db, viewer);
  if (own === "any") return () => true;
  return (task) => [...task.leads, ...task.units].some((u) => own.includes(u.id));
}

/** The task table: the viewer's tasks of the active plans, filtered as the URL asks. */
export async function getTaskTable(viewer: Viewer, filters: TaskFilters, db: Db = getDb()): Promise<{ tasks: BoardTask[]; all: BoardTask[] }> {
  const months = await getComputedMonths(db);
  const visible = await taskVisibility(viewer, db);
  const all = (await loadTaskBoard(db, months.at(-1) ?? null)).filter(visible);
  const tasks = all.filter((t) =>
    (filters.departmentId === undefined || [...t.leads, ...t.units].some((u) => u.id === filters.departmentId))
    && (filters.section === undefined || t.section === filters.section)
    && (filters.status === undefined || t.status === filters.status));
  return { tasks, all };
}

/** The units of a task the viewer may report progress as: none for 领导, itself for a 部门, any for the office. */
export async function reportingUnitsOf(viewer: Viewer, task: BoardTask, db: Db = getDb()): Promise<{ id: number; name: string }[]> {
  if (viewer.role === "leader") return [];
  const own = await reportingDepartments(db, viewer);
  const owners = [...new Map([...task.leads, ...task.units].map((u) => [u.id, u])).values()];
  return owners.filter((u) => own === "any" || own.includes(u.id));
}

/** One task, `"forbidden"` when it names neither the viewer's department nor its district. */
export async function getTask(viewer: Viewer, id: number, db: Db = getDb()): Promise<BoardTask | "forbidden" | null> {
  const months = await getComputedMonths(db);
  const [task] = await loadTaskBoard(db, months.at(-1) ?? null, [id]);
  if (!task) return null;
  return (await taskVisibility(viewer, db))(task) ? task : "forbidden";
}

export async function getDepartmentList(db: Db = getDb()) {
  return db.select({ id: departments.id, name: departments.shortName, fullName: departments.name, code: departments.code })
    .from(departments).orderBy(asc(departments.sortOrder));
}

export async function getActivePlans(db: Db = getDb()) {
  return db.select({ id: workPlans.id, title: workPlans.title, year: workPlans.year, loadedOn: workPlans.loadedOn })
    .from(workPlans).where(eq(workPlans.active, true)).orderBy(asc(workPlans.id));
}
