/** Numbers as Chinese government documents write them. */
export function formatCount(n: number): string {
  if (Math.abs(n) >= 100_000) return `${(n / 10_000).toFixed(1).replace(/\.0$/, "")}万`;
  return n.toLocaleString("zh-CN");
}

export function formatInteger(n: number): string {
  return n.toLocaleString("zh-CN");
}

export type ValueUnit = "percent" | "per_ten_thousand" | "count";

/** An indicator value as the circulars write it: 97.3%, 1.25‱, 12; "无数据" when there is none. */
export function formatIndicatorValue(value: number | null | undefined, unit: ValueUnit | string): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "无数据";
  if (unit === "percent") return `${value.toFixed(1)}%`;
  if (unit === "per_ten_thousand") return `${value.toFixed(2)}‱`;
  return Math.round(value).toLocaleString("zh-CN");
}

export function formatScore(score: number | null | undefined): string {
  return score === null || score === undefined ? "无数据" : `${score.toFixed(1)}分`;
}

export const UNIT_SUFFIX: Record<string, string> = { percent: "个百分点", per_ten_thousand: "‱", count: "" };
