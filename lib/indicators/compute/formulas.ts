import type { DisciplineCounters } from "./discipline-facts";
import type { EnterpriseCounters } from "./enterprise-facts";
import type { EntityCounters } from "./entity-facts";
import type { IntervalCounter } from "./grid";
import type { SgsCounters } from "./sgs-facts";

export type Facts = EntityCounters & EnterpriseCounters & DisciplineCounters & SgsCounters;

interface Formula {
  numerator: (f: Facts) => IntervalCounter;
  /** Absent for counts: their value is the numerator itself. */
  denominator?: (f: Facts) => IntervalCounter;
  scale?: number;
  /** Data that exists only per district (court cases): towns get no value. */
  districtLevelOnly?: boolean;
}

/** Each catalogue indicator's numerator and denominator (DESIGN.md §2), from the counted facts. */
export const FORMULAS: Record<string, Formula> = {
  uscc_error_rate: { numerator: (f) => f.badCode, denominator: (f) => f.withCode, scale: 10_000 },
  sgs_report_rate: { numerator: (f) => f.reported, denominator: (f) => f.decisions, scale: 100 },
  sgs_compliance_rate: { numerator: (f) => f.compliant, denominator: (f) => f.reported, scale: 100 },
  sgs_timeliness_rate: { numerator: (f) => f.timely, denominator: (f) => f.timelinessKnown, scale: 100 },
  xyd_enrolled_ratio: { numerator: (f) => f.enrolled, denominator: (f) => f.liveEnterprises, scale: 100 },
  xyd_verified_ratio: { numerator: (f) => f.verified, denominator: (f) => f.liveEnterprises, scale: 100 },
  xyd_loan_ratio: { numerator: (f) => f.verifiedWithLoan, denominator: (f) => f.verified, scale: 100 },
  tax_a_share: { numerator: (f) => f.taxA, denominator: (f) => f.liveEnterprises, scale: 100 },
  blacklist_share: { numerator: (f) => f.listed, denominator: (f) => f.liveEnterprises, scale: 100 },
  blacklist_exit_rate: { numerator: (f) => f.exitWindowRemoved, denominator: (f) => f.exitWindowListed, scale: 100 },
  frequent_penalty_count: { numerator: (f) => f.frequentPenalty },
  gov_default_open: { numerator: (f) => f.govDefaultOpen, districtLevelOnly: true },
};

export interface FormulaResult {
  numerator: number;
  denominator: number | null;
  value: number | null;
}

/** One value; "no data" (null) when the denominator is 0, never 0% or NaN. */
export function evaluate(formula: Formula, facts: Facts, unit: number, month: number, isTown: boolean): FormulaResult {
  if (formula.districtLevelOnly && isTown) return { numerator: 0, denominator: null, value: null };
  const numerator = formula.numerator(facts).get(unit, month);
  if (!formula.denominator) return { numerator, denominator: null, value: numerator };
  const denominator = formula.denominator(facts).get(unit, month);
  const value = denominator === 0 ? null : Math.round((numerator / denominator) * (formula.scale ?? 1) * 10_000) / 10_000;
  return { numerator, denominator, value };
}
