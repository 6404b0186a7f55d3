import { sqliteTable, integer, text, real, index, primaryKey, uniqueIndex } from "drizzle-orm/sqlite-core";
import { departments } from "./org";
import { indicators } from "./monitoring";

export const TASK_ROLES = ["lead", "responsible"] as const;
export const PROGRESS_STATUSES = ["not_started", "in_progress", "done"] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

/** A 工作要点 as loaded: the original text is kept; a new version supersedes the old one. */
export const workPlans = sqliteTable("work_plans", {
  id: integer("id").primaryKey(),
  title: text("title").notNull(),
  year: integer("year"),
  originalText: text("original_text").notNull(),
  loadedOn: text("loaded_on").notNull(),
  supersedesId: integer("supersedes_id"),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
});

export const planTasks = sqliteTable(
  "plan_tasks",
  {
    id: integer("id").primaryKey(),
    planId: integer("plan_id").notNull().references(() => workPlans.id),
    section: text("section").notNull(),
    number: text("number").notNull(),
    title: text("title").notNull(),
    text: text("text").notNull(),
    deadline: text("deadline"),
    sortOrder: integer("sort_order").notNull(),
    // Normalised text of the task: an unchanged task in a new version of the plan keeps its progress.
    fingerprint: text("fingerprint").notNull(),
  },
  (t) => [index("plan_tasks_plan_idx").on(t.planId, t.sortOrder), index("plan_tasks_fingerprint_idx").on(t.fingerprint)],
);

/** The departments a task names, lead or responsible, with the unit as the document wrote it. */
export const taskUnits = sqliteTable(
  "task_units",
  {
    taskId: integer("task_id").notNull().references(() => planTasks.id),
    departmentId: integer("department_id").notNull().references(() => departments.id),
    role: text("role", { enum: TASK_ROLES }).notNull(),
    writtenAs: text("written_as").notNull(),
  },
  (t) => [primaryKey({ name: "task_units_pk", columns: [t.taskId, t.departmentId, t.role] }), index("task_units_department_idx").on(t.departmentId)],
);

export const taskTargets = sqliteTable("task_targets", {
  id: integer("id").primaryKey(),
  taskId: integer("task_id").notNull().references(() => planTasks.id),
  indicatorCode: text("indicator_code").references(() => indicators.code),
  op: text("op", { enum: [">=", ">", "<=", "<", "="] }).notNull(),
  value: real("value").notNull(),
  unit: text("unit"),
  text: text("text").notNull(),
});

/** 整改反馈 / progress reports: each responsible department reports on its part of a task. */
export const progressReports = sqliteTable(
  "progress_reports",
  {
    id: integer("id").primaryKey(),
    taskId: integer("task_id").notNull().references(() => planTasks.id),
    departmentId: integer("department_id").notNull().references(() => departments.id),
    status: text("status", { enum: PROGRESS_STATUSES }).notNull(),
    note: text("note").notNull().default(""),
    reportedOn: text("reported_on").notNull(),
  },
  (t) => [index("progress_task_idx").on(t.taskId, t.reportedOn)],
);

/** How the office settled a unit name a plan wrote (区住建局(交通局) → two departments): reused next time. */
export const departmentAliases = sqliteTable(
  "department_aliases",
  {
    alias: text("alias").notNull(),
    departmentId: integer("department_id").notNull().references(() => departments.id),
  },
  (t) => [uniqueIndex("department_aliases_uq").on(t.alias, t.departmentId)],
);

export type WorkPlan = typeof workPlans.$inferSelect;
export type PlanTask = typeof planTasks.$inferSelect;
export type ProgressReport = typeof progressReports.$inferSelect;
