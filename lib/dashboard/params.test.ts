import { describe, expect, it } from "vitest";
import { parseViewParams, viewHref } from "./params";

const months = ["2026-08", "2026-09", "2026-10"];

describe("parseViewParams", () => {
  it("takes a computed month and a level from the URL", () => {
    expect(parseViewParams({ month: "2026-09", level: "town" }, months)).toEqual({ month: "2026-09", level: "town" });
  });

  it("falls back to the latest month and 区县 for missing, malformed or unknown values", () => {
    expect(parseViewParams({}, months)).toEqual({ month: "2026-10", level: "district" });
    expect(parseViewParams({ month: "2026-13", level: "<script>" }, months)).toEqual({ month: "2026-10", level: "district" });
    expect(parseViewParams({ month: "2020-01" }, months).month).toBe("2026-10");
    expect(parseViewParams({ month: ["2026-08", "2026-09"] }, months).month).toBe("2026-08");
  });

  it("builds links that keep the view", () => {
    expect(viewHref("/rankings", { month: "2026-09", level: "town" })).toBe("/rankings?month=2026-09&level=town");
    expect(viewHref("/rankings", { month: "2026-09", level: "district" })).toBe("/rankings?month=2026-09");
  });
});
