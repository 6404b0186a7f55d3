import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const SCRIPT = fileURLToPath(new URL("./calendar.ts", import.meta.url));
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "calendar-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The CLI reads the office's entered notices from the store: give it an empty store of its own.
const STORE = `file:${join(mkdtempSync(join(tmpdir(), "credit-cal-")), "cal.db")}`;

function run(args: string[], tz = "Asia/Shanghai") {
  const r = spawnSync("npx", ["--no-install", "tsx", SCRIPT, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, TZ: tz, DATABASE_URL: STORE },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, last: r.stdout.trimEnd().split("\n").at(-1) };
}

function tempFile(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content, "utf8");
  return path;
}

describe("scripts/calendar.ts", { timeout: 60_000 }, () => {
  it("workday prints 工作日 for a 调休 Saturday and 休息日 with the break's holidays", () => {
    expect(run(["workday", "2025-10-11"])).toMatchObject({ status: 0, stdout: "2025-10-11 工作日\n" });
    expect(run(["workday", "2025-10-01"])).toMatchObject({ status: 0, stdout: "2025-10-01 休息日（国庆节、中秋节）\n" });
    expect(run(["workday", "2025-10-12"])).toMatchObject({ status: 0, stdout: "2025-10-12 休息日\n" });
  });

  it("deadline explains the count and ends with the date alone", () => {
    const r = run(["deadline", "2025-09-25"]);
    expect(r.status).toBe(0);
    expect(r.last).toBe("2025-10-11");
    expect(r.stdout).toContain("第2个工作日：2025-09-28（星期日，调休上班：国庆节）");
    expect(r.stdout).toContain("休息日：2025-10-01（星期三）至2025-10-08（星期三）（国庆节、中秋节）");
    expect(r.stdout).toContain("第7个工作日：2025-10-11（星期六，调休上班：国庆节）");
  });

  it("deadline gives the same answers in any time zone", () => {
    for (const tz of ["America/New_York", "Asia/Shanghai"]) {
      expect(run(["deadline", "2025-09-30"], tz).last, tz).toBe("2025-10-16");
      expect(run(["deadline", "2026-02-12"], tz).last, tz).toBe("2026-02-28");
      expect(run(["deadline", "2025-12-26"], tz).last, tz).toBe("2026-01-07");
    }
  });

  it("exits 2 with the Chinese reason for a year without a notice", () => {
    const r = run(["deadline", "2026-12-28"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("2027年的节假日安排尚未录入：请在系统中录入国务院办公厅2027年节假日通知后再计算");
    expect(run(["workday", "2027-03-01"]).status).toBe(2);
  });

  it("uses the office's entries from --overrides", () => {
    const file = tempFile(
      "overrides.json",
      JSON.stringify({ enteredYears: [2027], overrides: [{ date: "2027-01-01", kind: "holiday", note: "元旦" }] }),
    );
    expect(run(["--overrides", file, "deadline", "2026-12-28"])).toMatchObject({ status: 0, last: "2027-01-07" });
    expect(run(["workday", "2027-01-01", "--overrides", file]).stdout).toBe("2027-01-01 休息日（元旦）\n");
    expect(run(["--overrides", file, "years"]).stdout).toContain("2025、2026、2027\n");
  });

  it("enter stores a year's notice in the store, after which that year is answered", () => {
    const notice = tempFile("notice-2027.json", JSON.stringify({
      year: 2027, notice: "测试通知", overrides: [{ date: "2027-01-01", kind: "holiday", note: "元旦" }],
    }));
    const entered = run(["enter", notice]);
    expect(entered.status).toBe(0);
    expect(entered.stdout).toContain("已录入2027年节假日安排：1天");
    expect(run(["workday", "2027-01-01"]).stdout).toContain("2027-01-01 休息日（元旦）");
    expect(run(["workday", "2027-01-04"]).stdout).toContain("2027-01-04 工作日");
    const bad = run(["enter", tempFile("bad.json", JSON.stringify({ year: 2027, overrides: [{ date: "2027-13-01", kind: "holiday" }] }))]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("第1条：date（日期）应为有效的YYYY-MM-DD");
  });

  it("exits 2 with a Chinese message for malformed input", () => {
    const bad = run(["deadline", "2025-9-30"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("日期参数格式错误：2025-9-30");
    expect(run(["workday", "2025-02-29"]).stderr).toContain("日期参数格式错误：2025-02-29");
    expect(run(["workday"]).stderr).toContain("缺少日期参数");
    expect(run(["when", "2025-01-01"]).stderr).toContain("未知子命令：when");
    expect(run(["workday", "2025-01-01", "extra"]).status).toBe(2);
    expect(run(["--overrides", tempFile("bad.json", "{"), "years"]).stderr).toContain("不是有效的JSON");
    const badEntry = tempFile("entry.json", JSON.stringify({ enteredYears: [2027], overrides: [{ date: "2027-1-1", kind: "holiday" }] }));
    expect(run(["--overrides", badEntry, "years"])).toMatchObject({ status: 2 });
  });
});
