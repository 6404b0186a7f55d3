import { describe, expect, it } from "vitest";
import { defaultDir, sortRanking } from "./sort-ranking";

const catalogue = [{ code: "up", direction: "higher" as const }, { code: "down", direction: "lower" as const }];
const rows = [
  { name: "乙", score: 80, rank: 2, cells: { up: { value: 90, score: 50 }, down: { value: 3, score: 40 } } },
  { name: "甲", score: 90, rank: 1, cells: { up: { value: null, score: null }, down: { value: 1, score: 100 } } },
  { name: "丙", score: 70, rank: 3, cells: { up: { value: 95, score: 75 }, down: { value: 2, score: 70 } } },
];

describe("sortRanking", () => {
  it("orders by rank by default and by an indicator best first, no data last", () => {
    expect(sortRanking(rows, { column: "rank", dir: "asc" }, catalogue).map((r) => r.name)).toEqual(["甲", "乙", "丙"]);
    expect(sortRanking(rows, { column: "up", dir: defaultDir("up", catalogue) }, catalogue).map((r) => r.name)).toEqual(["丙", "乙", "甲"]);
    expect(sortRanking(rows, { column: "up", dir: "asc" }, catalogue).map((r) => r.name)).toEqual(["乙", "丙", "甲"]);
    expect(sortRanking(rows, { column: "down", dir: defaultDir("down", catalogue) }, catalogue).map((r) => r.name)).toEqual(["甲", "丙", "乙"]);
    expect(sortRanking(rows, { column: "score", dir: "asc" }, catalogue).map((r) => r.name)).toEqual(["丙", "乙", "甲"]);
  });
});
