import { describe, expect, it } from "vitest";
import { pacedPerRobot } from "./pacing";

describe("sends to one robot, paced", () => {
  it("starts sends to the same robot at least the interval apart, and does not hold up another robot", async () => {
    let now = 0;
    const clock = { now: () => now, sleep: async (ms: number) => { now += ms; } };
    const started: [string, number][] = [];
    const send = pacedPerRobot(async (robot: { url: string }, n: number) => { started.push([robot.url, now]); return n; }, 3_000, clock);
    const a = { url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=a" };
    const b = { url: "https://oapi.dingtalk.com/robot/send?access_token=b" };
    expect(await Promise.all([send(a, 1), send(a, 2), send(b, 3), send(a, 4)])).toEqual([1, 2, 3, 4]);
    const times = (url: string) => started.filter(([u]) => u === url).map(([, t]) => t);
    const gaps = times(a.url).slice(1).map((t, i) => t - times(a.url)[i]!);
    expect(gaps.every((g) => g >= 3_000)).toBe(true);
    expect(times(b.url)).toHaveLength(1);
  });

  it("goes on after a send that fails", async () => {
    const send = pacedPerRobot(async (_robot: { url: string }, fail: boolean) => { if (fail) throw new Error("down"); return "ok"; }, 0);
    const robot = { url: "https://example.invalid/hook" };
    await expect(send(robot, true)).rejects.toThrow("down");
    await expect(send(robot, false)).resolves.toBe("ok");
  });
});
