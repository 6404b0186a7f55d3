import { describe, expect, it } from "vitest";
import { SAMPLE_SPECS } from "./test-fixtures";
import { heatmapOption, heatmapTooltip, NO_SCORE, type HeatmapInput } from "./heatmap";
import { CHART_COLORS } from "./palette";

// Options are deeply typed unions; the tests read into them freely.
type Loose = Record<string, any>;

const input = (SAMPLE_SPECS.heatmap as { input: HeatmapInput }).input;

describe("heatmapOption", () => {
  const option = heatmapOption(input) as Loose;
  const series = option.series[0];

  it("lays units down the side (first at top) and indicators across", () => {
    expect(option.yAxis).toMatchObject({ type: "category", inverse: true, data: ["城关区", "东湖区", "西山区"] });
    expect(option.xAxis.data).toEqual(["双公示数据合规率", "重错码率"]);
  });

  it("places each cell at [indicator, unit, score], a missing score as the no-data value", () => {
    expect(series.data.map((d: Loose) => d.value)).toEqual([
      [0, 0, 100], [1, 0, 100], [0, 1, 72.5], [1, 1, NO_SCORE], [0, 2, 40], [1, 2, 100],
    ]);
  });

  it("drops cells for units or indicators not on the axes", () => {
    const extra = { ...input, cells: [...input.cells, { unit: "外市", indicator: "a", score: 1, label: "x" }] };
    expect((heatmapOption(extra) as Loose).series[0].data).toHaveLength(input.cells.length);
  });

  it.each<[number, string]>([
    [NO_SCORE, CHART_COLORS.noData],
    [0, CHART_COLORS.red],
    [59.99, CHART_COLORS.red],
    [60, CHART_COLORS.amber],
    [99.99, CHART_COLORS.amber],
    [100, CHART_COLORS.green],
  ])("visualMap paints score %s in %s", (score, color) => {
    const piece = option.visualMap.pieces.find((p: Loose) =>
      p.value !== undefined ? p.value === score : score >= p.gte && (p.lt === undefined || score < p.lt));
    expect(piece?.color).toBe(color);
  });

  it("labels cells with the formatted value and explains them in the tooltip", () => {
    expect(option.visualMap).toMatchObject({ type: "piecewise", dimension: 2 });
    expect(series.label.formatter({ dataIndex: 2 })).toBe("97.2%");
    expect(option.tooltip.formatter({ dataIndex: 2 })).toBe("东湖区<br/>双公示数据合规率：97.2%<br/>得分：72.5分");
    expect(option.tooltip.formatter({ dataIndex: 3 })).toBe("东湖区<br/>重错码率：无数据<br/>得分：无数据");
  });

  it.each([[undefined, true], [false, false]])("animation %s", (animation, expected) => {
    expect(heatmapOption({ ...input, animation }).animation).toBe(expected);
  });

  it("escapes names in the tooltip", () => {
    expect(heatmapTooltip({ unit: "<i>", indicator: "a", score: 1, label: "1" }, "a&b")).toBe("&lt;i&gt;<br/>a&amp;b：1<br/>得分：1.0分");
  });
});
