import type { ProgressStatus } from "@/db/schema";
import { dayNumber, type IsoDate } from "@/lib/dates";

export const TASK_STATUSES = ["not_started", "in_progress", "done", "overdue", "off_track"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  not_started: "未开始", in_progress: "推进中", done: "已完成", overdue: "逾期", off_track: "预计无法按期达标",
};

export interface TaskFacts {
  deadline: string | null;
  /** The latest report of each responsible department (absent = none yet). */
  latestReports: readonly ProgressStatus[];
  responsibleCount: number;
  /** True when a linked indicator's six-month trend will not reach the target by the deadline. */
  projectedToMiss: boolean;
}

/**
 * A task is 已完成 when every responsible department reports it done, 逾期 when its deadline passed
 * first, 预计无法按期达标 when its indicator's trend will not make it in time, 推进中 once anyone reports.
 */
export function taskStatus(facts: TaskFacts, today: IsoDate): TaskStatus {
  const allDone = facts.responsibleCount > 0 && facts.latestReports.length >= facts.responsibleCount && facts.latestReports.every((s) => s === "done");
  if (allDone) return "done";
  if (facts.deadline && dayNumber(facts.deadline) < dayNumber(today)) return "overdue";
  if (facts.projectedToMiss) return "off_track";
  if (facts.latestReports.some((s) => s !== "not_started")) return "in_progress";
  return "not_started";
}

/** Whole months from a month to a deadline, at least 0: how far ahead the trend is projected. */
export function monthsUntil(fromMonth: string, deadline: IsoDate): number {
  const [fy, fm] = [Number(fromMonth.slice(0, 4)), Number(fromMonth.slice(5, 7))];
  const [dy, dm] = [Number(deadline.slice(0, 4)), Number(deadline.slice(5, 7))];
  return Math.max(0, (dy - fy) * 12 + dm - fm);
}
