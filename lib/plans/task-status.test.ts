import { describe, expect, it } from "vitest";
import { monthsUntil, taskStatus } from "./task-status";

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
});
