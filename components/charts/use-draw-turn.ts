"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { queueChartDraw } from "@/lib/charts/draw-queue";

/** Whether this chart's turn to draw has come, and the callback that ends its turn once it has drawn. */
export function useDrawTurn(): { ready: boolean; drawn: () => void } {
  const [ready, setReady] = useState(false);
  const turn = useRef<{ done: () => void } | null>(null);
  useEffect(() => {
    const queued = queueChartDraw(() => setReady(true));
    turn.current = queued;
    return () => queued.done();
  }, []);
  const drawn = useCallback(() => turn.current?.done(), []);
  return { ready, drawn };
}
