import { describe, expect, it } from "vitest";
import { districtMapOption, mapTooltip, type DistrictMapInput, type MapArea } from "./district-map";
import { SAMPLE_SPECS } from "./test-fixtures";
import { CHART_COLORS } from "./palette";

// Options are deeply typed unions; the tests read into them freely.
type Loose = Record<string, any>;

const input = (SAMPLE_SPECS.map as { input: DistrictMapInput }).input;

describe("districtMapOption", () => {
  const option = districtMapOption(input) as Loose;
  const series = option.series[0];

  it("draws the named map with every area's score, missing scores empty", () => {
    expect(series).toMatchObject({ type: "map", map: "demo-city", label: { show: true } });
    expect(series.data[0]).toEqual({ name: "城关区", value: 100 });
    expect(series.data[8]).toEqual({ name: "示范高新区", value: 52 });
    expect(series.data[9]).toEqual({ name: "示范经开区", value: "-" });
    expect(series.itemStyle.areaColor).toBe(CHART_COLORS.noData);
  });

  it("colours by a continuous 60–100 scale, red to green", () => {
    expect(option.visualMap).toMatchObject({ type: "continuous", min: 60, max: 100, text: ["100分", "60分"] });
    expect(option.visualMap.inRange.color).toEqual([CHART_COLORS.red, CHART_COLORS.amber, CHART_COLORS.green]);
  });

  it.each<[MapArea, string]>([
    [{ name: "城关区", score: 86.2, rank: 1 }, "城关区：综合得分 86.2分，第1名"],
    [{ name: "东湖区", score: 70, rank: null }, "东湖区：综合得分 70.0分"],
    [{ name: "西山区", score: null, rank: null }, "西山区：无数据"],
  ])("tooltip %o", (area, text) => {
    expect(mapTooltip(area)).toBe(text);
  });

  it.each([
    ["城关区", "城关区：综合得分 100.0分，第1名"],
    ["示范经开区", "示范经开区：无数据"],
    ["不在数据里", "不在数据里：无数据"],
  ])("tooltip for hovered area %s", (name, text) => {
    expect(option.tooltip.formatter({ name })).toBe(text);
  });

  it.each([[undefined, true], [false, false]])("animation %s", (animation, expected) => {
    expect(districtMapOption({ ...input, animation }).animation).toBe(expected);
  });
});
