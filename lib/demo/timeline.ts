import { addMonths, dayNumber, firstDayOfMonth, lastDayOfMonth, type IsoMonth } from "@/lib/dates";
import type { DemoDistrict } from "./city";

/** The span the demo covers: `months` of monitoring ending with `endMonth`, plus older raw history. */
export class Timeline {
  readonly startMonth: IsoMonth;
  readonly startDay: number;
  readonly endDay: number;
  /** 双公示 and list history reach further back than the monitored months: the 3-year penalty window needs it. */
  readonly recordsFromDay: number;

  constructor(readonly endMonth: IsoMonth, readonly months: number) {
    this.startMonth = addMonths(endMonth, -(months - 1));
    this.startDay = dayNumber(firstDayOfMonth(this.startMonth));
    this.endDay = dayNumber(lastDayOfMonth(endMonth));
    this.recordsFromDay = dayNumber(firstDayOfMonth(addMonths(this.startMonth, -12)));
  }

  /** Position of a day in the monitored span, 0 at its start and 1 at its end. */
  progress(day: number): number {
    if (day <= this.startDay) return 0;
    if (day >= this.endDay) return 1;
    return (day - this.startDay) / (this.endDay - this.startDay);
  }

  /** How well a district keeps its records on a given day (0–1): its starting quality moved along its trend. */
  quality(district: DemoDistrict, day: number): number {
    return Math.min(0.98, Math.max(0.05, district.quality + district.trend * this.progress(day)));
  }
}
