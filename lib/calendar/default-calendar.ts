import { packageNoticeData } from "./package-data";
import type { CalendarOverride } from "./types";
import { WorkCalendar } from "./work-calendar";

let packageOnly: WorkCalendar | undefined;

/**
 * The working-day calendar from the bundled State Council notices, with the office's overrides and the
 * years it has entered a notice for. Without either, one shared instance is returned: building the day
 * tables is the costly part and the calendar is immutable.
 */
export function createWorkCalendar(
  overrides: readonly CalendarOverride[] = [],
  enteredYears: readonly number[] = [],
): WorkCalendar {
  if (overrides.length === 0 && enteredYears.length === 0) {
    return (packageOnly ??= new WorkCalendar(packageNoticeData()));
  }
  return new WorkCalendar(packageNoticeData(), overrides, enteredYears);
}
