import type { WarningKind } from "@/db/schema";
import { isPastRedLine, isWorse, meetsTarget, type ScoringRule } from "./scoring";

/** Months of deterioration in a row that make a 连续恶化 warning. */
export const WORSENING_MONTHS = 3;
/** Months of history the 预计无法按期达标 projection fits its trend on. */
export const TREND_WINDOW_MONTHS = 6;

/**
 * Warnings for one indicator of one org unit in the last month of `history` (oldest first, null = no data):
 * red past the red line, yellow short of the target, worsening after three deteriorations in a row.
 */
export function classifyWarnings(history: (number | null)[], rule: ScoringRule): WarningKind[] {
  const value = history[history.length - 1];
  if (value === null || value === undefined) return [];
  const kinds: WarningKind[] = [];
  if (isPastRedLine(value, rule)) kinds.push("red");
  else if (!meetsTarget(value, rule)) kinds.push("yellow");
  const recent = history.slice(-(WORSENING_MONTHS + 1));
  if (recent.length === WORSENING_MONTHS + 1 && recent.every((v) => v !== null)) {
    const values = recent as number[];
    if (values.slice(1).every((v, i) => isWorse(v, values[i] as number, rule.direction))) kinds.push("worsening");
  }
  return kinds;
}

/**
 * The side from which a work-plan target is reached: "≥ x" from below, "≤ x" from above, and "= x"
 * (为100%, 动态清零) from the side the indicator is better on.
 */
export function targetDirection(op: string, indicatorDirection: ScoringRule["direction"]): ScoringRule["direction"] {
  if (op.startsWith(">")) return "higher";
  if (op.startsWith("<")) return "lower";
  return indicatorDirection;
}

/**
 * Whether the straight-line trend of the last six months fails to reach `target` by the deadline,
 * `monthsAhead` months after the last month of `history`. Needs at least three months of data.
 */
export function projectsToMissTarget(
  history: (number | null)[], target: number, direction: ScoringRule["direction"], monthsAhead: number,
): boolean {
  const points = history.slice(-TREND_WINDOW_MONTHS).map((v, i) => [i, v] as const).filter(([, v]) => v !== null) as [number, number][];
  if (points.length < 3) return false;
  const n = points.length;
  const meanX = points.reduce((s, [x]) => s + x, 0) / n;
  const meanY = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxx = points.reduce((s, [x]) => s + (x - meanX) ** 2, 0);
  const slope = points.reduce((s, [x, y]) => s + (x - meanX) * (y - meanY), 0) / sxx;
  const lastX = Math.min(TREND_WINDOW_MONTHS, history.length) - 1;
  // Rounded so a line landing exactly on the target (up to float noise) counts as reaching it.
  const projected = Math.round((meanY + slope * (lastX + monthsAhead - meanX)) * 1e6) / 1e6;
  return direction === "higher" ? projected < target : projected > target;
}
