import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { describeAuthority, describeBodyKind, USCC_FAILURE_LABELS, validateUscc, type UsccFailure } from "./index";

interface Vector {
  expectValid: boolean;
  code: string;
  comment: string;
}

const FIXTURE = readFileSync(new URL("./__fixtures__/uscc-vectors.txt", import.meta.url), "utf8");
const VECTORS: Vector[] = FIXTURE.split(/\r?\n/).flatMap((line) => {
  const m = /^(valid|invalid)\s+(\S+)\s*(?:#\s*(.*))?$/.exec(line);
  return m ? [{ expectValid: m[1] === "valid", code: m[2] ?? "", comment: m[3] ?? "" }] : [];
});

/** Reasons the vector's comment states unambiguously (checked by "contains"). */
function expectedReasons(v: Vector): UsccFailure[] | undefined {
  // python-stdnum says "first 8 chars must be digits", but GB 32100 allows 'A' (军改办)
  // at position 1 and A1 (军队事业单位) is a valid kind; computing shows only position 18 is wrong.
  if (v.code === "A1110000600037341L") return ["finalCheck"];
  const c = v.comment;
  if (/InvalidLength|length \d+/.test(c)) return ["length"];
  if (/charset/.test(c)) return ["charset"];
  if (/fails both checks/.test(c)) return ["orgCheck", "finalCheck"];
  if (/inner GB 11714 check/.test(c)) return ["orgCheck"];
  if (/region code/.test(c)) return ["division"];
  if (/InvalidChecksum|18th check/.test(c)) return ["finalCheck"];
  return undefined;
}

describe("validateUscc on fixture vectors", () => {
  it("parses the fixture", () => {
    expect(VECTORS.filter((v) => v.expectValid).length).toBeGreaterThanOrEqual(200);
    expect(VECTORS.filter((v) => !v.expectValid).length).toBeGreaterThanOrEqual(12);
  });

  it.each(VECTORS.filter((v) => v.expectValid).map((v) => [v.code]))("%s is valid", (code) => {
    const r = validateUscc(code);
    expect(r.reasons).toEqual([]);
    expect(r.valid).toBe(true);
    expect(r.changes).toEqual([]);
  });

  it.each(VECTORS.filter((v) => !v.expectValid).map((v) => [v.code, v]))("%s is invalid", (code, v) => {
    const r = validateUscc(code);
    expect(r.valid).toBe(false);
    expect(r.reasons.length).toBeGreaterThan(0);
    const expected = expectedReasons(v);
    expect(expected, `no expectation derived for: ${v.comment}`).toBeDefined();
    const got = r.reasons.map((x) => x.reason);
    expect(got).toEqual(expect.arrayContaining(expected ?? []));
  });

  it("A1110000600037341L fails only on position 18, not on the authority", () => {
    expect(validateUscc("A1110000600037341L").reasons).toEqual([
      { reason: "finalCheck", message: "第18位校验码错误，应为K" },
    ]);
  });

  it("91110000600037342P fails only the inner GB 11714 check", () => {
    expect(validateUscc("91110000600037342P").reasons.map((x) => x.reason)).toEqual(["orgCheck"]);
  });
});

describe("validateUscc rules and messages", () => {
  it("reports length with the Chinese message and skips checksums", () => {
    expect(validateUscc("9111000060003734L").reasons).toEqual([{ reason: "length", message: "长度应为18位，实为17位" }]);
    expect(validateUscc("").reasons.map((x) => x.reason)).toEqual(["length"]);
  });

  it("reports both length and charset, but no checksum", () => {
    expect(validateUscc("9111-0000").reasons.map((x) => x.reason)).toEqual(["length", "charset"]);
  });

  it("reports the expected check char", () => {
    expect(validateUscc("91110000600037341N").reasons[0]?.message).toBe("第18位校验码错误，应为L");
  });

  it("rejects unknown authorities (position 1)", () => {
    const r = validateUscc("B1110000600037341L");
    expect(r.reasons.map((x) => x.reason)).toEqual(["authority", "finalCheck"]);
  });

  it("checks the body kind against the authority (GB 32100 表1)", () => {
    expect(validateUscc("94110000600037341L").reasons.map((x) => x.reason)).toContain("bodyKind");
    expect(validateUscc("Y2110000600037341L").reasons.map((x) => x.reason)).toContain("bodyKind");
    expect(validateUscc("35110000600037341L").reasons.map((x) => x.reason)).not.toContain("bodyKind");
  });

  it("checks the province prefix of the division and accepts 100000", () => {
    const bad = validateUscc("91990000600037341L").reasons;
    expect(bad.map((x) => x.reason)).toContain("division");
    expect(bad[0]?.message).toContain("“99”");
    expect(validateUscc("91100000600037341L").reasons.map((x) => x.reason)).not.toContain("division");
  });

  it("accepts lower case after normalisation and reports the change", () => {
    const r = validateUscc("91110000600037341l");
    expect(r).toMatchObject({ valid: true, code: "91110000600037341L", changes: ["uppercased"] });
  });

  it("describes authorities and body kinds", () => {
    expect(describeAuthority("91350100M000100Y43")).toBe("工商（市场监管）");
    expect(describeAuthority("5")).toBe("民政");
    expect(describeAuthority("1")).toBe("机构编制");
    expect(describeAuthority("B")).toBeUndefined();
    expect(describeBodyKind("92340602MA2PBQAH7E")).toBe("个体工商户");
    expect(Object.keys(USCC_FAILURE_LABELS)).toHaveLength(7);
  });
});
