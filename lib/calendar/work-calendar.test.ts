import { describe, expect, it } from "vitest";
import { addDays, dayNumber, fromDayNumber } from "../dates";
import { createWorkCalendar, UncoveredYearError, WorkCalendar, type CalendarOverride } from ".";

const calendar = createWorkCalendar();

function uncoveredYear(run: () => unknown): number | undefined {
  try {
    run();
  } catch (err) {
    if (err instanceof UncoveredYearError) return err.year;
    throw err;
  }
  return undefined;
}

describe("WorkCalendar from the bundled notices", () => {
  it("follows the 2025 National Day / Mid-Autumn notice, 调休 weekends included", () => {
    for (let d = "2025-10-01"; d <= "2025-10-08"; d = addDays(d, 1)) expect(calendar.isWorkday(d), d).toBe(false);
    expect(calendar.isWorkday("2025-09-28")).toBe(true); // Sunday, 调休
    expect(calendar.isWorkday("2025-10-11")).toBe(true); // Saturday, 调休
    expect(calendar.isWorkday("2025-10-12")).toBe(false); // plain Sunday
    expect(calendar.isWorkday("2025-01-26")).toBe(true); // Sunday, 春节调休
    expect(calendar.isWorkday("2025-02-08")).toBe(true); // Saturday, 春节调休
    expect(calendar.isWorkday("2025-10-09")).toBe(true);
  });

  it("names the whole break a rest day belongs to, and the holiday a 调休 day makes up for", () => {
    expect(calendar.describe("2025-10-01")).toEqual({ date: "2025-10-01", workday: false, names: ["国庆节", "中秋节"] });
    expect(calendar.describe("2025-10-11")).toEqual({ date: "2025-10-11", workday: true, names: ["国庆节"] });
    expect(calendar.describe("2025-10-12").names).toEqual([]);
    expect(calendar.describe("2025-06-02").names).toEqual(["端午节"]);
  });

  it("counts working days in (a, b] and adds them after the start day", () => {
    expect(calendar.workingDaysBetween("2025-09-30", "2025-10-08")).toBe(0);
    expect(calendar.workingDaysBetween("2025-09-30", "2025-10-11")).toBe(3);
    expect(calendar.workingDaysBetween("2025-10-11", "2025-09-30")).toBe(0);
    expect(calendar.workingDaysBetween("2025-10-11", "2025-10-11")).toBe(0);
    expect(calendar.addWorkingDays("2025-09-30", 1)).toBe("2025-10-09");
    expect(calendar.addWorkingDays("2025-10-04", 0)).toBe("2025-10-04");
    expect(calendar.addWorkingDaysToDay(dayNumber("2025-09-30"), 3)).toBe(dayNumber("2025-10-11"));
  });

  it("crosses a year boundary into a covered year", () => {
    expect(calendar.addWorkingDays("2025-12-31", 1)).toBe("2026-01-04"); // 元旦 1–3, Sunday the 4th 调休
    // 2025: 261 weekdays, 18 of them holidays, 5 调休 weekend days: the 248 working days the notice implies.
    expect(calendar.workingDaysBetween("2024-12-31", "2026-01-01")).toBe(248);
  });

  it("throws UncoveredYearError for a year without a notice instead of assuming Monday to Friday", () => {
    expect(uncoveredYear(() => calendar.isWorkday("2027-01-04"))).toBe(2027);
    expect(uncoveredYear(() => calendar.addWorkingDays("2026-12-29", 3))).toBe(2027);
    expect(uncoveredYear(() => calendar.workingDaysBetween("2026-12-01", "2027-01-05"))).toBe(2027);
    expect(uncoveredYear(() => calendar.isWorkday("2003-06-02"))).toBe(2003);
    expect(calendar.addWorkingDays("2026-12-28", 3)).toBe("2026-12-31");
    expect(calendar.isCovered("2026-12-31")).toBe(true);
    expect(calendar.isCovered("2027-01-01")).toBe(false);
    expect(() => calendar.isWorkday("2027-01-04")).toThrow(
      "2027年的节假日安排尚未录入：请在系统中录入国务院办公厅2027年节假日通知后再计算，系统不会按周一至周五推算。",
    );
  });

  it("rejects malformed dates and negative counts", () => {
    expect(() => calendar.isWorkday("2025-02-30")).toThrow(RangeError);
    expect(() => calendar.isWorkday("2025/10/11")).toThrow("日期格式错误：2025/10/11");
    expect(() => calendar.addWorkingDays("2025-10-11", -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays("2025-10-11", 1.5)).toThrow(RangeError);
  });
});

describe("WorkCalendar with the office's entries", () => {
  // Hypothetical 2027 entries for the test, not the real notice (not yet published when this was written).
  const entries: CalendarOverride[] = [
    { date: "2027-01-01", kind: "holiday", note: "元旦" },
    { date: "2027-02-05", kind: "holiday", note: "春节" },
    { date: "2027-02-08", kind: "holiday", note: "春节" },
    { date: "2027-02-20", kind: "workday", note: "春节" },
  ];
  const entered = createWorkCalendar(entries, [2027]);

  it("covers a year once its notice is entered", () => {
    expect(entered.coveredYears().at(-1)).toBe(2027);
    expect(entered.isWorkday("2027-01-01")).toBe(false);
    expect(entered.isWorkday("2027-01-04")).toBe(true);
    expect(entered.isWorkday("2027-02-20")).toBe(true);
    expect(entered.describe("2027-02-06").names).toEqual(["春节"]);
    expect(entered.addWorkingDays("2026-12-29", 3)).toBe("2027-01-04");
  });

  it("does not cover a year from overrides alone, and keeps the shared package calendar untouched", () => {
    const overridesOnly = createWorkCalendar(entries);
    expect(uncoveredYear(() => overridesOnly.isWorkday("2027-01-04"))).toBe(2027);
    expect(createWorkCalendar()).toBe(calendar);
    expect(calendar.isCovered("2027-01-04")).toBe(false);
  });

  it("lets an override change a covered year", () => {
    const local = createWorkCalendar([{ date: "2025-10-09", kind: "holiday", note: "本地调整" }]);
    expect(local.isWorkday("2025-10-09")).toBe(false);
    expect(local.addWorkingDays("2025-09-30", 1)).toBe("2025-10-10");
  });

  it("refuses to count across a gap between covered years", () => {
    const gap = createWorkCalendar([], [2028]);
    expect(gap.isWorkday("2028-03-01")).toBe(true);
    expect(uncoveredYear(() => gap.workingDaysBetween("2026-12-01", "2028-03-01"))).toBe(2027);
    expect(uncoveredYear(() => gap.addWorkingDays("2026-12-30", 5))).toBe(2027);
  });

  it("rejects malformed entries", () => {
    expect(() => createWorkCalendar([{ date: "2027-1-1", kind: "holiday" }], [2027])).toThrow(RangeError);
    expect(() => createWorkCalendar([], [2027.5])).toThrow("录入的通知年份无效");
  });

  it("works from any notice data, without the package", () => {
    const mini = new WorkCalendar({ years: [2030], holidays: new Map([["2030-01-01", "元旦"]]), workdays: new Map() });
    expect(mini.coveredYears()).toEqual([2030]);
    expect(mini.isWorkday("2030-01-01")).toBe(false);
    expect(mini.addWorkingDays("2030-01-01", 1)).toBe("2030-01-02");
    expect(uncoveredYear(() => mini.addWorkingDays("2029-12-31", 0))).toBe(2029);
  });
});

describe("addWorkingDays and workingDaysBetween agree with a day-by-day count", () => {
  let seed = 20251001;
  const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const first = dayNumber("2004-01-01");
  const span = dayNumber("2026-12-31") - first + 1;

  it("on 3,000 random dates and counts", () => {
    for (let t = 0; t < 3000; t++) {
      const a = fromDayNumber(first + Math.floor(random() * span));
      const n = Math.floor(random() * 40);
      let expected: string | number = a;
      for (let left = n; left > 0; ) {
        expected = addDays(expected, 1);
        if (expected > "2026-12-31") {
          expected = 2027;
          break;
        }
        if (calendar.isWorkday(expected)) left--;
      }
      if (expected === 2027) {
        expect(uncoveredYear(() => calendar.addWorkingDays(a, n))).toBe(2027);
        continue;
      }
      const b = calendar.addWorkingDays(a, n);
      expect(b).toBe(expected);
      expect(calendar.workingDaysBetween(a, b)).toBe(n);
      const later = fromDayNumber(Math.min(dayNumber(b) + Math.floor(random() * 5), first + span - 1));
      const k = calendar.workingDaysBetween(a, later);
      const back = calendar.addWorkingDays(a, k);
      expect(back <= later).toBe(true);
      expect(calendar.workingDaysBetween(back, later)).toBe(0);
    }
  });
});
