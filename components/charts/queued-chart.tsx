"use client";

import { useCallback, useEffect, useRef, useState, type ComponentType } from "react";
import { queueChartDraw } from "@/lib/charts/draw-queue";
import type { EChartProps } from "./echart";

/**
 * `Chart` in a box of its final height that mounts it when its turn to draw comes (see draw-queue),
 * and ends the turn once it has drawn.
 */
export function queuedChart(Chart: ComponentType<EChartProps>): ComponentType<EChartProps> {
  return function QueuedChart(props: EChartProps) {
    const [ready, setReady] = useState(false);
    const turn = useRef<{ done: () => void } | null>(null);
    useEffect(() => {
      const queued = queueChartDraw(() => setReady(true));
      turn.current = queued;
      return () => queued.done();
    }, []);
    const drawn = useCallback(() => turn.current?.done(), []);
    return <div style={{ minHeight: props.height }}>{ready && <Chart {...props} onDrawn={drawn} />}</div>;
  };
}
