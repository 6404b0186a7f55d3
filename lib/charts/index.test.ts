import { describe, expect, it } from "vitest";
import { SAMPLE_SPECS } from "./test-fixtures";
import { buildChartOption } from "./index";

// Options are deeply typed unions; the tests read into them freely.
type Loose = Record<string, any>;

describe("buildChartOption", () => {
  it.each([
    ["ranking", "bar"],
    ["trend", "line"],
    ["sparkline", "line"],
    ["heatmap", "heatmap"],
    ["map", "map"],
  ] as const)("builds a %s spec as a %s series, animation switchable", (kind, type) => {
    const on = buildChartOption(SAMPLE_SPECS[kind]) as Loose;
    const off = buildChartOption(SAMPLE_SPECS[kind], false) as Loose;
    expect(on.series[0].type).toBe(type);
    expect(on.animation).toBe(true);
    expect(off.animation).toBe(false);
  });

  it("specs are plain data that survive the trip to the client", () => {
    for (const spec of Object.values(SAMPLE_SPECS)) expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  });
});
