"use client";

import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { LegacyGridContainLabel } from "echarts/features";
import { CanvasRenderer } from "echarts/renderers";
import ReactEChartsCore from "echarts-for-react/lib/core";
import { useEffect, useEffectEvent, useMemo, useRef, useState } from "react";
import { buildChartOption, type ChartSpec } from "@/lib/charts";

// Only what the line and bar builders use: the full `echarts` bundle would add about 200 KB gzipped.
// Map and heat map (with visualMap) are registered by ./heavy-echart, which loads after the page.
echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, MarkLineComponent, LegendComponent,
  CanvasRenderer, LegacyGridContainLabel]);

export interface ChartGeo {
  name: string;
  geoJson: object;
}

type ChartSource =
  /** An option built in a Client Component (it may hold formatter functions). */
  | { option: echarts.EChartsCoreOption; spec?: never }
  /** Plain data a Server Component can pass; the option is built here, in the browser. */
  | { spec: ChartSpec; option?: never };

export type EChartProps = ChartSource & {
  /** Pixels; the box is reserved before the chart draws, so nothing below it moves. */
  height: number;
  /** What the chart shows, in Chinese, for screen readers. */
  ariaLabel: string;
  /** Registered with ECharts once per name, before the first render that needs it. */
  geo?: ChartGeo;
  /** Always draw without animation (print pages). Printing from any page also turns animation off. */
  printMode?: boolean;
  className?: string;
  /** Called once the chart has drawn for the first time (it ends the chart's turn, see draw-queue). */
  onDrawn?: () => void;
};

function ensureMap(geo: ChartGeo | undefined): void {
  if (geo && !echarts.getMap(geo.name)) echarts.registerMap(geo.name, geo.geoJson as Parameters<typeof echarts.registerMap>[1]);
}

/**
 * Whether the page is being printed: an animation running then leaves a half-drawn chart on paper.
 * `onChange` runs inside the print event, before the browser lays out the page for paper.
 */
function usePrinting(onChange: (printing: boolean) => void): boolean {
  const [printing, setPrinting] = useState(false);
  const notify = useEffectEvent(onChange);
  useEffect(() => {
    const media = window.matchMedia("print");
    const set = (on: boolean) => {
      setPrinting(on);
      notify(on);
    };
    const update = () => set(media.matches);
    const before = () => set(true);
    if (media.matches) set(true);
    media.addEventListener("change", update);
    window.addEventListener("beforeprint", before);
    window.addEventListener("afterprint", update);
    return () => {
      media.removeEventListener("change", update);
      window.removeEventListener("beforeprint", before);
      window.removeEventListener("afterprint", update);
    };
  }, []);
  return printing;
}

export function EChart({ option, spec, height, ariaLabel, geo, printMode = false, className, onDrawn }: EChartProps) {
  const ref = useRef<ReactEChartsCore>(null);
  // ECharts draws while mounting (echarts-for-react's componentDidMount), before this effect runs.
  const reportDrawn = useEffectEvent(() => onDrawn?.());
  useEffect(() => reportDrawn(), []);
  // Applied to the live chart at once: a React re-render could land after the page is already on paper.
  const printing = usePrinting((on) => {
    const chart = ref.current?.getEchartsInstance();
    if (!chart) return;
    chart.setOption({ animation: !(on || printMode) });
    chart.resize({ width: "auto", height: "auto", animation: { duration: 0 } });
  });
  const animation = !(printMode || printing);
  ensureMap(geo);

  const finalOption = useMemo(() => {
    const built = spec ? buildChartOption(spec, animation) : (option ?? {});
    return animation ? built : { ...built, animation: false };
  }, [option, spec, animation]);

  return (
    <ReactEChartsCore
      ref={ref}
      echarts={echarts}
      option={finalOption}
      notMerge
      opts={{ renderer: "canvas", locale: "ZH" }}
      role="img"
      aria-label={ariaLabel}
      // If the paper is still narrower than the chart, scale the bitmap down rather than cut it off.
      className={`print:[&_canvas]:max-w-full! print:[&_canvas]:h-auto! print:[&_div]:max-w-full! ${className ?? ""}`}
      style={{ height, width: "100%" }}
    />
  );
}
