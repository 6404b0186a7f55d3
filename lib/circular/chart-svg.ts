import { BarChart } from "echarts/charts";
import { GridComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { LegacyGridContainLabel } from "echarts/features";
import { SVGRenderer } from "echarts/renderers";
import { rankingBarOption, type RankingRow } from "@/lib/charts";

// The builders size grids with containLabel, which ECharts 6 moved into this feature.
echarts.use([BarChart, GridComponent, SVGRenderer, LegacyGridContainLabel]);

/** The district ranking as an SVG string, drawn on the server for the circular (no animation on paper). */
export function rankingChartSvg(rows: RankingRow[], width = 600, height = Math.max(240, rows.length * 26 + 40)) {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  // Paper has no hover: drop the tooltip rather than register its component.
  const { tooltip: _tooltip, ...option } = rankingBarOption(rows, { animation: false });
  chart.setOption(option);
  const svg = chart.renderToSVGString();
  chart.dispose();
  return { svg, width, height };
}
