import type { EChartsCoreOption } from "echarts/core";
import { districtMapOption, type DistrictMapInput } from "./district-map";
import { heatmapOption, type HeatmapInput } from "./heatmap";
import { rankingBarOption, type RankingRow } from "./ranking-bar";
import { sparklineOption } from "./sparkline";
import { trendLineOption, type TrendInput } from "./trend-line";

export * from "./format";
export * from "./palette";
export * from "./ranking-bar";
export * from "./trend-line";
export * from "./sparkline";
export * from "./heatmap";
export * from "./district-map";

/**
 * A chart described as plain data. Options carry formatter functions, which cannot cross from a
 * Server Component to the client wrapper; a spec can, and the wrapper builds the option in the browser.
 */
export type ChartSpec =
  | { kind: "ranking"; rows: RankingRow[] }
  | { kind: "trend"; input: Omit<TrendInput, "animation"> }
  | { kind: "sparkline"; values: (number | null)[]; color?: string }
  | { kind: "heatmap"; input: Omit<HeatmapInput, "animation"> }
  | { kind: "map"; input: Omit<DistrictMapInput, "animation"> };

export function buildChartOption(spec: ChartSpec, animation = true): EChartsCoreOption {
  switch (spec.kind) {
    case "ranking":
      return rankingBarOption(spec.rows, { animation });
    case "trend":
      return trendLineOption({ ...spec.input, animation });
    case "sparkline":
      return sparklineOption(spec.values, { color: spec.color, animation });
    case "heatmap":
      return heatmapOption({ ...spec.input, animation });
    case "map":
      return districtMapOption({ ...spec.input, animation });
  }
}
