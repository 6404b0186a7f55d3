import { describe, expect, it } from "vitest";
import { compositeScore } from "@/lib/indicators/scoring";
import { lostPoints } from "./lost-score";

describe("lostPoints", () => {
  it("splits the gap to 100 among the scored indicators by weight", () => {
    const items = [
      { code: "a", score: 100, weight: 10 },
      { code: "b", score: 50, weight: 30 },
      { code: "c", score: null, weight: 60 },
    ];
    const lost = lostPoints(items);
    expect(Object.fromEntries(lost)).toEqual({ a: 0, b: 37.5 });
    // What is lost plus the composite makes 100.
    expect(100 - [...lost.values()].reduce((s, x) => s + x, 0)).toBe(compositeScore(items));
  });
});
