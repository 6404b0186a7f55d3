import { formatMonthZh, type IsoMonth } from "@/lib/dates";
import { formatInteger } from "@/lib/format";

/** Units as the indicator catalogue stores them (percent as 0–100, ‱ as per ten thousand). */
export type ChartUnit = "percent" | "per_ten_thousand" | "count" | "score" | "rank";

export const NO_DATA = "无数据";

function isNumber(value: number | null | undefined): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/** 97.3% · 1.25‱ · 12 · 86.2分 · 第3名 · 无数据 */
export function formatValue(value: number | null | undefined, unit: ChartUnit): string {
  if (!isNumber(value)) return NO_DATA;
  switch (unit) {
    case "percent":
      return `${value.toFixed(1)}%`;
    case "per_ten_thousand":
      return `${value.toFixed(2)}‱`;
    case "count":
      return formatInteger(Math.round(value));
    case "score":
      return `${value.toFixed(1)}分`;
    case "rank":
      return `第${Math.round(value)}名`;
  }
}

export function formatScore(score: number | null | undefined): string {
  return formatValue(score, "score");
}

/** Axis suffix for a unit: axis ticks show bare numbers plus this. */
export function unitSuffix(unit: ChartUnit): string {
  return { percent: "%", per_ten_thousand: "‱", count: "", score: "分", rank: "" }[unit];
}

/** 2026-10 → 26年10月: short enough for a crowded month axis. */
export function formatMonthShort(month: IsoMonth): string {
  return `${month.slice(2, 4)}年${Number(month.slice(5, 7))}月`;
}

export { formatMonthZh };

/** Tooltips are HTML: names from the database must not become markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}
