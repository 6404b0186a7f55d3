import { describe, expect, it } from "vitest";
import { SAMPLE_SPECS } from "./test-fixtures";
import { CHART_COLORS } from "./palette";
import { trendLineOption, trendTooltip, trendYBounds, type TrendInput } from "./trend-line";

// Options are deeply typed unions; the tests read into them freely.
type Loose = Record<string, any>;

const input = (SAMPLE_SPECS.trend as { input: TrendInput }).input;

describe("trendLineOption", () => {
  const option = trendLineOption(input) as Loose;

  it("keeps months and values in order, with gaps for missing months", () => {
    expect(option.xAxis.data).toEqual(input.months);
    expect(option.series.map((s: Loose) => s.name)).toEqual(["城关区", "全市"]);
    expect(option.series[0].data).toEqual([97.1, 98.4, null, 99.2, 99.6, 100]);
    for (const s of option.series) expect(s.connectNulls).toBe(false);
    expect(option.color[0]).toBe(CHART_COLORS.primary);
    expect(option.legend.show).toBe(true);
  });

  it.each([["2025-11", "25年11月"], ["2026-04", "26年4月"]])("labels axis month %s as %s", (month, label) => {
    expect(option.xAxis.axisLabel.formatter(month)).toBe(label);
  });

  it("draws the target as a dashed 目标值 line on the first series only", () => {
    const markLine = option.series[0].markLine;
    expect(markLine.data).toEqual([{ name: "目标值", yAxis: 100 }]);
    expect(markLine.lineStyle.type).toBe("dashed");
    expect(markLine.label.formatter).toBe("目标值 100.0%");
    expect(option.series[1].markLine).toBeUndefined();
    expect(trendLineOption({ ...input, target: undefined }).series).toSatisfy((s: Loose[]) => s.every((x) => !x.markLine));
  });

  it.each<[TrendInput["unit"], number | null, string]>([
    ["percent", 97.26, "97.3%"],
    ["per_ten_thousand", 1.254, "1.25‱"],
    ["count", 3, "3"],
    ["score", 86.24, "86.2分"],
    ["rank", 2, "第2名"],
    ["percent", null, "无数据"],
  ])("tooltip in %s shows %s as %s", (unit, value, text) => {
    const html = trendTooltip([{ axisValue: "2026-10", seriesName: "城关区", value, marker: "" }], unit);
    expect(html).toBe(`2026年10月<br/>城关区：${text}`);
  });

  it("wires the tooltip to the unit", () => {
    expect(option.tooltip.trigger).toBe("axis");
    expect(option.tooltip.formatter({ axisValue: "2026-01", seriesName: "全市", value: 97 })).toBe("2026年1月<br/>全市：97.0%");
  });

  it.each<[Partial<TrendInput>, boolean, number | undefined]>([
    [{ unit: "rank" }, true, 1],
    [{ unit: "rank", invertY: false }, false, 1],
    [{ unit: "percent" }, false, 96],
  ])("y axis for %o: inverse %s, min %s", (patch, inverse, min) => {
    const y = (trendLineOption({ ...input, ...patch }) as Loose).yAxis;
    expect(y.inverse).toBe(inverse);
    expect(y.min).toBe(min);
  });

  it.each([[true, true], [false, false]])("animation %s", (animation, expected) => {
    expect(trendLineOption({ ...input, animation }).animation).toBe(expected);
  });
});

describe("trendYBounds", () => {
  it.each<[number[], number | undefined, TrendInput["unit"], { min?: number; max?: number }]>([
    [[97.1, 99.5], 100, "percent", { min: 97, max: 100 }],
    [[92, 94], 100, "percent", { min: 92, max: 100 }],
    [[0.5, 1.3], 1, "per_ten_thousand", { min: 0.5, max: 1.3 }],
    [[0, 12], 0, "count", { min: 0, max: 20 }],
    [[100, 100], 100, "score", { min: 0, max: 100 }],
    [[3, 8], undefined, "rank", { min: 1 }],
    [[], undefined, "percent", {}],
  ])("%o target %s (%s) → %o", (values, target, unit, bounds) => {
    expect(trendYBounds(values, target, unit)).toEqual(bounds);
  });
});
