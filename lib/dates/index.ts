/**
 * Calendar dates as `YYYY-MM-DD` strings and months as `YYYY-MM`, in China's calendar.
 * Arithmetic goes through UTC day numbers, so the server's time zone never shifts a date.
 */
const DAY_MS = 86_400_000;

export type IsoDate = string;
export type IsoMonth = string;

export function dayNumber(date: IsoDate): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

// Generating or checking millions of records turns the same few thousand days into text again and again: each is
// built once (a Date and its ISO text cost more than the rest of a record's dates).
const dayTexts = new Map<number, IsoDate>();

export function fromDayNumber(day: number): IsoDate {
  let text = dayTexts.get(day);
  if (text === undefined) {
    text = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (dayTexts.size >= 100_000) dayTexts.clear();
    dayTexts.set(day, text);
  }
  return text;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

export function monthOf(date: IsoDate): IsoMonth {
  return date.slice(0, 7);
}

export function addMonths(month: IsoMonth, n: number): IsoMonth {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  const y = Math.floor(index / 12);
  return `${String(y).padStart(4, "0")}-${String(index - y * 12 + 1).padStart(2, "0")}`;
}

export function firstDayOfMonth(month: IsoMonth): IsoDate {
  return `${month}-01`;
}

export function lastDayOfMonth(month: IsoMonth): IsoDate {
  return addDays(firstDayOfMonth(addMonths(month, 1)), -1);
}

/** Months from `first` to `last`, both included. */
export function monthRange(first: IsoMonth, last: IsoMonth): IsoMonth[] {
  const months: IsoMonth[] = [];
  for (let m = first; m <= last; m = addMonths(m, 1)) months.push(m);
  return months;
}

/** Today's date in China (UTC+8, no daylight saving), whatever the server's zone. */
export function todayInChina(now: Date = new Date()): IsoDate {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The last month that has fully ended in China: the month the monthly indicators are published for. */
export function lastFullMonth(now: Date = new Date()): IsoMonth {
  return addMonths(monthOf(todayInChina(now)), -1);
}

export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && fromDayNumber(dayNumber(value)) === value;
}

export function isIsoMonth(value: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

/** 2026年10月 — how Chinese government documents write a month. */
export function formatMonthZh(month: IsoMonth): string {
  return `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;
}
