import { describe, expect, it } from "vitest";
import { buildUscc, randomOrgBody, USCC_ALPHABET, USCC_AUTHORITIES, validateUscc } from "./index";

/** mulberry32: small deterministic PRNG returning [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BODY_SHAPE = new RegExp(`^MA[${USCC_ALPHABET}]{6}$`);
const DIVISIONS = ["100000", "110105", "350100", "440300", "620105", "710000", "820000"];

describe("buildUscc", () => {
  it("reproduces the GB 32100 example", () => {
    expect(buildUscc("9", "1", "350100", "M000100Y")).toBe("91350100M000100Y43");
  });

  it("reproduces real codes, including a check value of 0", () => {
    expect(buildUscc("9", "1", "340600", "MA2PBP21")).toBe("91340600MA2PBP2120");
    expect(buildUscc("1", "2", "120000", "40135908")).toBe("121200004013590816");
  });

  it("round-trips through validateUscc for many random bodies", () => {
    const rand = mulberry32(20240601);
    const pairs = [...USCC_AUTHORITIES].flatMap(([a, info]) => [...info.bodyKinds.keys()].map((k) => [a, k] as const));
    let sawCheck0 = false;
    for (let i = 0; i < 20_000; i++) {
      const [a, k] = pairs[i % pairs.length] ?? ["9", "1"];
      const division = DIVISIONS[i % DIVISIONS.length] ?? "110000";
      const body = randomOrgBody(rand);
      const code = buildUscc(a, k, division, body);
      const r = validateUscc(code);
      if (!r.valid) throw new Error(`${code}: ${JSON.stringify(r.reasons)}`);
      if (code.endsWith("0")) sawCheck0 = true;
    }
    expect(sawCheck0).toBe(true);
  });

  it("throws on bad input", () => {
    expect(() => buildUscc("B", "1", "350100", "M000100Y")).toThrow(RangeError);
    expect(() => buildUscc("9", "4", "350100", "M000100Y")).toThrow(RangeError);
    expect(() => buildUscc("Y", "2", "350100", "M000100Y")).toThrow(RangeError);
    expect(() => buildUscc("9", "1", "990000", "M000100Y")).toThrow(RangeError);
    expect(() => buildUscc("9", "1", "35010", "M000100Y")).toThrow(RangeError);
    expect(() => buildUscc("9", "1", "350100", "M000100I")).toThrow(RangeError);
    expect(() => buildUscc("9", "1", "350100", "M000100")).toThrow(RangeError);
    expect(() => buildUscc("9", "1", "350100", "m000100y")).toThrow(RangeError);
  });
});

describe("randomOrgBody", () => {
  it("produces MA + 6 alphabet chars, deterministically per seed", () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    for (let i = 0; i < 1000; i++) {
      const body = randomOrgBody(a);
      expect(body).toMatch(BODY_SHAPE);
      expect(randomOrgBody(b)).toBe(body);
    }
  });

  it("covers the whole alphabet and tolerates extreme rand values", () => {
    const seen = new Set<string>();
    const rand = mulberry32(1);
    for (let i = 0; i < 2000; i++) for (const ch of randomOrgBody(rand).slice(2)) seen.add(ch);
    expect(seen.size).toBe(31);
    expect(randomOrgBody(() => 0)).toBe("MA000000");
    expect(randomOrgBody(() => 0.999999999)).toBe("MAYYYYYY");
    expect(randomOrgBody(() => 1)).toMatch(BODY_SHAPE);
  });
});
