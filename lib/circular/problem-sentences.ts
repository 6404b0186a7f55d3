import type { CircularFacts, CircularWarning } from "./facts";
import { someOf, worstFirst } from "./naming";

/**
 * The judging paragraphs of 存在的主要问题: the worst indicators one paragraph each, the rest summed up in one. Each is
 * generated from the numbers; paragraphs of the same kind take turns among several phrasings, so no two in a row read
 * alike. A paragraph names at most a few units and counts the rest: the 附件 lists them all.
 */

/** Indicators written at full length; the others are summed up in one paragraph pointing to the 附件. */
export const PROBLEMS_IN_FULL = 2;
const RED_NAMED = 2;
const OWNERS_NAMED = 1;

const withValues = (rows: CircularWarning[]) => rows.map((r) => `${r.unitName}（${r.valueText}）`);

export interface ProblemIndicator {
  indicator: string;
  targetText: string;
  cityValueText: string | null;
  /** The city as a whole is below its red line. */
  cityRed: boolean;
  /** Districts below the red line, the furthest from the target first. */
  red: CircularWarning[];
  yellow: CircularWarning[];
  towns: number;
  owners: string[];
}

/** The indicators a district or the city misses, worst first: most red districts, the city red, then most yellow. */
export function problemIndicators(f: CircularFacts): ProblemIndicator[] {
  const byIndicator = new Map<string, CircularWarning[]>();
  for (const w of f.warnings) byIndicator.set(w.indicator, [...(byIndicator.get(w.indicator) ?? []), w]);
  const problems: ProblemIndicator[] = [];
  for (const [indicator, rows] of byIndicator) {
    const districts = rows.filter((r) => r.level === "district");
    const city = rows.find((r) => r.level === "city");
    if (districts.length === 0 && !city) continue;
    problems.push({
      indicator, targetText: rows[0]!.targetText, cityValueText: city?.valueText ?? null, cityRed: city?.kind === "red",
      red: worstFirst(districts.filter((r) => r.kind === "red")), yellow: districts.filter((r) => r.kind === "yellow"),
      towns: rows.filter((r) => r.level === "town").length,
      owners: [...new Set(rows.flatMap((r) => r.owners))],
    });
  }
  return problems.sort((a, b) => b.red.length - a.red.length || Number(b.cityRed) - Number(a.cityRed)
    || b.yellow.length - a.yellow.length || Number(!!b.cityValueText) - Number(!!a.cityValueText));
}

/** Whether an indicator is among the serious: a district or the city below its red line. */
export const isSerious = (p: ProblemIndicator) => p.red.length > 0 || p.cityRed;

const clauses = (...parts: (string | false | null)[]) => parts.filter(Boolean).join("；");
const reds = (p: ProblemIndicator) => someOf(withValues(p.red), RED_NAMED, "个区县");
const owners = (p: ProblemIndicator) => someOf(p.owners, OWNERS_NAMED, "个部门");
const FOCUS = "需重点关注整改";

// Full paragraphs are written for serious indicators only: red districts, or else the city itself below its red line.
// The yellow districts are left to the 附件.
const PROBLEM_PHRASINGS: ((p: ProblemIndicator) => string)[] = [
  (p) => `${clauses(
    p.red.length > 0 ? `${reds(p)}触及红线，${FOCUS}` : `全市已触及红线，${FOCUS}`,
    p.cityValueText ? `全市为${p.cityValueText}，未达到${p.targetText}的目标` : `目标为${p.targetText}`,
  )}。牵头单位：${owners(p) || "未明确"}。`,
  (p) => `${clauses(
    p.red.length === 0 ? `全市已触及红线，${FOCUS}`
      : p.red.length > RED_NAMED ? `红色预警${p.red.length}个，${withValues(p.red.slice(0, RED_NAMED)).join("、")}等较为突出，${FOCUS}`
      : `红色预警${p.red.length}个，为${reds(p)}，${FOCUS}`,
    p.cityValueText && `全市为${p.cityValueText}（目标${p.targetText}）`,
  )}。${p.owners.length > 0 ? `由${owners(p)}牵头` : "牵头单位未明确"}。`,
  (p) => `对照${p.targetText}的目标，${p.red.length > 0 ? `${reds(p)}差距最大` : `全市（${p.cityValueText ?? "—"}）差距较大`}，已触及红线，${FOCUS}。`
    + `${p.owners.length > 0 ? `${owners(p)}负责督促整改` : "尚未明确牵头单位"}。`,
];

/** （一）严重失信主体名单企业占比。… one paragraph per serious indicator, naming units, values and the owner departments. */
export function problemParagraph(p: ProblemIndicator, index: number): string {
  const text = PROBLEM_PHRASINGS[index % PROBLEM_PHRASINGS.length]!(p);
  return p.towns > 0 ? text.replace(/。([^。]*。)$/, `；镇街层面有${p.towns}个未达标。$1`) : text;
}

/**
 * The indicators not written at full length, in one sentence: the serious ones left over, then those only some
 * units miss (yellow) — one named and the rest counted — pointing to the 附件 that lists every warning.
 */
export function otherProblemsParagraph(serious: ProblemIndicator[], minor: ProblemIndicator[], attachmentNumber: number, afterOthers: boolean): string {
  const names = (list: ProblemIndicator[]) => someOf(list.map((p) => p.indicator), 1, "项指标");
  const parts: string[] = [];
  if (serious.length > 0) parts.push(`${names(serious)}触及红线`);
  if (minor.length > 0) parts.push(`${names(minor)}有${minor.length === 1 && minor[0]!.yellow.length === 0 ? "全市" : "区县"}未达目标值`);
  return `${afterOthers ? "另有" : ""}${parts.join("，")}${serious.length > 0 ? "" : "，虽未触及红线，也须抓紧提升"}，明细见附件${attachmentNumber}。`;
}
