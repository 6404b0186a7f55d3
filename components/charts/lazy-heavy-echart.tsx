"use client";

import dynamic from "next/dynamic";
import type { EChartProps } from "./echart";
import { useDrawTurn } from "./use-draw-turn";

const HeavyEChart = dynamic(() => import("./heavy-echart"), { ssr: false });

/**
 * Map and heat-map charts need ECharts' largest parts (geo, visualMap). They load after the page,
 * keeping them out of the first bundle; the box keeps its height meanwhile so nothing moves.
 */
export function LazyHeavyEChart(props: EChartProps) {
  const { ready, drawn } = useDrawTurn();
  return (
    <div style={{ minHeight: props.height }}>
      {ready && <HeavyEChart {...props} onDrawn={drawn} />}
    </div>
  );
}
