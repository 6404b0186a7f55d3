import { describe, expect, it } from "vitest";
import { addDays, isIsoDate } from "@/lib/dates";
import { isBlank, isCalendarDate } from "./values";

describe("isCalendarDate", () => {
  it("agrees with isIsoDate on every day of sample years and on malformed strings", () => {
    const samples: string[] = [];
    for (const start of ["0099-12-01", "1899-12-01", "1900-01-01", "2000-01-01", "2023-01-01", "2024-01-01", "9999-11-01"]) {
      for (let d = -3; d < 400; d++) {
        const day = addDays(start, d);
        samples.push(day, day.replace(/-(\d\d)$/, (_, dd: string) => `-${String(Number(dd) + 1).padStart(2, "0")}`));
      }
    }
    samples.push(
      "2026-02-29", "2024-02-29", "2100-02-29", "2000-02-29", "2026-04-31", "2026-00-01", "2026-13-01",
      "2026-01-00", "0000-01-01", "0100-01-01", "2026-1-01", "2026/01/01", " 2026-01-01", "2026-01-01 ",
      "2026-01-01\n", "２０２６-01-01", "2026-0a-01", "+02026-01-01", "", "abcdefghij",
    );
    for (const s of samples) expect(isCalendarDate(s), s).toBe(isIsoDate(s));
  });
});

describe("isBlank", () => {
  it("treats absent, empty, whitespace, control and zero-width strings as blank", () => {
    for (const v of [null, undefined, "", " ", "\t\r\n", "\u3000", "\u00a0", "\u2003", "\u200b\u200d", "\ufeff", "\u0000"]) {
      expect(isBlank(v), JSON.stringify(v)).toBe(true);
    }
  });

  it("treats any visible character as content", () => {
    for (const v of ["a", " 无 ", "\u3000张三", "0", "-", "\u200b。"]) expect(isBlank(v), v).toBe(false);
  });
});
