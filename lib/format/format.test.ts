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
