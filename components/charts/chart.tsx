"use client";

import dynamic from "next/dynamic";
import type { EChartProps } from "./echart";
import { useDrawTurn } from "./use-draw-turn";

const EChartNow = dynamic(() => import("./echart").then((m) => m.EChart), { ssr: false });

/**
 * Every chart is drawn on a canvas in the browser, so ECharts need not be in a page's first bundle:
 * it loads right after the page is interactive. The box keeps its height meanwhile so nothing moves.
 */
export function EChart(props: EChartProps) {
  const { ready, drawn } = useDrawTurn();
  return (
    <div style={{ minHeight: props.height }}>
      {ready && <EChartNow {...props} onDrawn={drawn} />}
    </div>
  );
}
