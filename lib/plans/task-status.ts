import type { ProgressStatus } from "@/db/schema";
import { dayNumber, formatMonthZh, type IsoDate, type IsoMonth } from "@/lib/dates";
import type { DeadlineKind } from "@/lib/workplan/types";

export const TASK_STATUSES = ["not_started", "in_progress", "done", "met", "overdue", "off_track"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  not_started: "未开始", in_progress: "推进中", done: "已完成", met: "已达标", overdue: "逾期", off_track: "预计无法按期达标",
};

export interface TaskFacts {
  deadline: string | null;
  /** How the deadline was set (see lib/workplan DeadlineKind); a recurring or standing duty is never late. Default "date". */
  deadlineKind?: DeadlineKind;
  /** The latest report of each responsible department (absent = none yet). */
  latestReports: readonly ProgressStatus[];
  responsibleCount: number;
  /** True when a linked indicator's six-month trend will not reach the target by the deadline. */
  projectedToMiss: boolean;
  /** True when the task has targets and every one is measured and met by its indicator's latest value. */
  targetsMet?: boolean;
}

/**
 * A task is 已完成 when every responsible department reports it done; 已达标 when every target it sets is
 * met by the latest figures, whatever the date; 逾期 when its deadline passed with neither — but a recurring
 * (每季度) or standing (长期坚持) duty, dated only by the plan year's end, is never late; 预计无法按期达标
 * when its indicator's trend will not make it in time; 推进中 once anyone reports.
 */
export function taskStatus(facts: TaskFacts, today: IsoDate): TaskStatus {
  const allDone = facts.responsibleCount > 0 && facts.latestReports.length >= facts.responsibleCount && facts.latestReports.every((s) => s === "done");
  if (allDone) return "done";
  if (facts.targetsMet) return "met";
  const kind = facts.deadlineKind ?? "date";
  const canLapse = kind === "date" || kind === "default";
  if (canLapse && facts.deadline && dayNumber(facts.deadline) < dayNumber(today)) return "overdue";
  if (facts.projectedToMiss) return "off_track";
  if (facts.latestReports.some((s) => s !== "not_started")) return "in_progress";
  return "not_started";
}

/** Whether a value meets a target "op value" (float noise aside). */
export function meetsTarget(op: string, target: number, current: number): boolean {
  const a = Math.round(current * 1e9) / 1e9;
  const b = Math.round(target * 1e9) / 1e9;
  switch (op) {
    case ">=": return a >= b;
    case ">": return a > b;
    case "<=": return a <= b;
    case "<": return a < b;
    case "=": return a === b;
    default: return false;
  }
}

/** Every target measured and met; false for a task without targets or with one no indicator measures. */
export function allTargetsMet(targets: readonly { op: string; value: number; current: number | null }[]): boolean {
  return targets.length > 0 && targets.every((t) => t.current !== null && meetsTarget(t.op, t.value, t.current));
}

/**
 * "工作要点为2024年，当前查看的是2026年10月" when a plan's year is not the year of the month on screen: its
 * targets are then judged by that month's figures and its dates belong to another year. Null when they agree
 * or either is unknown.
 */
export function planYearNotice(planTitle: string, planYear: number | null, month: IsoMonth | null): string | null {
  if (planYear === null || month === null || Number(month.slice(0, 4)) === planYear) return null;
  return `《${planTitle}》为${planYear}年工作要点，当前查看的是${formatMonthZh(month)}：目标按${formatMonthZh(month)}的数值判断，期限仍为${planYear}年的期限。`;
}

/** Whole months from a month to a deadline, at least 0: how far ahead the trend is projected. */
export function monthsUntil(fromMonth: string, deadline: IsoDate): number {
  const [fy, fm] = [Number(fromMonth.slice(0, 4)), Number(fromMonth.slice(5, 7))];
  const [dy, dm] = [Number(deadline.slice(0, 4)), Number(deadline.slice(5, 7))];
  return Math.max(0, (dy - fy) * 12 + dm - fm);
}
