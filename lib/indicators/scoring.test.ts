import { describe, expect, it } from "vitest";
import { compositeScore, rankByScore, scoreIndicator } from "./scoring";
import { classifyWarnings, projectsToMissTarget, targetDirection } from "./warnings";

const higher = { direction: "higher" as const, target: 100, redLine: 95, zeroPoint: 80 };
const lower = { direction: "lower" as const, target: 1, redLine: 2, zeroPoint: 5 };
const count = { direction: "lower" as const, target: 0, redLine: 0, zeroPoint: 4 };

describe("scoreIndicator", () => {
  it("gives 100 at or past the target and falls linearly to 0 at the zero point", () => {
    expect(scoreIndicator(100, higher)).toBe(100);
    expect(scoreIndicator(90, higher)).toBe(50);
    expect(scoreIndicator(80, higher)).toBe(0);
    expect(scoreIndicator(60, higher)).toBe(0);
    expect(scoreIndicator(0.5, lower)).toBe(100);
    expect(scoreIndicator(3, lower)).toBe(50);
    expect(scoreIndicator(7, lower)).toBe(0);
  });

  it("takes a fixed step per case off a count whose target is zero", () => {
    expect([0, 1, 2, 3, 4, 9].map((n) => scoreIndicator(n, count))).toEqual([100, 75, 50, 25, 0, 0]);
  });

  it("gives no score without data", () => {
    expect(scoreIndicator(null, higher)).toBeNull();
  });
});

describe("compositeScore and rankByScore", () => {
  it("weights the scores that exist and leaves out indicators without data", () => {
    expect(compositeScore([{ score: 100, weight: 10 }, { score: 50, weight: 30 }, { score: null, weight: 60 }])).toBe(62.5);
    expect(compositeScore([{ score: null, weight: 10 }])).toBeNull();
  });

  it("lets tied scores share a rank and skips the next", () => {
    const rows = [{ n: "a", score: 90 }, { n: "b", score: 95 }, { n: "c", score: 90 }, { n: "d", score: 80 }, { n: "e", score: null }];
    const ranks = rankByScore(rows);
    expect(rows.map((r) => ranks.get(r) ?? null)).toEqual([2, 1, 2, 4, null]);
  });
});

describe("classifyWarnings", () => {
  it("is red past the red line, yellow short of the target, nothing when met", () => {
    expect(classifyWarnings([94], higher)).toEqual(["red"]);
    expect(classifyWarnings([97], higher)).toEqual(["yellow"]);
    expect(classifyWarnings([100], higher)).toEqual([]);
    expect(classifyWarnings([1], count)).toEqual(["red"]);
    expect(classifyWarnings([null], higher)).toEqual([]);
  });

  it("adds 连续恶化 after three deteriorations in a row, not two", () => {
    expect(classifyWarnings([100, 99, 98, 97], higher)).toEqual(["yellow", "worsening"]);
    expect(classifyWarnings([99, 99, 98, 97], higher)).toEqual(["yellow"]);
    expect(classifyWarnings([0.2, 0.3, 0.4, 0.5], lower)).toEqual(["worsening"]);
  });
});

describe("projectsToMissTarget", () => {
  it("projects the last six months' straight line to the deadline", () => {
    // +1 a month from 20: reaches 30 four months after 26.
    const rising = [15, 16, 21, 22, 23, 24, 25, 26];
    expect(projectsToMissTarget(rising, 30, "higher", 4)).toBe(false);
    expect(projectsToMissTarget(rising, 30, "higher", 3)).toBe(true);
    expect(projectsToMissTarget([1.5, 1.4, 1.3], 1, "lower", 2)).toBe(true);
    expect(projectsToMissTarget([1.5, 1.4, 1.3], 1, "lower", 3)).toBe(false);
    expect(projectsToMissTarget([null, 20], 30, "higher", 1)).toBe(false);
  });
});

describe("targetDirection", () => {
  it("reads ≥ and ≤ as written, and = from the indicator's good side", () => {
    expect(targetDirection(">=", "lower")).toBe("higher");
    expect(targetDirection("<", "higher")).toBe("lower");
    expect(targetDirection("=", "higher")).toBe("higher"); // 上报率为100%
    expect(targetDirection("=", "lower")).toBe("lower"); // 动态清零
  });
});
