/**
 * Working days in China as the State Council's yearly notices set them: Monday to Friday, less the notice's
 * holidays, plus its 调休 working weekend days, then the office's own overrides on top.
 * The covered span is precomputed into per-day tables so that every query is O(1); the indicator engine
 * asks millions of them per run.
 */
import { dayNumber, fromDayNumber, isIsoDate, type IsoDate } from "../dates";
import type { CalendarOverride, DayInfo, NoticeData } from "./types";
import { UncoveredYearError } from "./uncovered-year-error";

const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

export class WorkCalendar {
  private readonly years: readonly number[];
  /** Day number of table index 0 (1 January of the first covered year). */
  private readonly base: number;
  private readonly iso: IsoDate[] = [];
  private readonly work: Uint8Array;
  /** Index of the last day of the run of covered years holding each day; -1 in an uncovered year. */
  private readonly runEnd: Int32Array;
  /** cum[i] = working days among indexes 0..i-1, so (a, b] holds cum[b + 1] - cum[a + 1]. */
  private readonly cum: Int32Array;
  /** nth[k] = index of the table's k-th working day (k ≥ 1). */
  private readonly nth: Int32Array;
  private readonly names = new Map<number, string>();

  constructor(data: NoticeData, overrides: readonly CalendarOverride[] = [], enteredYears: readonly number[] = []) {
    for (const y of enteredYears) {
      if (!Number.isInteger(y) || y < MIN_YEAR || y > MAX_YEAR) throw new RangeError(`录入的通知年份无效：${y}`);
    }
    const covered = new Set([...data.years, ...enteredYears]);
    this.years = [...covered].sort((a, b) => a - b);
    const first = this.years[0] ?? MIN_YEAR;
    this.base = dayNumber(`${first}-01-01`);
    const length = this.years.length === 0 ? 0 : dayNumber(`${this.years.at(-1)}-12-31`) - this.base + 1;
    this.work = new Uint8Array(length);
    this.runEnd = new Int32Array(length);
    for (let i = 0; i < length; i++) {
      const day = this.base + i;
      const date = fromDayNumber(day);
      const weekday = (((day + 4) % 7) + 7) % 7; // day 0, 1970-01-01, was a Thursday
      this.iso.push(date);
      this.runEnd[i] = covered.has(Number(date.slice(0, 4))) ? 0 : -1;
      this.work[i] = this.runEnd[i] === 0 && weekday !== 0 && weekday !== 6 ? 1 : 0;
    }
    for (let i = length - 1, end = -1; i >= 0; i--) {
      end = this.runEnd[i] === -1 ? -1 : end === -1 ? i : end;
      this.runEnd[i] = end;
    }
    for (const [date, name] of data.holidays) this.set(date, 0, name);
    for (const [date, name] of data.workdays) this.set(date, 1, name);
    for (const o of overrides) {
      if (!isIsoDate(o.date)) throw new RangeError(`节假日调整的日期格式错误：${o.date}（应为YYYY-MM-DD）`);
      if (o.kind !== "workday" && o.kind !== "holiday") throw new RangeError(`节假日调整的类型无效：${String(o.kind)}`);
      this.set(o.date, o.kind === "workday" ? 1 : 0, o.note);
    }
    this.cum = new Int32Array(length + 1);
    for (let i = 0; i < length; i++) this.cum[i + 1] = this.cum[i]! + this.work[i]!;
    this.nth = new Int32Array(this.cum[length]! + 1);
    for (let i = 0; i < length; i++) if (this.work[i] === 1) this.nth[this.cum[i + 1]!] = i;
  }

  /** Data for an uncovered year is ignored: such a year must stay an error, not half a calendar. */
  private set(date: IsoDate, work: 0 | 1, name: string | undefined): void {
    const i = dayNumber(date) - this.base;
    if (!(i >= 0 && i < this.iso.length && this.iso[i] === date && this.runEnd[i]! >= 0)) return;
    this.work[i] = work;
    if (name) this.names.set(i, name);
    else this.names.delete(i);
  }

  coveredYears(): number[] {
    return [...this.years];
  }

  isCovered(date: IsoDate): boolean {
    const i = this.dayOf(date) - this.base;
    return i >= 0 && i < this.iso.length && this.runEnd[i]! >= 0;
  }

  isWorkday(date: IsoDate): boolean {
    return this.work[this.indexOf(this.dayOf(date))] === 1;
  }

  /** The n-th working day after `date`, which itself is not counted; n = 0 gives `date` back. */
  addWorkingDays(date: IsoDate, n: number): IsoDate {
    return this.iso[this.addIndex(this.indexOf(this.dayOf(date)), n)]!;
  }

  /** Working days in (a, b]: `a` is not counted, `b` is; 0 when b ≤ a. Both years must be covered. */
  workingDaysBetween(a: IsoDate, b: IsoDate): number {
    return this.workingDaysBetweenDays(this.dayOf(a), this.dayOf(b));
  }

  /** `addWorkingDays` on day numbers (see lib/dates `dayNumber`), for callers that hold them already. */
  addWorkingDaysToDay(day: number, n: number): number {
    return this.base + this.addIndex(this.indexOf(day), n);
  }

  /** `workingDaysBetween` on day numbers. */
  workingDaysBetweenDays(a: number, b: number): number {
    if (b <= a) return 0;
    const i = this.indexOf(a);
    const j = b - this.base;
    const end = this.runEnd[i]!;
    if (!Number.isInteger(j)) throw new RangeError(`日序号无效：${b}`);
    if (j > end) throw new UncoveredYearError(this.yearAt(end + 1));
    return this.cum[j + 1]! - this.cum[i + 1]!;
  }

  /** The day number of a `YYYY-MM-DD` date, rejecting malformed or impossible dates (2025-02-30). */
  dayOf(date: IsoDate): number {
    const day = dayNumber(date);
    const i = day - this.base;
    if (i >= 0 && i < this.iso.length && this.iso[i] === date) return day;
    if (!isIsoDate(date)) throw new RangeError(`日期格式错误：${date}（应为YYYY-MM-DD）`);
    return day;
  }

  /** Whether `date` is a working day and which holiday, if any, the notice or an override names for it. */
  describe(date: IsoDate): DayInfo {
    const i = this.indexOf(this.dayOf(date));
    const workday = this.work[i] === 1;
    const own = this.names.get(i);
    if (workday) return { date, workday, names: own === undefined ? [] : [own] };
    // A break runs through the weekend days it touches ("与周末连休"), named or not.
    const rest = (k: number) => k >= 0 && this.runEnd[k]! >= 0 && this.work[k] === 0;
    let lo = i;
    while (rest(lo - 1)) lo--;
    const names = new Set<string>();
    for (let k = lo; rest(k); k++) if (this.names.has(k)) names.add(this.names.get(k)!);
    return { date, workday, names: [...names] };
  }

  private indexOf(day: number): number {
    const i = day - this.base;
    if (i >= 0 && i < this.iso.length && this.runEnd[i]! >= 0) return i;
    if (!Number.isInteger(day)) throw new RangeError(`日序号无效：${day}`);
    throw new UncoveredYearError(this.yearAt(i));
  }

  private addIndex(i: number, n: number): number {
    if (!(Number.isInteger(n) && n >= 0)) throw new RangeError(`工作日数应为非负整数：${n}`);
    if (n === 0) return i;
    const k = this.cum[i + 1]! + n;
    const j = k < this.nth.length ? this.nth[k]! : this.iso.length;
    const end = this.runEnd[i]!;
    if (j > end) throw new UncoveredYearError(this.yearAt(end + 1));
    return j;
  }

  private yearAt(index: number): number {
    return Number(fromDayNumber(this.base + index).slice(0, 4));
  }
}
