import type { Indicator, NewWarning, OrgUnit } from "@/db/schema";
import { formatMonthZh, monthOf, monthRange, type IsoMonth } from "@/lib/dates";
import { compositeScore, rankByScore, scoreIndicator } from "../scoring";
import { classifyWarnings, projectsToMissTarget, TREND_WINDOW_MONTHS, WORSENING_MONTHS } from "../warnings";
import type { DatedTarget } from "./dated-targets";

export interface ValueRow {
  month: IsoMonth;
  orgUnitId: number;
  indicatorCode: string;
  value: number | null;
}

export interface CompositeRow {
  month: IsoMonth;
  orgUnitId: number;
  level: string;
  score: number | null;
  rank: number | null;
  rankChange: number | null;
  indicatorsScored: number;
}

const WARNING_LABELS = { red: "红色预警", yellow: "黄色预警", worsening: "连续恶化", off_track: "预计无法按期达标" } as const;

/** Months needed before the first scored month: the previous rank, the worsening run, the trend window. */
export const SCORING_LOOKBACK_MONTHS = Math.max(WORSENING_MONTHS, TREND_WINDOW_MONTHS - 1);

/**
 * Scores, composites, ranks (per level) and warnings for `months`, from values that include the
 * lookback months before them. Warnings are raised for the city and its districts; 预计无法按期达标 for the
 * city against the work plans' dated targets.
 */
export function scoreMonths(
  values: ValueRow[], months: IsoMonth[], allMonths: IsoMonth[], catalogue: Indicator[] | ((month: IsoMonth) => Indicator[]), orgUnits: OrgUnit[],
  datedTargets: DatedTarget[] = [],
) {
  // Each month is scored with the catalogue version in force in it (see catalogue-versions.ts).
  const catalogueOf = typeof catalogue === "function" ? catalogue : () => catalogue;
  const valueOf = new Map(values.map((v) => [`${v.month}|${v.orgUnitId}|${v.indicatorCode}`, v.value]));
  const get = (month: IsoMonth, unit: number, code: string) => valueOf.get(`${month}|${unit}|${code}`) ?? null;
  const scores = new Map<string, number | null>();
  const composites: CompositeRow[] = [];
  const warnings: NewWarning[] = [];
  const byMonth = new Map<IsoMonth, CompositeRow[]>();

  for (const month of allMonths) {
    const rows: CompositeRow[] = orgUnits.map((unit) => {
      const items = catalogueOf(month).map((ind) => {
        const score = scoreIndicator(get(month, unit.id, ind.code), ind);
        scores.set(`${month}|${unit.id}|${ind.code}`, score);
        return { score, weight: ind.weight };
      });
      return {
        month, orgUnitId: unit.id, level: unit.level, score: compositeScore(items), rank: null, rankChange: null,
        indicatorsScored: items.filter((i) => i.score !== null).length,
      };
    });
    for (const level of ["city", "district", "town"]) {
      const ranks = rankByScore(rows.filter((r) => r.level === level));
      for (const [row, rank] of ranks) row.rank = rank;
    }
    byMonth.set(month, rows);
  }
  for (const month of months) {
    const index = allMonths.indexOf(month);
    const previous = new Map((byMonth.get(allMonths[index - 1] as IsoMonth) ?? []).map((r) => [r.orgUnitId, r.rank]));
    for (const row of byMonth.get(month) ?? []) {
      const before = previous.get(row.orgUnitId);
      row.rankChange = row.rank !== null && before !== null && before !== undefined ? before - row.rank : null;
      composites.push(row);
    }
    const history = allMonths.slice(Math.max(0, index - WORSENING_MONTHS), index + 1);
    for (const unit of orgUnits.filter((u) => u.level !== "town")) {
      for (const ind of catalogueOf(month)) {
        const series = history.map((m) => get(m, unit.id, ind.code));
        const value = series[series.length - 1] ?? null;
        for (const kind of classifyWarnings(series, ind)) {
          warnings.push({
            month, orgUnitId: unit.id, indicatorCode: ind.code, kind, value, target: ind.target, redLine: ind.redLine,
            owners: ind.ownerDepartments,
            message: `${formatMonthZh(month)}${unit.name}${ind.name}${WARNING_LABELS[kind]}`,
          });
        }
      }
    }
    const trendMonths = allMonths.slice(Math.max(0, index - (TREND_WINDOW_MONTHS - 1)), index + 1);
    for (const unit of orgUnits.filter((u) => u.level === "city")) {
      const trendOf = (code: string) => trendMonths.map((m) => get(m, unit.id, code));
      warnings.push(...offTrackWarnings(month, unit, trendOf, catalogueOf(month), datedTargets));
    }
  }
  return { scores, composites, warnings };
}

/**
 * 预计无法按期达标 in `month`: a dated target known by then, not yet due, that the six-month trend will not reach
 * by its deadline. One warning per indicator, for the earliest such deadline.
 */
function offTrackWarnings(
  month: IsoMonth, unit: OrgUnit, trendOf: (code: string) => (number | null)[], catalogue: Indicator[], datedTargets: DatedTarget[],
): NewWarning[] {
  const due = datedTargets
    .filter((t) => t.knownFrom <= month && month <= monthOf(t.deadline))
    .sort((a, b) => a.deadline.localeCompare(b.deadline));
  const raised = new Map<string, NewWarning>();
  for (const target of due) {
    const ind = catalogue.find((i) => i.code === target.indicatorCode);
    if (!ind || raised.has(ind.code)) continue;
    const series = trendOf(ind.code);
    const monthsAhead = monthRange(month, monthOf(target.deadline)).length - 1;
    if (!projectsToMissTarget(series, target.value, target.direction, monthsAhead)) continue;
    raised.set(ind.code, {
      month, orgUnitId: unit.id, indicatorCode: ind.code, kind: "off_track", value: series[series.length - 1] ?? null,
      target: target.value, redLine: ind.redLine, owners: ind.ownerDepartments,
      message: `${formatMonthZh(month)}${unit.name}${ind.name}${WARNING_LABELS.off_track}（工作要点第${target.taskNumber}项，${target.deadline}前${target.direction === "higher" ? "达到" : "降至"}${target.value}）`,
    });
  }
  return [...raised.values()];
}
