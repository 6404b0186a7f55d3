import { UncoveredYearError, type WorkCalendar } from "@/lib/calendar";
import { dayNumber, fromDayNumber, type IsoDate } from "@/lib/dates";

/** Working days an item has unless the office sets its deadline: two working weeks. */
export const DEFAULT_WORKING_DAYS = 10;
/** An item due within this many working days shows yellow. */
export const YELLOW_WITHIN_WORKING_DAYS = 3;

const isWeekday = (day: number) => { const w = new Date(day * 86_400_000).getUTCDay(); return w !== 0 && w !== 6; };

/**
 * The `n`-th working day after `from` on the 调休 calendar. Where the calendar does not know a year yet (its
 * notice is not published), Monday to Friday stand in for it.
 */
export function addWorkingDays(calendar: WorkCalendar, from: IsoDate, n: number): IsoDate {
  try {
    return calendar.addWorkingDays(from, n);
  } catch (error) {
    if (!(error instanceof UncoveredYearError)) throw error;
    let day = dayNumber(from);
    for (let left = n; left > 0;) if (isWeekday(++day)) left--;
    return fromDayNumber(day);
  }
}

/** Working days from `today` to `deadline` (0 when due today or past), on the calendar or Monday to Friday. */
function workingDaysUntil(calendar: WorkCalendar, today: IsoDate, deadline: IsoDate): number {
  try {
    return calendar.workingDaysBetween(today, deadline);
  } catch (error) {
    if (!(error instanceof UncoveredYearError)) throw error;
    let n = 0;
    for (let d = dayNumber(today) + 1; d <= dayNumber(deadline); d++) if (isWeekday(d)) n++;
    return n;
  }
}

export type Light = "green" | "yellow" | "red" | null;

/** The traffic light of an item not yet closed: red when overdue, yellow when due within three working days. */
export function lightOf(status: string, deadline: IsoDate, today: IsoDate, calendar: WorkCalendar): Light {
  if (status === "accepted") return null;
  if (today > deadline) return "red";
  return workingDaysUntil(calendar, today, deadline) <= YELLOW_WITHIN_WORKING_DAYS ? "yellow" : "green";
}

export const LIGHT_LABELS: Record<Exclude<Light, null>, string> = { green: "按期", yellow: "临近期限", red: "已逾期" };
