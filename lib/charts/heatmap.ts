import type { HeatmapSeriesOption } from "echarts/charts";
import type { GridComponentOption, TooltipComponentOption, VisualMapComponentOption } from "echarts/components";
import type { ComposeOption } from "echarts/core";
import { CHART_COLORS, FONT_FAMILY } from "./palette";
import { escapeHtml, formatScore, NO_DATA } from "./format";

export type HeatmapOption = ComposeOption<HeatmapSeriesOption | GridComponentOption | TooltipComponentOption | VisualMapComponentOption>;

export interface HeatmapCell {
  unit: string;
  indicator: string;
  score: number | null;
  /** The indicator value already formatted with its unit, e.g. "97.3%". */
  label: string;
}

export interface HeatmapInput {
  units: string[];
  indicators: { code: string; name: string }[];
  cells: HeatmapCell[];
  animation?: boolean;
}

/** visualMap pieces can only match numbers, so a missing score is drawn as this value. */
export const NO_SCORE = -1;

export const SCORE_PIECES = [
  { value: NO_SCORE, label: NO_DATA, color: CHART_COLORS.noData },
  { gte: 0, lt: 60, label: "低于60分", color: CHART_COLORS.red },
  { gte: 60, lt: 100, label: "60–100分", color: CHART_COLORS.amber },
  { gte: 100, label: "100分（达标）", color: CHART_COLORS.green },
];

export function heatmapTooltip(cell: HeatmapCell, indicatorName: string): string {
  return [escapeHtml(cell.unit), `${escapeHtml(indicatorName)}：${escapeHtml(cell.label)}`, `得分：${formatScore(cell.score)}`].join("<br/>");
}

/** Districts down the side (first at the top), indicators across, each cell coloured by its score. */
export function heatmapOption(input: HeatmapInput): HeatmapOption {
  const { units, indicators } = input;
  const unitIndex = new Map(units.map((u, i) => [u, i]));
  const indicatorIndex = new Map(indicators.map((ind, i) => [ind.code, i]));
  const cells = input.cells.filter((c) => unitIndex.has(c.unit) && indicatorIndex.has(c.indicator));
  return {
    animation: input.animation ?? true,
    textStyle: { fontFamily: FONT_FAMILY },
    grid: { left: 8, right: 8, top: 8, bottom: 48, containLabel: true },
    tooltip: {
      trigger: "item",
      formatter: (p: unknown) => {
        const cell = cells[(p as { dataIndex: number }).dataIndex];
        const name = indicators[indicatorIndex.get(cell?.indicator ?? "") ?? -1]?.name ?? "";
        return cell ? heatmapTooltip(cell, name) : "";
      },
    },
    xAxis: {
      type: "category",
      data: indicators.map((ind) => ind.name),
      splitArea: { show: false },
      axisLabel: { interval: 0, rotate: 30, color: CHART_COLORS.text, width: 120, overflow: "truncate" },
    },
    yAxis: { type: "category", inverse: true, data: units, axisLabel: { color: CHART_COLORS.text } },
    visualMap: {
      type: "piecewise",
      dimension: 2,
      orient: "horizontal",
      left: "center",
      bottom: 0,
      pieces: SCORE_PIECES,
      textStyle: { color: CHART_COLORS.text },
    },
    series: [{
      type: "heatmap",
      itemStyle: { borderColor: "#ffffff", borderWidth: 2 },
      label: { show: true, color: "#ffffff", fontSize: 11, formatter: (p: unknown) => cells[(p as { dataIndex: number }).dataIndex]?.label ?? "" },
      data: cells.map((c) => ({
        value: [indicatorIndex.get(c.indicator) ?? 0, unitIndex.get(c.unit) ?? 0, c.score ?? NO_SCORE],
        ...(c.score === null ? { label: { color: CHART_COLORS.text } } : {}),
      })),
    }],
  };
}
