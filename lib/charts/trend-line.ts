import type { LineSeriesOption } from "echarts/charts";
import type { GridComponentOption, LegendComponentOption, MarkLineComponentOption, TooltipComponentOption } from "echarts/components";
import type { ComposeOption } from "echarts/core";
import { CHART_COLORS, FONT_FAMILY, seriesColor } from "./palette";
import { escapeHtml, formatMonthShort, formatMonthZh, formatValue, unitSuffix, type ChartUnit } from "./format";

export type TrendLineOption = ComposeOption<
  LineSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption | MarkLineComponentOption
>;

export interface TrendInput {
  months: string[];
  series: { name: string; values: (number | null)[] }[];
  target?: number;
  unit: ChartUnit;
  /** Smaller is better at the top; defaults to true for ranks (第1名 at the top). */
  invertY?: boolean;
  animation?: boolean;
}

interface AxisParam { axisValue?: string | number; seriesName?: string; value?: unknown; marker?: unknown }

export function trendTooltip(params: AxisParam | AxisParam[], unit: ChartUnit): string {
  const list = Array.isArray(params) ? params : [params];
  const month = String(list[0]?.axisValue ?? "");
  const lines = list.map((p) => {
    const value = typeof p.value === "number" ? p.value : null;
    return `${typeof p.marker === "string" ? p.marker : ""}${escapeHtml(p.seriesName ?? "")}：${formatValue(value, unit)}`;
  });
  return [month ? formatMonthZh(month) : "", ...lines].join("<br/>");
}

/** Round the y range out to whole steps, taking in the target so its line is never off the chart. */
export function trendYBounds(values: number[], target: number | undefined, unit: ChartUnit): { min?: number; max?: number } {
  const all = target === undefined ? values : [...values, target];
  if (unit === "rank") return { min: 1 };
  if (all.length === 0) return unit === "count" ? { min: 0 } : {};
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const step = 10 ** Math.floor(Math.log10(hi - lo || Math.abs(hi) || 1));
  const round = (x: number) => Number(x.toFixed(10));
  let min = round(Math.floor(lo / step) * step);
  let max = round(Math.ceil(hi / step) * step);
  if (min === max) { min = round(min - step); max = round(max + step); }
  if (lo >= 0) min = Math.max(0, min);
  if ((unit === "percent" || unit === "score") && hi <= 100) max = Math.min(100, max);
  return { min, max };
}

export function trendLineOption(input: TrendInput): TrendLineOption {
  const { months, series, target, unit } = input;
  const inverse = input.invertY ?? unit === "rank";
  const numbers = series.flatMap((s) => s.values.filter((v): v is number => v !== null && Number.isFinite(v)));
  const suffix = unitSuffix(unit);
  return {
    animation: input.animation ?? true,
    textStyle: { fontFamily: FONT_FAMILY },
    color: series.map((_, i) => seriesColor(i)),
    grid: { left: 8, right: 24, top: series.length > 1 ? 36 : 16, bottom: 8, containLabel: true },
    legend: { show: series.length > 1, top: 0, textStyle: { color: CHART_COLORS.text } },
    tooltip: { trigger: "axis", formatter: (p: unknown) => trendTooltip(p as AxisParam | AxisParam[], unit) },
    xAxis: {
      type: "category",
      boundaryGap: false,
      data: months,
      axisLabel: { color: CHART_COLORS.muted, formatter: (m: string) => formatMonthShort(m) },
    },
    yAxis: {
      type: "value",
      inverse,
      minInterval: unit === "rank" || unit === "count" ? 1 : undefined,
      ...trendYBounds(numbers, target, unit),
      axisLabel: { color: CHART_COLORS.muted, formatter: (v: number) => (unit === "rank" ? `第${v}名` : `${v}${suffix}`) },
      splitLine: { lineStyle: { color: CHART_COLORS.gridLine } },
    },
    series: series.map((s, i) => ({
      type: "line",
      name: s.name,
      data: s.values.map((v) => (v === null || !Number.isFinite(v) ? null : v)),
      // A month without data is a gap, never a line drawn across it.
      connectNulls: false,
      symbolSize: 5,
      lineStyle: { width: i === 0 ? 2.5 : 1.5 },
      markLine: i === 0 && target !== undefined ? {
        silent: true,
        symbol: "none",
        lineStyle: { type: "dashed", color: CHART_COLORS.green, width: 1.5 },
        label: { position: "insideEndTop", color: CHART_COLORS.green, formatter: `目标值 ${formatValue(target, unit)}` },
        data: [{ name: "目标值", yAxis: target }],
      } : undefined,
    })),
  };
}
