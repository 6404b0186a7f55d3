import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { addDays } from "../dates";
import { createWorkCalendar, packageCoveredYears, packageNoticeData } from ".";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Runs TypeScript in a fresh process with the given time zone and returns what it printed as JSON. */
function runInZone(tz: string, code: string): unknown {
  const r = spawnSync("npx", ["--no-install", "tsx", "-e", code], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, TZ: tz },
  });
  if (r.status !== 0) throw new Error(`child failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout);
}

describe("the bundled notices (chinese-days)", () => {
  it("cover the years whose notice the package carries: 2004 to 2026 in 1.5.7", () => {
    // A package upgrade that brings a new notice changes this list: check the new year against the notice.
    expect(packageCoveredYears()).toEqual(Array.from({ length: 23 }, (_, k) => 2004 + k));
  });

  it("hold the 2026 notice as published in November 2025", () => {
    const calendar = createWorkCalendar();
    const off = (from: string, to: string) => {
      for (let d = from; d <= to; d = addDays(d, 1)) expect(calendar.isWorkday(d), d).toBe(false);
    };
    off("2026-01-01", "2026-01-03");
    off("2026-02-15", "2026-02-23");
    off("2026-04-04", "2026-04-06");
    off("2026-05-01", "2026-05-05");
    off("2026-06-19", "2026-06-21");
    off("2026-09-25", "2026-09-27");
    off("2026-10-01", "2026-10-07");
    for (const d of ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"]) {
      expect(calendar.isWorkday(d), d).toBe(true);
    }
    expect(calendar.describe("2026-02-20").names).toEqual(["春节"]);
  });

  it("name holidays as the notices do", () => {
    const names = new Set(packageNoticeData().holidays.values());
    expect([...names].filter((n) => n.length <= 3).sort()).toEqual(
      ["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"].sort(),
    );
  });
});

describe("time zone", { timeout: 60_000 }, () => {
  const probe = `
    import { createWorkCalendar, sgsReportingDeadline, sgsWorkingDaysLate } from "./lib/calendar";
    import { addDays, todayInChina } from "./lib/dates";
    const cal = createWorkCalendar();
    const days: string[] = [];
    const deadlines: string[] = [];
    for (let d = "2024-12-01"; d <= "2026-12-18"; d = addDays(d, 1)) {
      days.push(cal.isWorkday(d) ? "1" : "0");
      deadlines.push(sgsReportingDeadline(cal, d));
    }
    // 00:30 on 2025-10-11 in China, still the 10th in New York: the 调休 Saturday.
    const today = todayInChina(new Date("2025-10-10T16:30:00Z"));
    console.log(JSON.stringify({
      days: days.join(""), deadlines, today, todayWorkday: cal.isWorkday(today),
      late: sgsWorkingDaysLate(cal, "2025-09-30", "2025-10-20"),
    }));`;

  it("gives the same answers in New York and in Shanghai", () => {
    const newYork = runInZone("America/New_York", probe) as { today: string; todayWorkday: boolean };
    const shanghai = runInZone("Asia/Shanghai", probe);
    expect(newYork).toEqual(shanghai);
    expect(newYork.today).toBe("2025-10-11");
    expect(newYork.todayWorkday).toBe(true);
  });

  it("matches the package's own answers where the package is reliable (TZ=Asia/Shanghai), 2004–2026", () => {
    const mismatches = runInZone(
      "Asia/Shanghai",
      `
      import chineseDays from "chinese-days";
      import { createWorkCalendar } from "./lib/calendar";
      import { addDays } from "./lib/dates";
      const cal = createWorkCalendar();
      const out: string[] = [];
      for (let d = "2004-01-01"; d <= "2026-12-31"; d = addDays(d, 1)) {
        if (cal.isWorkday(d) !== chineseDays.isWorkday(d)) out.push(d);
      }
      console.log(JSON.stringify(out));`,
    );
    expect(mismatches).toEqual([]);
  });
});
