import { Resvg } from "@resvg/resvg-js";
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, MarkLineComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { LegacyGridContainLabel } from "echarts/features";
import { SVGRenderer } from "echarts/renderers";
import { rankingBarOption, type RankingRow } from "@/lib/charts";
import { trendLineOption, type TrendInput } from "@/lib/charts/trend-line";
import type { CircularFacts } from "./facts";

// The builders size grids with containLabel, which ECharts 6 moved into this feature.
echarts.use([BarChart, LineChart, GridComponent, MarkLineComponent, SVGRenderer, LegacyGridContainLabel]);

/** `drawn` names what was drawn (the option and size): ECharts numbers its SVG's ids afresh for every chart. */
export interface ChartPicture { svg: string; width: number; height: number; drawn: string }

/** Renders chart options on the server, as on screen but without animation or hover, to SVG. */
function picture(option: Record<string, unknown>, width: number, height: number): ChartPicture {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  // Paper has no hover: drop the tooltip rather than register its component.
  const { tooltip: _tooltip, legend: _legend, ...rest } = option;
  chart.setOption({ ...rest, animation: false });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return { svg, width, height, drawn: `${width}x${height}|${JSON.stringify(rest)}` };
}

// resvg lays out every label with the 20 MB CJK font, about 1.4 s for a ranking of a dozen districts, so a picture
// is drawn only for a Word file and kept: the same month's chart is the same SVG until its numbers change.
const PNG_KEPT = 8;
const pngs = new Map<string, Buffer>();

/** The PNG Word embeds, at twice the width so it stays sharp when Word scales it to the type area. */
export function chartPng({ svg, width, drawn }: Pick<ChartPicture, "svg" | "width" | "drawn">): Buffer {
  const key = drawn;
  const kept = pngs.get(key);
  if (kept) {
    pngs.delete(key);
    pngs.set(key, kept);
    return kept;
  }
  const png = new Resvg(svg, {
    fitTo: { mode: "width", value: width * 2 },
    font: { loadSystemFonts: true, defaultFontFamily: "Noto Sans CJK SC" },
    background: "white",
  }).render().asPng();
  pngs.set(key, png);
  if (pngs.size > PNG_KEPT) pngs.delete(pngs.keys().next().value!);
  return png;
}

/** The district ranking, as the 排名 page draws it. */
export function rankingChart(rows: RankingRow[], width = 600, height = Math.max(180, rows.length * 20 + 30)): ChartPicture {
  return picture(rankingBarOption(rows, { animation: false }) as Record<string, unknown>, width, height);
}

/** The city's composite trend, as the 总览 page draws it; a low picture gets about three axis labels, more would overlap. */
export function trendChart(input: Omit<TrendInput, "animation">, width = 600, height = 200): ChartPicture {
  const option = trendLineOption({ ...input, animation: false });
  const yAxis = height < 150 ? { ...(option.yAxis as object), splitNumber: 2 } : option.yAxis;
  return picture({ ...option, yAxis } as Record<string, unknown>, width, height);
}

/**
 * The circular's two pictures. The trend is meant for the body, so it is drawn low (about three lines of text) to
 * keep the body at about three pages; the ranking goes to 附件1 at its natural height.
 */
export function circularCharts(f: Pick<CircularFacts, "cityName" | "districts" | "trend">): { ranking: ChartPicture; trend: ChartPicture } {
  return {
    ranking: rankingChart(f.districts.map((d) => ({ name: d.name, score: d.score, rank: d.rank }))),
    trend: trendChart({ months: f.trend.map((t) => t.month), series: [{ name: f.cityName, values: f.trend.map((t) => t.score) }], unit: "score" }, 600, 100),
  };
}
