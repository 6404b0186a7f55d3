import { describe, expect, it } from "vitest";
import {
  addDays, addMonths, dayNumber, fromDayNumber, formatMonthZh, isIsoDate, isIsoMonth,
  lastDayOfMonth, lastFullMonth, monthRange, todayInChina,
} from "./index";

describe("dates", () => {
  it("round-trips day numbers across leap days", () => {
    expect(fromDayNumber(dayNumber("2024-02-29"))).toBe("2024-02-29");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2025-02-28", 1)).toBe("2025-03-01");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
  });

  it("steps months across year ends", () => {
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    expect(addMonths("2025-12", 1)).toBe("2026-01");
    expect(addMonths("2026-10", -23)).toBe("2024-11");
    expect(monthRange("2025-11", "2026-02")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
  });

  it("knows each month's last day", () => {
    expect(lastDayOfMonth("2024-02")).toBe("2024-02-29");
    expect(lastDayOfMonth("2026-02")).toBe("2026-02-28");
    expect(lastDayOfMonth("2026-12")).toBe("2026-12-31");
  });

  it("reads today in China's time zone, not the server's", () => {
    // 2026-10-31 17:00 UTC is already 1 November in Beijing.
    const now = new Date(Date.UTC(2026, 9, 31, 17, 0));
    expect(todayInChina(now)).toBe("2026-11-01");
    expect(lastFullMonth(now)).toBe("2026-10");
    expect(lastFullMonth(new Date(Date.UTC(2026, 9, 31, 15, 0)))).toBe("2026-09");
  });

  it("validates and formats", () => {
    expect(isIsoDate("2026-02-30")).toBe(false);
    expect(isIsoDate("2026-02-28")).toBe(true);
    expect(isIsoMonth("2026-13")).toBe(false);
    expect(formatMonthZh("2026-03")).toBe("2026年3月");
  });
});
