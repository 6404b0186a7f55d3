import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { compositeScores, departments, indicators, indicatorValues, nationalRanks, orgUnits, warnings } from "@/db/schema";
import { addMonths, todayInChina, type IsoMonth } from "@/lib/dates";
import { formatIndicatorValue } from "@/lib/format";
import { lostPoints } from "@/lib/dashboard/lost-score";
import { meetsTarget } from "@/lib/indicators/scoring";
import { loadTaskBoard } from "@/lib/plans/task-board";
import type { CircularFacts } from "./facts";
import { loadSgsFacts } from "./load-sgs-facts";
import { loadSupervisionFacts } from "./load-supervision-facts";

/**
 * A value as a document writes it: the GB2312 fonts a circular names have no ‱, so per ten thousand reads 万分之1.36,
 * as offices write it.
 */
export function documentValue(value: number | null, unit: string): string {
  const text = formatIndicatorValue(value, unit);
  return unit === "per_ten_thousand" && value !== null ? `万分之${text.replace("‱", "")}` : text;
}
const target = (i: { direction: string; target: number; unit: string }) => `${i.direction === "higher" ? "≥" : "≤"}${documentValue(i.target, i.unit)}`;

/** The numbers of one month, read from the computed store, ready for the circular's sentences. */
export async function loadCircularFacts(db: Db, month: IsoMonth): Promise<CircularFacts | null> {
  const [city] = await db.select().from(orgUnits).where(eq(orgUnits.level, "city")).limit(1);
  if (!city) return null;
  const months = [addMonths(month, -1), month];
  const trendMonths = Array.from({ length: 12 }, (_, k) => addMonths(month, k - 11));
  const [catalogue, composites, ranks, values, warningRows, names, districts] = await Promise.all([
    db.select().from(indicators).orderBy(asc(indicators.sortOrder)),
    db.select().from(compositeScores).where(inArray(compositeScores.month, trendMonths)),
    db.select().from(nationalRanks).where(inArray(nationalRanks.month, months)),
    db.select().from(indicatorValues).where(eq(indicatorValues.month, month)),
    db.select({ w: warnings, unitName: orgUnits.name, level: orgUnits.level }).from(warnings).innerJoin(orgUnits, eq(orgUnits.id, warnings.orgUnitId))
      .where(and(inArray(warnings.month, months), inArray(warnings.kind, ["red", "yellow"]))).orderBy(asc(orgUnits.sortOrder)),
    db.select({ code: departments.code, name: departments.shortName }).from(departments),
    db.select().from(orgUnits).where(eq(orgUnits.level, "district")).orderBy(asc(orgUnits.sortOrder)),
  ]);
  if (!composites.some((c) => c.month === month)) return null;
  const nameOf = new Map(names.map((n) => [n.code, n.name]));
  const composite = (unit: number, m: string) => composites.find((c) => c.orgUnitId === unit && c.month === m);
  const rank = (m: string) => ranks.find((r) => r.month === m);
  const byCode = new Map(catalogue.map((i) => [i.code, i]));
  const cell = (unit: number, code: string) => values.find((v) => v.orgUnitId === unit && v.indicatorCode === code);
  const tasks = (await loadTaskBoard(db, month)).filter((t) => t.status === "overdue" || t.status === "off_track");
  const [sgs, supervision] = [await loadSgsFacts(db.$client, month), await loadSupervisionFacts(db.$client, month, todayInChina())];
  const warningOf = ({ w, unitName, level }: (typeof warningRows)[number]) => {
    const i = byCode.get(w.indicatorCode)!;
    return {
      // The target the warning was judged against that month (a later catalogue version may have changed it).
      kind: w.kind as "red" | "yellow", unitName, level, indicator: i.name, valueText: documentValue(w.value, i.unit), targetText: target({ ...i, target: w.target }),
      owners: (JSON.parse(w.owners) as string[]).map((code) => nameOf.get(code) ?? code),
    };
  };
  return {
    month, cityName: city.name,
    composite: { score: composite(city.id, month)?.score ?? null, previous: composite(city.id, months[0]!)?.score ?? null },
    nationalRank: { rank: rank(month)?.rank ?? null, previous: rank(months[0]!)?.rank ?? null, total: rank(month)?.totalCities ?? null },
    indicators: catalogue.map((i) => {
      const value = cell(city.id, i.code)?.value ?? null;
      return { name: i.name, valueText: documentValue(value, i.unit), targetText: target(i), met: value === null ? null : meetsTarget(value, i) };
    }),
    districts: districts
      .map((d) => {
        const c = composite(d.id, month);
        const lost = lostPoints(catalogue.map((i) => ({ code: i.code, weight: i.weight, score: cell(d.id, i.code)?.score ?? null })));
        const weakest = [...lost.entries()].filter(([, p]) => p > 0).sort((a, b) => b[1] - a[1]).slice(0, 2)
          .map(([code]) => ({ indicator: byCode.get(code)!.name, valueText: documentValue(cell(d.id, code)?.value ?? null, byCode.get(code)!.unit) }));
        return { name: d.name, score: c?.score ?? null, rank: c?.rank ?? null, rankChange: c?.rankChange ?? null, weakest };
      })
      .sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9)),
    warnings: warningRows.filter((r) => r.w.month === month).map(warningOf),
    previousWarnings: warningRows.filter((r) => r.w.month === months[0]).map(warningOf),
    trend: trendMonths.map((m) => ({ month: m, score: composite(city.id, m)?.score ?? null })),
    sgs, supervision,
    tasks: tasks.map((t) => ({
      number: t.number, title: t.title, status: t.status as "overdue" | "off_track", deadline: t.deadline,
      owners: [...new Map([...t.leads, ...t.units].map((u) => [u.id, u.name])).values()],
    })),
  };
}
