import { describe, expect, it } from "vitest";
import { RANKING_ROWS } from "./test-fixtures";
import { CHART_COLORS } from "./palette";
import { rankingBarOption, rankingTooltip, sortRanking, type RankingRow } from "./ranking-bar";

// Options are deeply typed unions; the tests read into them freely.
type Loose = Record<string, any>;

describe("sortRanking", () => {
  it.each<[string, RankingRow[], string[]]>([
    ["by rank", [{ name: "乙", score: 80, rank: 2 }, { name: "甲", score: 90, rank: 1 }], ["甲", "乙"]],
    ["ties keep score order", [{ name: "乙", score: 80, rank: 1 }, { name: "甲", score: 80.5, rank: 1 }], ["甲", "乙"]],
    ["unranked by score, after ranked", [{ name: "丙", score: 70, rank: null }, { name: "丁", score: 75, rank: null }, { name: "甲", score: 60, rank: 1 }], ["甲", "丁", "丙"]],
    ["no score last", [{ name: "无", score: null, rank: null }, { name: "甲", score: 10, rank: 1 }], ["甲", "无"]],
  ])("%s", (_, rows, names) => {
    expect(sortRanking(rows).map((r) => r.name)).toEqual(names);
  });
});

describe("rankingBarOption", () => {
  const option = rankingBarOption(RANKING_ROWS) as Loose;
  const series = option.series[0];

  it("puts the best unit at the top of a horizontal category axis", () => {
    expect(option.yAxis).toMatchObject({ type: "category", inverse: true });
    expect(option.yAxis.data.slice(0, 3)).toEqual(["城关区", "东湖区", "西山区"]);
    expect(option.yAxis.data.at(-1)).toBe("南江区");
    expect(option.xAxis).toMatchObject({ type: "value", min: 0, max: 100 });
    expect(series.itemStyle.color).toBe(CHART_COLORS.primary);
  });

  it("keeps data in axis order and shows a missing score as a labelled gap", () => {
    expect(series.data.slice(0, 3).map((d: Loose) => d.value)).toEqual([95, 91.3, 87.6]);
    expect(series.data.at(-1)).toMatchObject({ value: 0, name: "南江区", label: { formatter: "无数据" } });
  });

  it.each([
    [{ value: 86.24 }, "86.2分"],
    [{ value: 100 }, "100.0分"],
  ])("labels %o as %s", (params, text) => {
    expect(series.label.formatter(params)).toBe(text);
  });

  it.each([
    [0, "城关区：综合得分 95.0分，第1名"],
    [9, "南江区：无数据"],
  ])("tooltip for row %i", (dataIndex, text) => {
    expect(option.tooltip.formatter({ dataIndex })).toBe(text);
  });

  it.each([[undefined, true], [true, true], [false, false]])("animation %s → %s", (animation, expected) => {
    expect(rankingBarOption([], { animation }).animation).toBe(expected);
  });

  it("tooltips leave out a missing rank", () => {
    expect(rankingTooltip({ name: "甲", score: 70, rank: null })).toBe("甲：综合得分 70.0分");
  });
});
