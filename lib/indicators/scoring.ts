import type { Indicator } from "@/db/schema";

export type ScoringRule = Pick<Indicator, "direction" | "target" | "redLine" | "zeroPoint">;

/**
 * This product's own scoring method (not the national monitoring centre's): 100 when the target is met,
 * falling linearly to 0 at the zero point. A count with target 0 is the same line: it loses
 * 100 / zeroPoint per case. No data gives no score.
 */
export function scoreIndicator(value: number | null, rule: ScoringRule): number | null {
  if (value === null) return null;
  const { target, zeroPoint } = rule;
  const higher = rule.direction === "higher";
  if (higher ? value >= target : value <= target) return 100;
  if (higher ? value <= zeroPoint : value >= zeroPoint) return 0;
  return round2((100 * (value - zeroPoint)) / (target - zeroPoint));
}

/** Weighted mean of the scores that exist; weights of indicators without data drop out. */
export function compositeScore(items: { score: number | null; weight: number }[]): number | null {
  let weighted = 0;
  let weights = 0;
  for (const { score, weight } of items) {
    if (score === null || weight <= 0) continue;
    weighted += score * weight;
    weights += weight;
  }
  return weights === 0 ? null : round2(weighted / weights);
}

/** Standard competition ranking (1, 2, 2, 4): equal scores share a rank; no score, no rank. */
export function rankByScore<T extends { score: number | null }>(items: T[]): Map<T, number> {
  const ranked = items.filter((i) => i.score !== null).sort((a, b) => (b.score as number) - (a.score as number));
  const ranks = new Map<T, number>();
  ranked.forEach((item, i) => {
    const previous = ranked[i - 1];
    ranks.set(item, previous && previous.score === item.score ? (ranks.get(previous) as number) : i + 1);
  });
  return ranks;
}

export function isPastRedLine(value: number, rule: ScoringRule): boolean {
  return rule.direction === "higher" ? value < rule.redLine : value > rule.redLine;
}

export function meetsTarget(value: number, rule: ScoringRule): boolean {
  return rule.direction === "higher" ? value >= rule.target : value <= rule.target;
}

/** True when `later` is worse than `earlier` for the indicator's direction. */
export function isWorse(later: number, earlier: number, direction: ScoringRule["direction"]): boolean {
  return direction === "higher" ? later < earlier : later > earlier;
}

export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
