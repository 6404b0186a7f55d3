import { BarChart, HeatmapChart, LineChart, MapChart } from "echarts/charts";
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, VisualMapComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { describe, expect, it } from "vitest";
import { demoCityGeoJson } from "@/lib/demo/geo";
import { SAMPLE_SPECS } from "./test-fixtures";
import { buildChartOption, CHART_COLORS } from "./index";

// The same parts the client wrapper registers, with SVG instead of canvas: an option that needs an
// unregistered component, or that ECharts rejects, fails here rather than in the browser.
echarts.use([BarChart, LineChart, HeatmapChart, MapChart, GridComponent, TooltipComponent, VisualMapComponent,
  MarkLineComponent, LegendComponent, SVGRenderer]);
echarts.registerMap("demo-city", demoCityGeoJson() as never);

function renderSvg(kind: keyof typeof SAMPLE_SPECS, width = 640, height = 360): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  chart.setOption(buildChartOption(SAMPLE_SPECS[kind], false));
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

const hex = (c: string) => c.toLowerCase();

describe("every chart renders server-side with the registered parts", () => {
  it.each([
    ["ranking", ["城关区", "95.0分", "无数据"]],
    ["trend", ["目标值 100.0%", "25年11月", "26年4月", "城关区", "全市"]],
    ["sparkline", ["<path"]],
    ["heatmap", ["双公示数据合规率", "97.2%", "无数据", hex(CHART_COLORS.red), hex(CHART_COLORS.green)]],
    // 示范高新区 scores 52: below the scale, still painted red, not out of range.
    ["map", ["城关区", "示范经开区", "100分", "rgb(21,128,61)", "rgb(185,28,28)", hex(CHART_COLORS.noData)]],
  ] as const)("%s", (kind, expected) => {
    const svg = renderSvg(kind).toLowerCase();
    expect(svg.startsWith("<svg")).toBe(true);
    for (const text of expected) expect(svg).toContain(text.toLowerCase());
  });
});
