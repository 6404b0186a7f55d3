import { DEMO_DISTRICTS } from "@/lib/demo/city";
import type { ChartSpec } from "./index";

/** Sample inputs shared by the builder tests and the render smoke test. */
export const NAMES = DEMO_DISTRICTS.map((d) => d.name);

export const RANKING_ROWS = NAMES.map((name, i) => ({
  name,
  score: i === 3 ? null : Math.round((95 - i * 3.7) * 10) / 10,
  rank: i === 3 ? null : i < 3 ? i + 1 : i,
})).reverse();

export const MONTHS = ["2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04"];

export const SAMPLE_SPECS: Record<ChartSpec["kind"], ChartSpec> = {
  ranking: { kind: "ranking", rows: RANKING_ROWS },
  trend: {
    kind: "trend",
    input: {
      months: MONTHS, unit: "percent", target: 100,
      series: [{ name: "城关区", values: [97.1, 98.4, null, 99.2, 99.6, 100] }, { name: "全市", values: [96, 96.5, 97, 97.2, 98, 98.3] }],
    },
  },
  sparkline: { kind: "sparkline", values: [3, 4, null, 5, 4.5, 6] },
  heatmap: {
    kind: "heatmap",
    input: {
      units: NAMES.slice(0, 3),
      indicators: [{ code: "a", name: "双公示数据合规率" }, { code: "b", name: "重错码率" }],
      cells: NAMES.slice(0, 3).flatMap((unit, i) => [
        { unit, indicator: "a", score: [100, 72.5, 40][i] ?? null, label: ["100.0%", "97.2%", "91.0%"][i] ?? "" },
        { unit, indicator: "b", score: i === 1 ? null : 100, label: i === 1 ? "无数据" : "0.50‱" },
      ]),
    },
  },
  map: {
    kind: "map",
    input: { mapName: "demo-city", areas: NAMES.map((name, i) => ({ name, score: i === 9 ? null : 100 - i * 6, rank: i === 9 ? null : i + 1 })) },
  },
};
