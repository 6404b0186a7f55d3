import { and, gte, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { isOffice } from "@/lib/auth/scope";
import { type Tx, type WriteAction } from "@/lib/write";
import { holidayNoticeSchema } from "./notice";
import { calendarOverrides, calendarYears, sgsRecords } from "@/db/schema";
import { todayInChina } from "@/lib/dates";
import { createWorkCalendar } from "./default-calendar";
import type { CalendarOverride } from "./types";
import type { WorkCalendar } from "./work-calendar";

export interface CalendarEntries {
  overrides: CalendarOverride[];
  enteredYears: number[];
}

/** What the office entered: the years of notices and their days. */
export async function getCalendarEntries(db: Db | Tx): Promise<CalendarEntries> {
  const [years, overrides] = await Promise.all([db.select().from(calendarYears), db.select().from(calendarOverrides)]);
  return {
    overrides: overrides.map((o) => ({ date: o.date, kind: o.kind, note: o.note ?? undefined })),
    enteredYears: years.map((y) => y.year),
  };
}

/** The working-day calendar: the package's notices plus the years the office entered in the store. */
export async function loadWorkCalendar(db: Db | Tx): Promise<WorkCalendar> {
  const { overrides, enteredYears } = await getCalendarEntries(db);
  return overrides.length === 0 && enteredYears.length === 0 ? createWorkCalendar() : createWorkCalendar(overrides, enteredYears);
}

/**
 * Stores a year's notice, replacing an earlier entry for that year, and clears the lateness of the
 * 双公示 records it affects so the next computation derives it again with the new days.
 */
export const enterHolidayNotice: WriteAction<typeof holidayNoticeSchema, { recordsToRederive: number }> = {
  name: "calendar.enter_notice", input: holidayNoticeSchema, allow: isOffice, refusal: "只有信用办可以录入节假日安排",
  run: async (tx, notice) => {
    const from = `${notice.year - 1}-12-01`;
    const to = `${notice.year}-12-31`;
    await tx.delete(calendarOverrides).where(and(gte(calendarOverrides.date, from), lte(calendarOverrides.date, to)));
    await tx.insert(calendarOverrides).values(notice.overrides.map((o) => ({ date: o.date, kind: o.kind, note: o.note ?? null })));
    await tx.insert(calendarYears)
      .values({ year: notice.year, notice: notice.notice ?? null, enteredOn: todayInChina() })
      .onConflictDoUpdate({ target: calendarYears.year, set: { notice: notice.notice ?? null, enteredOn: todayInChina() } });
    // Decisions from mid-November on can have deadlines running into the new year.
    const cleared = await tx.update(sgsRecords).set({ workingDaysLate: null })
      .where(and(gte(sgsRecords.decisionDate, `${notice.year - 1}-11-15`), lte(sgsRecords.decisionDate, to)));
    return {
      value: { recordsToRederive: cleared.rowsAffected },
      audit: { entityType: "calendar_year", entityId: notice.year, summary: `录入${notice.year}年节假日安排（${notice.overrides.length}天）`, after: notice },
    };
  },
};
