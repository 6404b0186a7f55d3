"use client";

import { HeatmapChart, MapChart } from "echarts/charts";
import { VisualMapComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { EChart, type EChartProps } from "./echart";

echarts.use([HeatmapChart, MapChart, VisualMapComponent]);

export default function HeavyEChart(props: EChartProps) {
  return <EChart {...props} />;
}
