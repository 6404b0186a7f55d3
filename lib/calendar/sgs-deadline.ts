/**
 * The 双公示 timeliness convention, kept in this one place: a decision must be reported on or before the
 * 7th working day after its decision date, the decision day itself not counted.
 */
import type { IsoDate } from "../dates";
import type { WorkCalendar } from "./work-calendar";

export const SGS_REPORTING_WORKING_DAYS = 7;

/** The last day on which a decision taken on `decisionDate` is still reported on time. */
export function sgsReportingDeadline(calendar: WorkCalendar, decisionDate: IsoDate): IsoDate {
  return calendar.addWorkingDays(decisionDate, SGS_REPORTING_WORKING_DAYS);
}

/**
 * Working days in (deadline, reportedDate]; 0 when on time. A report made on a rest day straight after the
 * deadline is late yet 0 working days late: decide timeliness with `isSgsTimely`, never with this being 0.
 */
export function sgsWorkingDaysLate(calendar: WorkCalendar, decisionDate: IsoDate, reportedDate: IsoDate): number {
  const deadline = calendar.addWorkingDaysToDay(calendar.dayOf(decisionDate), SGS_REPORTING_WORKING_DAYS);
  return calendar.workingDaysBetweenDays(deadline, calendar.dayOf(reportedDate));
}

/** Reported on or before the deadline. A report dated before its decision counts as timely. */
export function isSgsTimely(calendar: WorkCalendar, decisionDate: IsoDate, reportedDate: IsoDate): boolean {
  const deadline = calendar.addWorkingDaysToDay(calendar.dayOf(decisionDate), SGS_REPORTING_WORKING_DAYS);
  return calendar.dayOf(reportedDate) <= deadline;
}
