import { isIsoDate, lastDayOfMonth } from "@/lib/dates";
import { readTargets } from "./targets";
import type { DeadlineKind } from "./types";
import { withoutUnitGroups } from "./units";

/**
 * Deadlines as plans write them: 2023年10月底前, 6月30日前, 9月前, 十二月底前, 6月中旬, 年底前, 今年内,
 * 上半年, 下半年, (第)一季度(末), 明年6月底前.
 */
const PATTERN = new RegExp(
  [
    "(?:(?<y>(?:19|20)\\d{2})年|(?<rel>今年|本年|当年|明年|次年))?",
    "(?:",
    // A month: its end, a day, a third of it, or before it starts ("9月前").
    "(?<month>\\d{1,2}|十[一二]?|[一二三四五六七八九])月份?(?:(?<day>\\d{1,2})[日号])?(?<part>上旬|中旬|下旬|底|末)?(?<before>之前|以前|前|为止|止)?",
    // A quarter ("每季度" is a cadence, not a date).
    "|(?<!每|每个|每一)(?:第)?(?<quarter>[一二三四1-4])季度(?:末|底)?(?:之前|以前|前|内)?",
    // Half years and the year's end; "两年内" is a span, not this year.
    "|(?<half>上半年|下半年|年中|年底|年末|(?<![\\d一二三四五六七八九十两几多半每])年内|底|末|内)(?:之前|以前|前)?",
    ")",
  ].join(""),
  "g",
);

const CN_MONTHS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12 };
const QUARTERS: Record<string, string> = { 一: "03-31", 二: "06-30", 三: "09-30", 四: "12-31", 1: "03-31", 2: "06-30", 3: "09-30", 4: "12-31" };

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

export interface DatedPhrase {
  index: number;
  date: string;
  /** The phrase as written (simplified), e.g. "2023年10月底前". */
  text: string;
}

/** Every deadline stated in the text, in order. Months without a year take the plan's year. */
export function findDeadlines(text: string, planYear: number | null): DatedPhrase[] {
  const found: DatedPhrase[] = [];
  for (const m of text.matchAll(PATTERN)) {
    const g = m.groups ?? {};
    const year = g.y ? Number(g.y) : planYear === null ? null : planYear + (g.rel === "明年" || g.rel === "次年" ? 1 : 0);
    if (year === null) continue;
    let date: string | null = null;
    if (g.half) {
      // A bare 底/末/内 ends a stated year only: "2023年底前", "今年内"; never "摸清底数".
      if (["底", "末", "内"].includes(g.half) && !g.y && !g.rel) continue;
      date = g.half === "上半年" || g.half === "年中" ? `${year}-06-30` : `${year}-12-31`;
    } else if (g.quarter) {
      date = `${year}-${QUARTERS[g.quarter]}`;
    } else if (g.month) {
      const month = /^\d+$/.test(g.month) ? Number(g.month) : CN_MONTHS[g.month]!;
      if (month < 1 || month > 12) continue;
      const ym = `${year}-${pad(month)}`;
      if (g.day && g.before) date = `${ym}-${pad(Number(g.day))}`;
      else if (g.day) date = null; // "3月29日印发": a date, not a deadline.
      else if (g.part === "上旬") date = `${ym}-10`;
      else if (g.part === "中旬") date = `${ym}-20`;
      else if (g.part) date = lastDayOfMonth(ym);
      // "9月前" — before September starts.
      else if (g.before === "前" || g.before === "之前" || g.before === "以前") date = month === 1 ? `${year - 1}-12-31` : lastDayOfMonth(`${year}-${pad(month - 1)}`);
      else if (g.before) date = lastDayOfMonth(ym); // "截至6月止"
    }
    if (date !== null && isIsoDate(date)) found.push({ index: m.index, date, text: m[0] });
  }
  return found;
}

export interface CadencePhrase {
  index: number;
  kind: "recurring" | "standing";
  text: string;
  /** Says it of the whole task wherever it stands; a weak word counts only in the title or the target's sentence. */
  strong: boolean;
}

const RECURRING = /(?:每|按)(?:个|一)?(?:季度|季|月度|月|半年|周|星期|旬)|逐月|逐季|(?<![一二三四1-4])(?:月度|季度)(?:调度|通报|报送|考核|分析|会商|评估)/g;
const STANDING_STRONG = /长期坚持|长期开展|长期推进|长期执行|长期实施|常抓不懈|久久为功/g;
const STANDING_WEAK = /持续推进|持续开展|常态化/g;

/** 每季度, 每月, 按月 (recurring); 长期坚持, 持续推进, 常态化 (standing). "每年" is an annual plan's year, not a cadence. */
export function findCadences(text: string): CadencePhrase[] {
  const found: CadencePhrase[] = [
    ...[...text.matchAll(RECURRING)].map((m) => ({ index: m.index, kind: "recurring" as const, text: m[0], strong: true })),
    ...[...text.matchAll(STANDING_STRONG)].map((m) => ({ index: m.index, kind: "standing" as const, text: m[0], strong: true })),
    ...[...text.matchAll(STANDING_WEAK)].map((m) => ({ index: m.index, kind: "standing" as const, text: m[0], strong: false })),
  ];
  return found.sort((a, b) => a.index - b.index);
}

export interface Deadline {
  /** ISO date; for recurring, standing and default deadlines the plan year's end; null without a year. */
  date: string | null;
  kind: DeadlineKind;
  /** The words it was read from; null when defaulted. */
  text: string | null;
}

const STOPS = [..."。;!?\n"];

function sentenceAround(text: string, at: number): [number, number] {
  const start = Math.max(...STOPS.map((c) => text.lastIndexOf(c, at - 1))) + 1;
  const ends = STOPS.map((c) => text.indexOf(c, at)).filter((i) => i >= 0);
  return [start, ends.length > 0 ? Math.min(...ends) : text.length];
}

/**
 * A task's deadline, from its text without unit brackets. In order: what the first target's sentence says
 * (a date, 每季度, 常态化…), what the title says, the first date anywhere, a recurring or standing duty
 * stated anywhere (长期坚持, 每月), else the plan year's end by default. `targetAt` is where the first
 * target's clause starts, or null when the task has no target. `context` is the whole task, brackets
 * included: a date written only inside the unit bracket ("责任单位:…;完成时限:6月底前") still counts.
 */
export function readDeadline(text: string, planYear: number | null, targetAt: number | null, context: string = text): Deadline {
  const yearEnd = planYear === null ? null : `${planYear}-12-31`;
  const dates = findDeadlines(text, planYear);
  const cadences = findCadences(text);
  const phrases = [
    ...dates.map((d) => ({ index: d.index, strong: true, deadline: { date: d.date, kind: "date" as const, text: d.text } })),
    ...cadences.map((c) => ({ index: c.index, strong: c.strong, deadline: { date: yearEnd, kind: c.kind, text: c.text } })),
  ].sort((a, b) => a.index - b.index);
  // Within one sentence a date says more than a cadence: "持续推进…,6月底前完成".
  const within = ([start, end]: [number, number]) => {
    const here = phrases.filter((p) => p.index >= start && p.index < end);
    return (here.find((p) => p.deadline.kind === "date") ?? here[0])?.deadline;
  };
  const title = sentenceAround(text, 0);
  const found = (targetAt !== null ? within(sentenceAround(text, targetAt)) : undefined)
    ?? within(title)
    ?? phrases.find((p) => p.deadline.kind === "date")?.deadline
    ?? phrases.find((p) => p.strong)?.deadline
    ?? (context !== text ? findDeadlines(context, planYear).map((d) => ({ date: d.date, kind: "date" as const, text: d.text }))[0] : undefined);
  return found ?? { date: yearEnd, kind: "default", text: null };
}

/** The deadline of a task from its whole text as saved (unit brackets included), as the reader sets it. */
export function taskDeadline(taskText: string, planYear: number | null): Deadline {
  const plain = withoutUnitGroups(taskText);
  return readDeadline(plain, planYear, readTargets(plain, taskText).firstAt, taskText);
}

/** The deadline's date when the task states one, else null (the reader's former rule, kept for callers). */
export function deadlineOf(text: string, planYear: number | null, targetAt: number | null): string | null {
  const d = readDeadline(text, planYear, targetAt);
  return d.kind === "date" ? d.date : null;
}
