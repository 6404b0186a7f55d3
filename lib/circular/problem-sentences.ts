import type { CircularFacts, CircularWarning, SgsRow } from "./facts";

/**
 * The circular's judging paragraphs: one per problem indicator, 双公示 as provincial circulars report it, praise for
 * what improved, and the 督办 items. Each paragraph is generated from the numbers; paragraphs of the same kind take
 * turns among several phrasings, so no two in a row read alike.
 */

const join = (names: string[]) => names.join("、");
const withValues = (rows: CircularWarning[]) => join(rows.map((r) => `${r.unitName}（${r.valueText}）`));
/** Up to three units named with their values; more are summed up after the first two, as circulars do. */
const YELLOW_NAMED = 3;
const someUnits = (rows: CircularWarning[]) =>
  rows.length <= YELLOW_NAMED ? withValues(rows) : `${join(rows.slice(0, 2).map((r) => r.unitName))}等${rows.length}个区县`;

export interface ProblemIndicator {
  indicator: string;
  targetText: string;
  cityValueText: string | null;
  red: CircularWarning[];
  yellow: CircularWarning[];
  towns: number;
  owners: string[];
}

/** The indicators a district or the city misses, worst first: most red districts, then most yellow. */
export function problemIndicators(f: CircularFacts): ProblemIndicator[] {
  const byIndicator = new Map<string, CircularWarning[]>();
  for (const w of f.warnings) byIndicator.set(w.indicator, [...(byIndicator.get(w.indicator) ?? []), w]);
  const problems: ProblemIndicator[] = [];
  for (const [indicator, rows] of byIndicator) {
    const districts = rows.filter((r) => r.level === "district");
    const city = rows.find((r) => r.level === "city");
    if (districts.length === 0 && !city) continue;
    problems.push({
      indicator, targetText: rows[0]!.targetText, cityValueText: city?.valueText ?? null,
      red: districts.filter((r) => r.kind === "red"), yellow: districts.filter((r) => r.kind === "yellow"),
      towns: rows.filter((r) => r.level === "town").length,
      owners: [...new Set(rows.flatMap((r) => r.owners))],
    });
  }
  return problems.sort((a, b) => b.red.length - a.red.length || b.yellow.length - a.yellow.length || Number(!!b.cityValueText) - Number(!!a.cityValueText));
}

const clauses = (...parts: (string | false | null)[]) => parts.filter(Boolean).join("；");

const PROBLEM_PHRASINGS: ((p: ProblemIndicator) => string)[] = [
  (p) => clauses(
    p.cityValueText && `全市为${p.cityValueText}，未达到${p.targetText}的目标`,
    p.red.length > 0 && `${withValues(p.red)}低于红线，需重点关注整改`,
    p.yellow.length > 0 && `${someUnits(p.yellow)}未达目标值`,
  ),
  (p) => clauses(
    p.red.length > 0 ? `红色预警${p.red.length}个，为${withValues(p.red)}，需重点关注整改` : p.yellow.length > 0 && "未出现红色预警",
    p.yellow.length > 0 && `${someUnits(p.yellow)}处于黄色预警`,
    p.cityValueText && `全市${p.cityValueText}，目标${p.targetText}`,
  ),
  (p) => clauses(
    `与${p.targetText}的目标相比，${p.red.length + p.yellow.length > 0 ? `${p.red.length > 0 ? withValues(p.red) : someUnits(p.yellow)}${p.red.length > 0 && p.yellow.length > 0 ? `及${p.yellow.length}个区县` : ""}仍有差距` : `全市（${p.cityValueText}）仍有差距`}`,
    p.red.length > 0 && `其中${join(p.red.map((r) => r.unitName))}已低于红线，需重点关注整改`,
  ),
];

/** Whether an indicator gets its own paragraph: a district (or the city) below its red line. */
export const isSerious = (p: ProblemIndicator) => p.red.length > 0;

/** The indicators only some units miss (yellow), in one sentence: the body names them, the 附件 lists them. */
export function minorProblemsParagraph(problems: ProblemIndicator[], attachmentNumber: number): string {
  return `${join(problems.map((p) => `${p.indicator}（${p.yellow.length > 0 ? `${p.yellow.length}个区县` : "全市"}未达目标）`))}，虽未触及红线，也须对照目标抓紧提升，明细见附件${attachmentNumber}。`;
}

/** （一）双公示上报率。… one paragraph per problem indicator, naming units, values and the owner departments. */
export function problemParagraph(p: ProblemIndicator, index: number): string {
  const body = PROBLEM_PHRASINGS[index % PROBLEM_PHRASINGS.length]!(p);
  const towns = p.towns > 0 ? `；镇街层面有${p.towns}个未达标` : "";
  const owners = p.owners.length > 0 ? `。牵头单位：${join(p.owners)}` : "";
  return `${body}${towns}${owners}。`;
}

const rate = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);
const pct = (value: number | null) => (value === null ? "无数据" : `${value.toFixed(1)}%`);
const total = (rows: SgsRow[]) => rows.reduce((t, r) => ({ name: "", reported: t.reported + r.reported, compliant: t.compliant + r.compliant, late: t.late + r.late }), { name: "", reported: 0, compliant: 0, late: 0 });

/** Units whose 迟报率 is above half: provincial circulars name them. */
export const LATE_SHARE_NAMED = 50;

/** The 双公示 paragraph: 许可 and 处罚 apart — reported, 合规率, 迟报率 — naming the units late on more than half. */
export function sgsParagraphs(f: CircularFacts): string[] {
  const out: string[] = [];
  for (const [kind, label] of [["license", "行政许可"], ["penalty", "行政处罚"]] as const) {
    const districts = f.sgs.byDistrict[kind];
    const all = total(districts);
    if (all.reported === 0) {
      out.push(`${label}方面，本月各区县没有上报决定日期在本月的记录。`);
      continue;
    }
    const late = (rows: SgsRow[]) => rows.filter((r) => r.reported > 0 && rate(r.late, r.reported)! > LATE_SHARE_NAMED);
    const lateDistricts = late(districts);
    const lateDepartments = late(f.sgs.byDepartment[kind]);
    const worstCompliance = [...districts].filter((r) => r.reported > 0).sort((a, b) => rate(a.compliant, a.reported)! - rate(b.compliant, b.reported)!)[0];
    const parts = [`${label}方面，全市上报${all.reported}条，合规率${pct(rate(all.compliant, all.reported))}，迟报率${pct(rate(all.late, all.reported))}`];
    if (worstCompliance && worstCompliance.compliant < worstCompliance.reported) parts.push(`合规率最低的是${worstCompliance.name}（${pct(rate(worstCompliance.compliant, worstCompliance.reported))}）`);
    const named = [...lateDistricts, ...lateDepartments].map((r) => `${r.name}（${pct(rate(r.late, r.reported))}）`);
    parts.push(named.length > 0 ? `迟报率超过${LATE_SHARE_NAMED}%的有${join(named)}，须限期整改` : `各区县、各部门迟报率均未超过${LATE_SHARE_NAMED}%`);
    out.push(`${parts.join("；")}。`);
  }
  return out;
}

/** Praise: districts that rose in the ranking, and red or yellow warnings of last month now met. */
export function praiseParagraph(f: CircularFacts): string | null {
  const risen = f.districts.filter((d) => (d.rankChange ?? 0) > 0).sort((a, b) => b.rankChange! - a.rankChange!);
  const now = new Set(f.warnings.map((w) => `${w.unitName}|${w.indicator}`));
  const fixed = f.previousWarnings.filter((w) => w.level !== "town" && !now.has(`${w.unitName}|${w.indicator}`));
  if (risen.length === 0 && fixed.length === 0) return null;
  const parts: string[] = [];
  if (risen.length > 0) parts.push(`${join(risen.map((d) => `${d.name}（上升${d.rankChange}位）`))}名次较上月上升`);
  if (fixed.length > 0) {
    const byUnit = new Map<string, string[]>();
    for (const w of fixed) byUnit.set(w.unitName, [...(byUnit.get(w.unitName) ?? []), w.indicator]);
    parts.push(`${join([...byUnit].map(([unit, indicators]) => `${unit}${join(indicators)}`))}由上月预警整改至达到目标值`);
  }
  return `${parts.join("；")}，予以通报表扬。`;
}

/** 督办整改: opened, open and closed items, the overdue ones by name, and what the data says of the closed ones. */
export function supervisionParagraph(f: CircularFacts): string {
  const s = f.supervision;
  if (s.open + s.closed === 0) return "截至目前，尚无督办事项。";
  const parts = [`截至目前，督办事项共${s.open + s.closed}件（本月新开${s.openedThisMonth}件），已办结${s.closed}件，未办结${s.open}件`];
  if (s.closed > 0) parts.push(`已办结事项中，经数据核验整改有效${s.verdicts.effective}件、部分有效${s.verdicts.partial}件、未见成效${s.verdicts.none}件`);
  parts.push(s.overdue.length === 0 ? "无逾期未办结事项" : `逾期未办结${s.overdue.length}件：${join(s.overdue.slice(0, 8).map((o) => `${o.label}${o.departments.length > 0 ? `（${join(o.departments)}）` : ""}`))}${s.overdue.length > 8 ? "等" : ""}，请抓紧办理`);
  return `${parts.join("；")}。`;
}
