import type { IsoDate } from "../dates";

export interface NoticeData {
  /** Years whose State Council notice is in the data. */
  readonly years: readonly number[];
  /** Rest days a notice sets (weekend days inside a break included), with the holiday's name. */
  readonly holidays: ReadonlyMap<IsoDate, string>;
  /** 调休 working days, with the holiday they make up for. */
  readonly workdays: ReadonlyMap<IsoDate, string>;
}

export interface CalendarOverride {
  date: IsoDate;
  kind: "workday" | "holiday";
  note?: string;
}

export interface DayInfo {
  date: IsoDate;
  workday: boolean;
  /** A rest day: the holidays of the break it belongs to. A 调休 working day: the holiday it makes up for. */
  names: string[];
}
