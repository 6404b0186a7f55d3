import { isSgsTimely, sgsWorkingDaysLate, UncoveredYearError, type WorkCalendar } from "@/lib/calendar";
import { isIsoDate } from "@/lib/dates";
import { checkSgsRecord } from "./check";
import type { SgsRuleInput } from "./input";

export interface SgsRecordFacts {
  /** JSON array of failed rule codes, "[]" when compliant: stored with the record. */
  failedRules: string;
  /**
   * 0 when reported in time; otherwise the working days past the deadline, at least 1 (a report on the
   * rest day right after the deadline is as late as the next working day). Null while the holiday
   * calendar does not cover the dates, or a date is missing.
   */
  workingDaysLate: number | null;
}

/** The per-record facts the indicators read, derived once when a record is loaded or the calendar changes. */
export function deriveSgsFacts(record: SgsRuleInput, calendar: WorkCalendar, today: string): SgsRecordFacts {
  return { failedRules: JSON.stringify(checkSgsRecord(record, today)), workingDaysLate: workingDaysLate(record, calendar) };
}

export function workingDaysLate(record: Pick<SgsRuleInput, "decisionDate" | "reportedDate">, calendar: WorkCalendar): number | null {
  const { decisionDate, reportedDate } = record;
  if (!decisionDate || !reportedDate || !isIsoDate(decisionDate) || !isIsoDate(reportedDate)) return null;
  try {
    if (isSgsTimely(calendar, decisionDate, reportedDate)) return 0;
    return Math.max(1, sgsWorkingDaysLate(calendar, decisionDate, reportedDate));
  } catch (error) {
    if (error instanceof UncoveredYearError) return null;
    throw error;
  }
}
