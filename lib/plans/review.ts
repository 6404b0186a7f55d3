import { canonicalKey, canonicalKeys } from "@/lib/departments/canonical";
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

export interface PickableDepartment {
  id: number;
  name: string;
  fullName?: string;
}

/**
 * Departments for the unit picker, best first: names containing what was typed (市/区/县 aside), then
 * departments of the same family (typing 市场监管局 finds 市市场监督管理局).
 */
export function searchDepartments(query: string, departments: PickableDepartment[], limit = 8): PickableDepartment[] {
  const q = query.trim().replace(/\s+/g, "");
  if (q === "") return departments.slice(0, limit);
  const bare = q.replace(/^(?:中共)?(?:市|区|县)(?=.)/, "");
  const families = new Set(canonicalKeys(q));
  const scored = departments.map((d) => {
    const names = [d.name, d.fullName ?? d.name];
    const score = names.some((n) => n.includes(q)) ? 3
      : names.some((n) => n.includes(bare)) ? 2
      : names.some((n) => families.has(canonicalKey(n) ?? "")) ? 1 : 0;
    return { d, score };
  });
  return scored.filter((s) => s.score > 0).sort((a, b) => b.score - a.score).slice(0, limit).map((s) => s.d);
}
