import type { MapSeriesOption } from "echarts/charts";
import type { TooltipComponentOption, VisualMapComponentOption } from "echarts/components";
import type { ComposeOption } from "echarts/core";
import { CHART_COLORS, FONT_FAMILY } from "./palette";
import { escapeHtml, formatScore, NO_DATA } from "./format";

export type DistrictMapOption = ComposeOption<MapSeriesOption | TooltipComponentOption | VisualMapComponentOption>;

export interface MapArea {
  name: string;
  score: number | null;
  rank: number | null;
}

export interface DistrictMapInput {
  mapName: string;
  areas: MapArea[];
  animation?: boolean;
}

export const MAP_SCORE_MIN = 60;
export const MAP_SCORE_MAX = 100;

/** 城关区：综合得分 86.2分，第1名 */
export function mapTooltip(area: MapArea): string {
  if (area.score === null) return `${escapeHtml(area.name)}：${NO_DATA}`;
  const rank = area.rank === null ? "" : `，第${area.rank}名`;
  return `${escapeHtml(area.name)}：综合得分 ${formatScore(area.score)}${rank}`;
}

/** The map of the city's districts, each filled by its composite score on a red → amber → green scale. */
export function districtMapOption(input: DistrictMapInput): DistrictMapOption {
  const byName = new Map(input.areas.map((a) => [a.name, a]));
  return {
    animation: input.animation ?? true,
    textStyle: { fontFamily: FONT_FAMILY },
    tooltip: {
      trigger: "item",
      formatter: (p: unknown) => {
        const name = (p as { name: string }).name;
        return mapTooltip(byName.get(name) ?? { name, score: null, rank: null });
      },
    },
    visualMap: {
      type: "continuous",
      min: MAP_SCORE_MIN,
      max: MAP_SCORE_MAX,
      calculable: false,
      orient: "horizontal",
      left: 8,
      bottom: 8,
      text: [`${MAP_SCORE_MAX}分`, `${MAP_SCORE_MIN}分`],
      inRange: { color: [CHART_COLORS.red, CHART_COLORS.amber, CHART_COLORS.green] },
      textStyle: { color: CHART_COLORS.text },
    },
    series: [{
      type: "map",
      map: input.mapName,
      roam: false,
      top: 8,
      bottom: 48,
      selectedMode: false,
      itemStyle: { areaColor: CHART_COLORS.noData, borderColor: "#ffffff", borderWidth: 1 },
      label: { show: true, color: "#0f172a", fontSize: 11 },
      emphasis: { label: { color: "#0f172a" }, itemStyle: { areaColor: "#93c5fd" } },
      data: input.areas.map((a) => ({
        name: a.name,
        // "-" is ECharts' empty value: the area keeps the grey no-data fill instead of a colour.
        value: a.score === null ? ("-" as const) : a.score,
      })),
    }],
  };
}
