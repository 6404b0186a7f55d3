import { describe, expect, it } from "vitest";
import { isUsccCharset, orgCodeCheckChar, USCC_ALPHABET, usccCharValue, usccCheckChar, validateUscc } from "./index";

describe("orgCodeCheckChar (GB 11714)", () => {
  it("computes the GB 32100 example body M000100Y → 4", () => {
    expect(orgCodeCheckChar("M000100Y")).toBe("4");
  });

  it("maps 10 to X and 11 to 0", () => {
    expect(orgCodeCheckChar("07837941")).toBe("X"); // from 9115220107837941X1
    expect(orgCodeCheckChar("00000000")).toBe("0"); // sum 0 → 11 → '0'
  });

  it("values letters over the full A–Z alphabet (Z=35)", () => {
    // Z only appears in pre-2015 org codes, but GB 11714 defines it: 35·3 = 105 ≡ 6 → 5.
    expect(orgCodeCheckChar("Z0000000")).toBe("5");
  });

  it("throws on bad input", () => {
    expect(() => orgCodeCheckChar("1234567")).toThrow(RangeError);
    expect(() => orgCodeCheckChar("1234567a")).toThrow(RangeError);
  });
});

describe("usccCheckChar (GB 32100)", () => {
  it("computes the GB 32100 example 91350100M000100Y43", () => {
    expect(usccCheckChar("91350100M000100Y4")).toBe("3");
  });

  it("maps check value 31 to '0' (sum ≡ 0 mod 31)", () => {
    for (const code of ["911522010783762860", "91340600MA2PBP2120", "91620105L015101280", "92340604MA2PENA300"]) {
      expect(usccCheckChar(code.slice(0, 17))).toBe("0");
      expect(validateUscc(code).valid).toBe(true);
    }
    expect(usccCheckChar("00000000000000000")).toBe("0");
  });

  it("throws on bad input", () => {
    expect(() => usccCheckChar("9135010")).toThrow(RangeError);
    expect(() => usccCheckChar("91350100I000100Y4")).toThrow(RangeError);
  });
});

describe("charset helpers", () => {
  it("has 31 chars without I, O, S, V, Z", () => {
    expect(USCC_ALPHABET).toHaveLength(31);
    for (const ch of "IOSVZ") expect(usccCharValue(ch)).toBe(-1);
    expect(usccCharValue("Y")).toBe(30);
    expect(usccCharValue("a")).toBe(-1);
    expect(isUsccCharset("MA2PBM9H")).toBe(true);
    expect(isUsccCharset("MA2PBM9I")).toBe(false);
  });
});
