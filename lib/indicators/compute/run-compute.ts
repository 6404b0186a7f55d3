import { asc, inArray, eq } from "drizzle-orm";
import type { BatchExecutor } from "@/db/batch-executor";
import { BulkInserter } from "@/db/bulk-insert";
import type { Db } from "@/db/client";
import { appMeta, compositeScores, indicators, indicatorValues, orgUnits, warnings } from "@/db/schema";
import { loadWorkCalendar } from "@/lib/calendar/store";
import { catalogueForMonth, loadCatalogueVersions, syncCatalogueTo } from "@/lib/indicators/catalogue-versions";
import { refreshVerdicts } from "@/lib/supervision/verdicts";
import { addMonths, isIsoMonth, lastFullMonth, monthRange, todayInChina, type IsoMonth } from "@/lib/dates";
import { refreshRecordFacts } from "./refresh-facts";
import { computeIndicatorValues } from "./compute-values";
import { loadDatedTargets } from "./dated-targets";
import { scoreMonths, SCORING_LOOKBACK_MONTHS, type ValueRow } from "./score-months";

/** How many months the monitoring covers, ending with the latest month. */
export const MONITORED_MONTHS = 24;

export interface ComputeResult {
  months: IsoMonth[];
  values: number;
  warnings: number;
  notices: string[];
  seconds: number;
}

/** The monitored months: the 24 ending with the store's latest month (the last full month if unset). */
export async function getMonitoredMonths(db: Db): Promise<IsoMonth[]> {
  const [latest] = await db.select().from(appMeta).where(eq(appMeta.key, "latest_month"));
  const last = latest && isIsoMonth(latest.value) ? latest.value : lastFullMonth();
  return monthRange(addMonths(last, -(MONITORED_MONTHS - 1)), last);
}

/**
 * Recomputes values, scores, composites, ranks and warnings for the given months (default: all
 * monitored months) and replaces what the store held for them. Same data in, same rows out.
 */
export async function runCompute(db: Db, executor: BatchExecutor, requested?: IsoMonth[]): Promise<ComputeResult> {
  const started = performance.now();
  const monitored = await getMonitoredMonths(db);
  const months = requested ?? monitored;
  // Pages show an indicator's rules as they stand in the latest month; each month is scored with its own version.
  await syncCatalogueTo(db, monitored.at(-1)!);
  const [units, catalogue, versions] = await Promise.all([
    db.select().from(orgUnits),
    db.select().from(indicators).orderBy(asc(indicators.sortOrder)),
    loadCatalogueVersions(db),
  ]);
  await refreshRecordFacts(db, executor, await loadWorkCalendar(db), todayInChina());
  const computed = await computeIndicatorValues(db.$client, units, catalogue, months);
  // A unit merged or abolished has no value from its retirement on: no score, no rank, no warning.
  const retiredFrom = new Map(units.filter((u) => u.retiredFrom).map((u) => [u.id, u.retiredFrom!]));
  const values = retiredFrom.size === 0 ? computed.values : computed.values.filter((v) => !retiredFrom.has(v.orgUnitId) || v.month < retiredFrom.get(v.orgUnitId)!);
  const { notices } = computed;

  const lookback = monthRange(addMonths(months[0] as IsoMonth, -SCORING_LOOKBACK_MONTHS), addMonths(months[0] as IsoMonth, -1));
  const earlier: ValueRow[] = await db
    .select({ month: indicatorValues.month, orgUnitId: indicatorValues.orgUnitId, indicatorCode: indicatorValues.indicatorCode, value: indicatorValues.value })
    .from(indicatorValues).where(inArray(indicatorValues.month, lookback));
  const scored = scoreMonths([...earlier, ...values], months, [...lookback, ...months], catalogueForMonth(catalogue, versions), units, await loadDatedTargets(db));

  const inserter = new BulkInserter(executor);
  for (const v of values) {
    inserter.add(indicatorValues, { ...v, score: scored.scores.get(`${v.month}|${v.orgUnitId}|${v.indicatorCode}`) ?? null });
  }
  for (const c of scored.composites) if (!retiredFrom.has(c.orgUnitId) || c.month < retiredFrom.get(c.orgUnitId)!) inserter.add(compositeScores, c);
  for (const w of scored.warnings) inserter.add(warnings, w);
  const monthList = months.map(() => "?").join(",");
  // Screens show these notices until a later computation no longer raises them.
  inserter.add(appMeta, { key: "compute_notices", value: JSON.stringify(notices) });
  // Servers keep computed reads until this changes.
  inserter.add(appMeta, { key: "computed_at", value: `${new Date().toISOString()}#${Math.random().toString(36).slice(2)}` });
  await inserter.flush([
    ...["warnings", "composite_scores", "indicator_values"].map((table) => ({ sql: `DELETE FROM ${table} WHERE month IN (${monthList})`, args: months })),
    { sql: "DELETE FROM app_meta WHERE key IN ('compute_notices', 'computed_at')", args: [] },
  ]);
  // Every computation also tells each 督办 item where its value stands now.
  await refreshVerdicts(db.$client, executor);
  return {
    months, values: values.length, warnings: scored.warnings.length, notices,
    seconds: (performance.now() - started) / 1000,
  };
}
