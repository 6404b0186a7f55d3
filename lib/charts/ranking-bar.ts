import type { BarSeriesOption } from "echarts/charts";
import type { GridComponentOption, TooltipComponentOption } from "echarts/components";
import type { ComposeOption } from "echarts/core";
import { CHART_COLORS, FONT_FAMILY } from "./palette";
import { escapeHtml, formatScore, NO_DATA } from "./format";

export type RankingBarOption = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>;

export interface RankingRow {
  name: string;
  score: number | null;
  rank: number | null;
}

/** Best first: by rank, then by score; units without a rank or score go last, in the given order. */
export function sortRanking(rows: readonly RankingRow[]): RankingRow[] {
  const key = (r: RankingRow) => r.rank ?? (r.score === null ? Infinity : 1e6 - r.score);
  return rows.map((row, i) => ({ row, i }))
    .sort((a, b) => key(a.row) - key(b.row) || (b.row.score ?? -1) - (a.row.score ?? -1) || a.i - b.i)
    .map(({ row }) => row);
}

export function rankingTooltip(row: RankingRow): string {
  if (row.score === null) return `${escapeHtml(row.name)}：${NO_DATA}`;
  const rank = row.rank === null ? "" : `，第${row.rank}名`;
  return `${escapeHtml(row.name)}：综合得分 ${formatScore(row.score)}${rank}`;
}

/** Horizontal bars, best at the top; a unit without a score keeps its row with the label 无数据. */
export function rankingBarOption(rows: readonly RankingRow[], opts: { animation?: boolean } = {}): RankingBarOption {
  const sorted = sortRanking(rows);
  return {
    animation: opts.animation ?? true,
    textStyle: { fontFamily: FONT_FAMILY },
    grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: "item",
      formatter: (p: unknown) => {
        const row = sorted[(p as { dataIndex: number }).dataIndex];
        return row ? rankingTooltip(row) : "";
      },
    },
    xAxis: { type: "value", min: 0, max: 100, axisLabel: { color: CHART_COLORS.muted }, splitLine: { lineStyle: { color: CHART_COLORS.gridLine } } },
    // `inverse` puts the first category at the top, so the best unit reads first.
    yAxis: { type: "category", inverse: true, data: sorted.map((r) => r.name), axisTick: { show: false }, axisLabel: { color: CHART_COLORS.text } },
    series: [{
      type: "bar",
      barMaxWidth: 22,
      itemStyle: { color: CHART_COLORS.primary },
      label: { show: true, position: "right", color: CHART_COLORS.text, formatter: (p: unknown) => formatScore((p as { value: number }).value) },
      data: sorted.map((r) => r.score === null
        // Zero-length bar: a missing bar alone would also drop its label, and 无数据 must show.
        ? { value: 0, name: r.name, label: { formatter: NO_DATA, color: CHART_COLORS.muted } }
        : { value: r.score, name: r.name }),
    }],
  };
}
