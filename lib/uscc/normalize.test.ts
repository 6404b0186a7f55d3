import { describe, expect, it } from "vitest";
import { NORMALIZATION_CHANGE_LABELS, normalizeUscc, validateUscc } from "./index";

describe("normalizeUscc", () => {
  it("leaves a clean code untouched", () => {
    expect(normalizeUscc("91350100M000100Y43")).toEqual({ code: "91350100M000100Y43", changes: [] });
  });

  it("converts full-width digits and letters", () => {
    expect(normalizeUscc("９１３５０１００Ｍ０００１００Ｙ４３")).toEqual({
      code: "91350100M000100Y43",
      changes: ["fullwidth"],
    });
  });

  it("trims ASCII, full-width and non-breaking spaces", () => {
    expect(normalizeUscc(" \t\u3000\u00A091350100M000100Y43\u3000\r\n")).toEqual({
      code: "91350100M000100Y43",
      changes: ["trimmed"],
    });
  });

  it("removes zero-width chars and BOM anywhere", () => {
    expect(normalizeUscc("\uFEFF9135\u200B0100M000100Y43\u200D")).toEqual({
      code: "91350100M000100Y43",
      changes: ["invisible"],
    });
  });

  it("upper-cases ASCII letters only", () => {
    expect(normalizeUscc("91350100m000100y43")).toEqual({ code: "91350100M000100Y43", changes: ["uppercased"] });
    expect(normalizeUscc("ß").code).toBe("ß");
  });

  it("reports every change that happened, full-width lower case included", () => {
    const r = normalizeUscc("\u200B　９１３５０１００ｍ０００１００ｙ４３ ");
    expect(r.code).toBe("91350100M000100Y43");
    expect(r.changes).toEqual(["invisible", "trimmed", "fullwidth", "uppercased"]);
    expect(validateUscc("\u200B　９１３５０１００ｍ０００１００ｙ４３ ").valid).toBe(true);
  });

  it("keeps inner spaces so validation reports them", () => {
    const r = validateUscc("9135 0100M000100Y43");
    expect(r.code).toBe("9135 0100M000100Y43");
    expect(r.reasons.map((x) => x.reason)).toEqual(["length", "charset"]);
    expect(r.reasons[1]?.message).toContain("第5位空格");
  });

  it("has a Chinese label for every change", () => {
    expect(NORMALIZATION_CHANGE_LABELS.fullwidth).toBe("已自动转换全角字符");
    expect(Object.keys(NORMALIZATION_CHANGE_LABELS).sort()).toEqual(["fullwidth", "invisible", "trimmed", "uppercased"]);
  });
});
