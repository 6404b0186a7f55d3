import { isIsoDate, lastDayOfMonth } from "@/lib/dates";

const PATTERN =
  /(?:(\d{4})年|(今年|本年|当年|明年))?(?:(\d{1,2})月(?:(\d{1,2})日|份)?(底|末)?(前|之前|以前)?|(上半年|年底|年末|年中)(前|之前|以前)?)/g;

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** Every deadline stated in the text, in order. Months without a year take the plan's year. */
export function findDeadlines(text: string, planYear: number | null): { index: number; date: string }[] {
  const found: { index: number; date: string }[] = [];
  for (const m of text.matchAll(PATTERN)) {
    const [, y, relative, month, day, end, before, period] = m;
    const year = y ? Number(y) : planYear === null ? null : planYear + (relative === "明年" ? 1 : 0);
    if (year === null) continue;
    let date: string | null = null;
    if (period) date = period === "上半年" || period === "年中" ? `${year}-06-30` : `${year}-12-31`;
    else if (month && day && before) date = `${year}-${pad(Number(month))}-${pad(Number(day))}`;
    else if (month && end) date = lastDayOfMonth(`${year}-${pad(Number(month))}`);
    // "9月前" — before September starts.
    else if (month && before) date = Number(month) === 1 ? `${year - 1}-12-31` : lastDayOfMonth(`${year}-${pad(Number(month) - 1)}`);
    if (date !== null && isIsoDate(date)) found.push({ index: m.index, date });
  }
  return found;
}

/**
 * The task's deadline: the first one stated in the sentence of its first target, else the first in the task.
 * `targetAt` is where the first target's clause starts, or null when the task has no target.
 */
export function deadlineOf(text: string, planYear: number | null, targetAt: number | null): string | null {
  const all = findDeadlines(text, planYear);
  if (targetAt !== null) {
    const start = Math.max(...[..."。;!?\n"].map((c) => text.lastIndexOf(c, targetAt - 1))) + 1;
    const stops = [..."。;!?\n"].map((c) => text.indexOf(c, targetAt)).filter((i) => i >= 0);
    const end = stops.length > 0 ? Math.min(...stops) : text.length;
    const inSentence = all.find((d) => d.index >= start && d.index < end);
    if (inSentence) return inSentence.date;
  }
  return all[0]?.date ?? null;
}
