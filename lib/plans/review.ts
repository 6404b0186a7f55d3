import { matchUnit, type DepartmentRef, type UnitMatch } from "@/lib/departments/match";
import type { WorkPlan } from "@/lib/workplan";

export interface ReviewUnit extends UnitMatch {
  /** Tasks that name it, by number. */
  taskNumbers: string[];
}

export interface PlanReview {
  title: string;
  year: number | null;
  originalText: string;
  plan: WorkPlan;
  units: ReviewUnit[];
}

/** What the review screen shows: the plan as read, and every distinct unit name matched to the departments. */
export function reviewPlan(plan: WorkPlan, originalText: string, departments: DepartmentRef[], settled: Map<string, number[]>): PlanReview {
  const units = new Map<string, ReviewUnit>();
  for (const task of plan.tasks) {
    for (const name of [...task.leadUnits, ...task.units]) {
      const known = units.get(name);
      if (known) {
        if (!known.taskNumbers.includes(task.number)) known.taskNumbers.push(task.number);
      } else {
        units.set(name, { ...matchUnit(name, departments, settled), taskNumbers: [task.number] });
      }
    }
  }
  return {
    title: plan.title ?? `${plan.year ?? ""}年社会信用体系建设工作要点`, year: plan.year, originalText, plan,
    units: [...units.values()].sort((a, b) => order(a) - order(b)),
  };
}

// Names that need a person first.
function order(unit: ReviewUnit): number {
  return unit.status === "unmatched" ? 0 : unit.status === "several" ? 1 : 2;
}
