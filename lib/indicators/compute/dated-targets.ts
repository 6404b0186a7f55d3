import { and, eq, isNotNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { indicators, planTasks, taskTargets, workPlans } from "@/db/schema";
import type { IsoMonth } from "@/lib/dates";
import { targetDirection } from "../warnings";

/** A work-plan target on an indicator with a deadline: what 预计无法按期达标 is judged against. */
export interface DatedTarget {
  indicatorCode: string;
  direction: "higher" | "lower";
  value: number;
  /** YYYY-MM-DD: the task's deadline. */
  deadline: string;
  /** The month the plan was loaded: earlier months knew nothing of this target. */
  knownFrom: IsoMonth;
  taskNumber: string;
}

/** The city's dated targets in the active work plans; "= x" (e.g. 动态清零) is reached from the indicator's good side. */
export async function loadDatedTargets(db: Db): Promise<DatedTarget[]> {
  const rows = await db
    .select({ code: taskTargets.indicatorCode, op: taskTargets.op, value: taskTargets.value, deadline: planTasks.deadline,
      loadedOn: workPlans.loadedOn, number: planTasks.number, better: indicators.direction })
    .from(taskTargets)
    .innerJoin(planTasks, eq(planTasks.id, taskTargets.taskId))
    .innerJoin(workPlans, eq(workPlans.id, planTasks.planId))
    .innerJoin(indicators, eq(indicators.code, taskTargets.indicatorCode))
    .where(and(eq(workPlans.active, true), isNotNull(taskTargets.indicatorCode), isNotNull(planTasks.deadline)));
  return rows.flatMap((r) => r.code && r.deadline
    ? [{ indicatorCode: r.code, direction: targetDirection(r.op, r.better), value: r.value, deadline: r.deadline,
      knownFrom: r.loadedOn.slice(0, 7) as IsoMonth, taskNumber: r.number }]
    : []);
}
