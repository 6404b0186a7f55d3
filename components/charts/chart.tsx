"use client";

import dynamic from "next/dynamic";
import { queuedChart } from "./queued-chart";

/**
 * Every chart is drawn on a canvas in the browser, so ECharts need not be in a page's first bundle:
 * it loads right after the page is interactive. The box keeps its height meanwhile so nothing moves.
 */
export const EChart = queuedChart(dynamic(() => import("./echart").then((m) => m.EChart), { ssr: false }));
