/** One palette for every chart, matching the warning colours used in tables and badges. */
export const CHART_COLORS = {
  primary: "#1d4ed8",
  red: "#b91c1c",
  amber: "#b45309",
  green: "#15803d",
  noData: "#cbd5e1",
  text: "#334155",
  muted: "#64748b",
  gridLine: "#e2e8f0",
} as const;

/** Extra series colours for comparison lines; red, amber and green are kept for warning states. */
export const SERIES_COLORS: readonly string[] = [CHART_COLORS.primary, "#64748b", "#0e7490", "#7c3aed", "#be185d", "#4d7c0f"];

export function seriesColor(index: number): string {
  return SERIES_COLORS[index % SERIES_COLORS.length] ?? CHART_COLORS.primary;
}

/** Single quotes inside: ECharts writes this into SVG attributes unescaped when rendering server-side. */
export const FONT_FAMILY = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";
