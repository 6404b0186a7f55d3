import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// The queue is module state: a fresh module per test.
async function freshQueue() {
  vi.resetModules();
  return import("./draw-queue");
}

describe("queueChartDraw", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("starts one chart per task, each after the previous one has drawn", async () => {
    const { queueChartDraw } = await freshQueue();
    const started: string[] = [];
    const turns = ["a", "b", "c"].map((name) => queueChartDraw(() => started.push(name)));
    expect(started).toEqual([]); // never inside the caller's task
    vi.advanceTimersByTime(1);
    expect(started).toEqual(["a"]);
    vi.advanceTimersByTime(500);
    expect(started).toEqual(["a"]); // b waits for a
    turns[0]!.done();
    expect(started).toEqual(["a"]);
    vi.advanceTimersByTime(1);
    expect(started).toEqual(["a", "b"]);
  });

  it("skips charts that went away and frees the turn of one that never reports", async () => {
    const { queueChartDraw, TURN_TIMEOUT_MS } = await freshQueue();
    const started: string[] = [];
    queueChartDraw(() => started.push("stuck"));
    const gone = queueChartDraw(() => started.push("gone"));
    queueChartDraw(() => started.push("last"));
    gone.done(); // unmounted while waiting
    vi.advanceTimersByTime(1);
    expect(started).toEqual(["stuck"]);
    vi.advanceTimersByTime(TURN_TIMEOUT_MS);
    vi.advanceTimersByTime(1);
    expect(started).toEqual(["stuck", "last"]);
  });
});
