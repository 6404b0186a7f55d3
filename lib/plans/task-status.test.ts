import { describe, expect, it } from "vitest";
import { allTargetsMet, meetsTarget, monthsUntil, planYearNotice, taskStatus } from "./task-status";

const base = { deadline: "2026-12-31", latestReports: [], responsibleCount: 2, projectedToMiss: false } as const;

describe("taskStatus", () => {
  it("walks from 未开始 to 推进中 to 已完成 as the departments report", () => {
    expect(taskStatus({ ...base }, "2026-11-24")).toBe("not_started");
    expect(taskStatus({ ...base, latestReports: ["in_progress"] }, "2026-11-24")).toBe("in_progress");
    expect(taskStatus({ ...base, latestReports: ["done"] }, "2026-11-24")).toBe("in_progress");
    expect(taskStatus({ ...base, latestReports: ["done", "done"] }, "2026-11-24")).toBe("done");
  });

  it("is 逾期 after the deadline unless done, and 预计无法按期达标 when the trend will not make it", () => {
    expect(taskStatus({ ...base, deadline: "2026-10-31", latestReports: ["in_progress"] }, "2026-11-24")).toBe("overdue");
    expect(taskStatus({ ...base, deadline: "2026-11-24" }, "2026-11-24")).toBe("not_started");
    expect(taskStatus({ ...base, deadline: "2026-10-31", latestReports: ["done", "done"] }, "2026-11-24")).toBe("done");
    expect(taskStatus({ ...base, projectedToMiss: true, latestReports: ["in_progress"] }, "2026-11-24")).toBe("off_track");
  });

  it("counts whole months to a deadline", () => {
    expect(monthsUntil("2026-10", "2026-12-31")).toBe(2);
    expect(monthsUntil("2026-10", "2026-06-30")).toBe(0);
  });
  it("is 已达标 when every target is met, never 逾期: task 26 of the 上街区 plan (2023-10-31, both targets met)", () => {
    // 入驻企业 > 30% and 实名认证 >= 15% of 存续企业, both met by the latest figures, three years after the date.
    const targets = [{ op: ">", value: 30, current: 31.2 }, { op: ">=", value: 15, current: 15 }];
    expect(allTargetsMet(targets)).toBe(true);
    const facts = { ...base, deadline: "2023-10-31", targetsMet: allTargetsMet(targets) };
    expect(taskStatus(facts, "2026-11-24")).toBe("met");
    expect(taskStatus({ ...facts, projectedToMiss: true }, "2026-11-24")).toBe("met");
    // One target short, or one no indicator measures: not met, and past the date it is 逾期.
    expect(allTargetsMet([targets[0]!, { op: ">=", value: 15, current: 14.9 }])).toBe(false);
    expect(allTargetsMet([targets[0]!, { op: ">=", value: 15, current: null }])).toBe(false);
    expect(allTargetsMet([])).toBe(false);
    expect(taskStatus({ ...facts, targetsMet: false }, "2026-11-24")).toBe("overdue");
    // Reported done by every department still reads 已完成.
    expect(taskStatus({ ...facts, latestReports: ["done", "done"] }, "2026-11-24")).toBe("done");
  });

  it("judges each comparison, float noise aside", () => {
    const cases: [string, number, number, boolean][] = [
      [">=", 100, 100, true], [">=", 100, 99.99, false], [">", 30, 30, false], [">", 30, 30.01, true],
      ["<", 1, 0.99, true], ["<", 1, 1, false], ["<=", 0.7, 0.7000000000001, true], ["=", 0, 0, true], ["=", 0, 1, false],
    ];
    for (const [op, value, current, met] of cases) expect(meetsTarget(op, value, current), `${current} ${op} ${value}`).toBe(met);
  });

  it("never makes a recurring or standing duty 逾期 by the year-end date it is given; a default or stated date lapses", () => {
    const lapsed = { ...base, deadline: "2026-10-31", latestReports: ["in_progress"] } as const;
    expect(taskStatus({ ...lapsed, deadlineKind: "recurring" }, "2026-11-24")).toBe("in_progress");
    expect(taskStatus({ ...lapsed, deadlineKind: "standing" }, "2026-11-24")).toBe("in_progress");
    expect(taskStatus({ ...lapsed, deadlineKind: "standing", latestReports: [] }, "2026-11-24")).toBe("not_started");
    expect(taskStatus({ ...lapsed, deadlineKind: "default" }, "2026-11-24")).toBe("overdue");
    expect(taskStatus({ ...lapsed, deadlineKind: "date" }, "2026-11-24")).toBe("overdue");
    // Still 预计无法按期达标 when the trend says so.
    expect(taskStatus({ ...lapsed, deadlineKind: "recurring", projectedToMiss: true }, "2026-11-24")).toBe("off_track");
  });

  it("says when the plan's year is not the year of the month on screen", () => {
    expect(planYearNotice("2024年工作要点", 2024, "2026-10")).toBe(
      "《2024年工作要点》为2024年工作要点，当前查看的是2026年10月：目标按2026年10月的数值判断，期限仍为2024年的期限。");
    expect(planYearNotice("2026年工作要点", 2026, "2026-10")).toBeNull();
    expect(planYearNotice("工作要点", null, "2026-10")).toBeNull();
    expect(planYearNotice("2026年工作要点", 2026, null)).toBeNull();
  });
});
