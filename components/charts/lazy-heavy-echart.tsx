"use client";

import dynamic from "next/dynamic";
import { queuedChart } from "./queued-chart";

/**
 * Map and heat-map charts need ECharts' largest parts (geo, visualMap). They load after the page,
 * keeping them out of the first bundle; the box keeps its height meanwhile so nothing moves.
 */
export const LazyHeavyEChart = queuedChart(dynamic(() => import("./heavy-echart"), { ssr: false }));
