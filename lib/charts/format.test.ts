import { describe, expect, it } from "vitest";
import { escapeHtml, formatMonthShort, formatMonthZh, formatScore, formatValue, type ChartUnit } from "./format";

describe("formatValue", () => {
  it.each<[number | null | undefined, ChartUnit, string]>([
    [97.26, "percent", "97.3%"],
    [100, "percent", "100.0%"],
    [1.254, "per_ten_thousand", "1.25‱"],
    [0, "per_ten_thousand", "0.00‱"],
    [12, "count", "12"],
    [12345.4, "count", "12,345"],
    [86.24, "score", "86.2分"],
    [3, "rank", "第3名"],
    [null, "percent", "无数据"],
    [undefined, "score", "无数据"],
    [Number.NaN, "count", "无数据"],
  ])("%s as %s → %s", (value, unit, expected) => {
    expect(formatValue(value, unit)).toBe(expected);
  });
});

describe("helpers", () => {
  it.each([
    [formatScore(86.2), "86.2分"],
    [formatScore(null), "无数据"],
    [formatMonthShort("2026-10"), "26年10月"],
    [formatMonthShort("2026-01"), "26年1月"],
    [formatMonthZh("2026-10"), "2026年10月"],
    [escapeHtml(`<b>"A&B"</b>`), "&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;"],
  ])("%s", (actual, expected) => {
    expect(actual).toBe(expected);
  });
});
