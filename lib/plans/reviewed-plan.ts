import { z } from "zod";
import { isIsoDate } from "@/lib/dates";

const unitSchema = z.object({
  writtenAs: z.string().trim().min(1).max(200),
  role: z.enum(["lead", "responsible"]),
  departmentIds: z.array(z.number().int().positive()).max(60),
  /** The office decided this name assigns nobody in the department list (e.g. 各镇(街道) in a city plan). */
  ignored: z.boolean().default(false),
});

const taskSchema = z.object({
  section: z.string().max(200),
  number: z.string().min(1).max(20),
  title: z.string().min(1).max(2000),
  text: z.string().min(1).max(20_000),
  deadline: z.string().refine(isIsoDate, "截止日期应为YYYY-MM-DD").nullable(),
  targets: z.array(z.object({
    indicator: z.string().nullable(),
    op: z.enum([">=", ">", "<=", "<", "="]),
    value: z.number().finite(),
    unit: z.string().nullable(),
    text: z.string().max(500).default(""),
  })).max(20),
  units: z.array(unitSchema).max(100),
});

/** A plan as the office confirmed it on the review screen: what will be saved. */
export const reviewedPlanSchema = z.object({
  title: z.string().trim().min(1, "请填写工作要点名称").max(200),
  year: z.number().int().min(2000).max(2100).nullable(),
  originalText: z.string().min(1).max(2_000_000, "原文超过200万字，请分开载入"),
  replacesPlanId: z.number().int().positive().nullable(),
  tasks: z.array(taskSchema).min(1, "没有读出任何任务").max(500),
});

export type ReviewedPlan = z.infer<typeof reviewedPlanSchema>;
export type ReviewedTask = ReviewedPlan["tasks"][number];

/** Units nobody settled yet, named by task and unit, in Chinese. */
export function unsettledUnits(plan: ReviewedPlan): string[] {
  return plan.tasks.flatMap((task) =>
    task.units.filter((u) => u.departmentIds.length === 0 && !u.ignored).map((u) => `第${task.number}项任务的“${u.writtenAs}”尚未对应到部门`),
  );
}

/** Text reduced to what says what the task is: a reworded comma does not make it a new task. */
export function taskFingerprint(task: Pick<ReviewedTask, "section" | "text">): string {
  return `${task.section}|${task.text}`.normalize("NFKC").replace(/[\s\p{P}]/gu, "");
}
