import { addMonths, lastDayOfMonth, firstDayOfMonth, type IsoMonth } from "@/lib/dates";

/**
 * The months being computed, as indices 0..K-1, and SQL that turns a date column into such an index.
 * A body registered in month i and gone in month j (exclusive) is alive at the end of months i..j-1,
 * so every "as of month end" fact becomes a half-open interval of month indices.
 */
export class MonthGrid {
  readonly size: number;
  readonly base: number;

  constructor(readonly months: IsoMonth[]) {
    this.size = months.length;
    this.base = ym(months[0] as IsoMonth);
  }

  get firstStart(): string {
    return firstDayOfMonth(this.months[0] as IsoMonth);
  }

  get lastEnd(): string {
    return lastDayOfMonth(this.months[this.size - 1] as IsoMonth);
  }

  /** Index of a date column's month, clamped into [0, K]; `ifNull` for a missing date (e.g. still alive). */
  sqlIndex(column: string, ifNull: number | "null" = this.size): string {
    const raw = `(CAST(substr(${column},1,4) AS INTEGER) * 12 + CAST(substr(${column},6,2) AS INTEGER) - 1 - ${this.base})`;
    return `CASE WHEN ${column} IS NULL THEN ${ifNull} ELSE max(0, min(${this.size}, ${raw})) END`;
  }

  indexOf(date: string): number {
    return Math.max(0, Math.min(this.size, ym(date) - this.base));
  }

  /** Unclamped month index, for windows that reach before the first month. */
  rawIndexOf(date: string): number {
    return ym(date) - this.base;
  }

  monthAt(index: number): IsoMonth {
    return addMonths(this.months[0] as IsoMonth, index);
  }
}

function ym(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

/**
 * Per org unit and month counts built from intervals with difference arrays: adding a body's
 * interval costs O(1) whatever its length; `finish()` turns the differences into counts.
 */
export class IntervalCounter {
  private readonly data: Float64Array;
  private finished = false;

  constructor(private readonly units: number, private readonly months: number) {
    this.data = new Float64Array(units * (months + 1));
  }

  add(unitChain: readonly number[], from: number, to: number, count = 1): void {
    if (from >= to) return;
    for (const u of unitChain) {
      const row = u * (this.months + 1);
      this.data[row + from] = (this.data[row + from] as number) + count;
      this.data[row + to] = (this.data[row + to] as number) - count;
    }
  }

  /** Adds to one month only. */
  addAt(unitChain: readonly number[], month: number, count = 1): void {
    if (month < 0 || month >= this.months) return;
    this.add(unitChain, month, month + 1, count);
  }

  finish(): this {
    if (this.finished) return this;
    for (let u = 0; u < this.units; u++) {
      const row = u * (this.months + 1);
      for (let k = 1; k <= this.months; k++) {
        this.data[row + k] = (this.data[row + k] as number) + (this.data[row + k - 1] as number);
      }
    }
    this.finished = true;
    return this;
  }

  get(unit: number, month: number): number {
    return this.data[unit * (this.months + 1) + month] as number;
  }
}
