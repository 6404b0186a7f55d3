import { describe, expect, it } from "vitest";
import {
  createWorkCalendar,
  isSgsTimely,
  SGS_REPORTING_WORKING_DAYS,
  sgsReportingDeadline,
  sgsWorkingDaysLate,
  UncoveredYearError,
} from ".";

const calendar = createWorkCalendar();

describe("sgsReportingDeadline", () => {
  it("is the 7th working day after the decision", () => {
    expect(SGS_REPORTING_WORKING_DAYS).toBe(7);
    expect(sgsReportingDeadline(calendar, "2025-06-10")).toBe("2025-06-19"); // an ordinary Tuesday
  });

  it("counts the National Day 调休 Saturday: a decision on 2025-09-30 is due 2025-10-16", () => {
    // 2025 notice: 10-01..10-08 off, Saturday 10-11 worked. After Tuesday 09-30 the working days are
    // 10-09 (1), 10-10 (2), 10-11 Sat 调休 (3), 10-13 (4), 10-14 (5), 10-15 (6), 10-16 (7).
    // 2025-10-17 would be the answer only if the 调休 Saturday were ignored.
    expect(sgsReportingDeadline(calendar, "2025-09-30")).toBe("2025-10-16");
  });

  it("can fall on a 调休 weekend day: a decision on 2025-09-25 is due Saturday 2025-10-11", () => {
    // 09-26 (1), 09-28 Sun 调休 (2), 09-29 (3), 09-30 (4), 10-01..08 off, 10-09 (5), 10-10 (6), 10-11 Sat (7).
    expect(sgsReportingDeadline(calendar, "2025-09-25")).toBe("2025-10-11");
  });

  it("skips the 2026 Spring Festival and counts its two 调休 Saturdays", () => {
    // 2026 notice: 02-15..02-23 off, Saturdays 02-14 and 02-28 worked.
    // 02-13 (1), 02-14 Sat (2), 02-24 (3), 02-25 (4), 02-26 (5), 02-27 (6), 02-28 Sat (7).
    expect(sgsReportingDeadline(calendar, "2026-02-12")).toBe("2026-02-28");
    // Decided during the break: 02-24 (1) .. 02-27 (4), 02-28 Sat (5), 03-02 (6), 03-03 (7).
    expect(sgsReportingDeadline(calendar, "2026-02-16")).toBe("2026-03-03");
  });

  it("runs across the year boundary through 元旦 2026", () => {
    // 12-29 (1), 12-30 (2), 12-31 (3), 01-01..01-03 off, 01-04 Sun 调休 (4), 01-05 (5), 01-06 (6), 01-07 (7).
    expect(sgsReportingDeadline(calendar, "2025-12-26")).toBe("2026-01-07");
  });

  it("throws UncoveredYearError when the deadline needs 2027", () => {
    expect(sgsReportingDeadline(calendar, "2026-12-18")).toBe("2026-12-29");
    expect(() => sgsReportingDeadline(calendar, "2026-12-28")).toThrow(UncoveredYearError);
    expect(() => sgsWorkingDaysLate(calendar, "2026-12-10", "2027-01-05")).toThrow(UncoveredYearError);
  });

  it("works into 2027 once the office has entered the 2027 notice", () => {
    // Hypothetical entries, not the real 2027 notice.
    const entered = createWorkCalendar([{ date: "2027-01-01", kind: "holiday", note: "元旦" }], [2027]);
    // 12-29 (1), 12-30 (2), 12-31 (3), 01-01 off, 01-04 (4), 01-05 (5), 01-06 (6), 01-07 (7).
    expect(sgsReportingDeadline(entered, "2026-12-28")).toBe("2027-01-07");
    expect(sgsWorkingDaysLate(entered, "2026-12-28", "2027-01-11")).toBe(2);
  });
});

describe("sgsWorkingDaysLate and isSgsTimely", () => {
  it("are 0 and timely up to and on the deadline", () => {
    for (const reported of ["2025-09-30", "2025-10-05", "2025-10-16"]) {
      expect(sgsWorkingDaysLate(calendar, "2025-09-30", reported)).toBe(0);
      expect(isSgsTimely(calendar, "2025-09-30", reported)).toBe(true);
    }
  });

  it("count the working days after the deadline", () => {
    expect(sgsWorkingDaysLate(calendar, "2025-09-30", "2025-10-17")).toBe(1);
    expect(sgsWorkingDaysLate(calendar, "2025-09-30", "2025-10-20")).toBe(2);
    expect(isSgsTimely(calendar, "2025-09-30", "2025-10-17")).toBe(false);
  });

  it("call a report on the rest day after the deadline late, though 0 working days late", () => {
    expect(sgsWorkingDaysLate(calendar, "2025-09-25", "2025-10-12")).toBe(0);
    expect(isSgsTimely(calendar, "2025-09-25", "2025-10-12")).toBe(false);
  });

  it("treat a report dated before the decision as on time", () => {
    expect(sgsWorkingDaysLate(calendar, "2025-03-10", "2025-03-01")).toBe(0);
    expect(isSgsTimely(calendar, "2025-03-10", "2025-03-01")).toBe(true);
  });

  it("reject malformed dates", () => {
    expect(() => sgsWorkingDaysLate(calendar, "2025-09-31", "2025-10-20")).toThrow(RangeError);
    expect(() => isSgsTimely(calendar, "2025-09-30", "20251020")).toThrow(RangeError);
  });
});
