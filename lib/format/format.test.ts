import { describe, expect, it } from "vitest";
import { formatCount, formatInteger } from "./index";

describe("formatCount", () => {
  it("writes large counts in 万 and small ones in full", () => {
    expect(formatCount(99_999)).toBe("99,999");
    expect(formatCount(100_000)).toBe("10万");
    expect(formatCount(1_234_567)).toBe("123.5万");
    expect(formatInteger(60000)).toBe("60,000");
  });
});

import { formatIndicatorValue, formatScore } from "./index";

describe("formatIndicatorValue", () => {
  it("writes percent with one decimal, ‱ with two, counts whole, and no data in words", () => {
    expect(formatIndicatorValue(97.26, "percent")).toBe("97.3%");
    expect(formatIndicatorValue(1.1667, "per_ten_thousand")).toBe("1.17‱");
    expect(formatIndicatorValue(12, "count")).toBe("12");
    expect(formatIndicatorValue(null, "percent")).toBe("无数据");
    expect(formatScore(86.234)).toBe("86.2分");
  });
});
