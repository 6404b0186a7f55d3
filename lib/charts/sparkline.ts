import type { LineSeriesOption } from "echarts/charts";
import type { GridComponentOption } from "echarts/components";
import type { ComposeOption } from "echarts/core";
import { CHART_COLORS } from "./palette";

export type SparklineOption = ComposeOption<LineSeriesOption | GridComponentOption>;

/** A tiny trend for indicator cards: no axes, no tooltip, gaps where a month has no data. */
export function sparklineOption(values: readonly (number | null)[], opts: { color?: string; animation?: boolean } = {}): SparklineOption {
  const color = opts.color ?? CHART_COLORS.primary;
  return {
    animation: opts.animation ?? true,
    grid: { left: 2, right: 2, top: 2, bottom: 2 },
    xAxis: { type: "category", show: false, boundaryGap: false, data: values.map((_, i) => String(i)) },
    yAxis: { type: "value", show: false, scale: true },
    series: [{
      type: "line",
      data: values.map((v) => (v === null || !Number.isFinite(v) ? null : v)),
      connectNulls: false,
      silent: true,
      showSymbol: false,
      lineStyle: { width: 1.5, color },
      areaStyle: { color, opacity: 0.08 },
    }],
  };
}
