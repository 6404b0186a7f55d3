/**
 * How many composite points each indicator costs an org unit: its weight's share of the scored
 * weights times the points it fell short of 100. Ordering weak indicators by this says why a unit ranks
 * where it does.
 */
export function lostPoints(items: { code: string; score: number | null; weight: number }[]): Map<string, number> {
  const scoredWeight = items.reduce((sum, i) => sum + (i.score === null ? 0 : i.weight), 0);
  const lost = new Map<string, number>();
  for (const i of items) {
    if (i.score === null || scoredWeight === 0) continue;
    lost.set(i.code, Math.round(((i.weight * (100 - i.score)) / scoredWeight) * 100) / 100);
  }
  return lost;
}
