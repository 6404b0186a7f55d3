import { describe, expect, it, vi } from "vitest";
import * as uscc from "@/lib/uscc";

vi.mock("@/lib/uscc", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/uscc")>();
  return { ...actual, validateUscc: vi.fn(actual.validateUscc) };
});

const { checkSgsRecord } = await import("./check");
const validateUscc = vi.mocked(uscc.validateUscc);

describe("validateUscc calls", () => {
  const subject = uscc.buildUscc("9", "1", "320102", "MA1QWERT");
  const authority = uscc.buildUscc("1", "1", "320102", "MB9QXCNB");
  const record = {
    kind: "penalty", subjectName: "某公司", subjectKind: "legal_person", subjectCode: subject,
    legalRepresentative: "王强", docNumber: "罚〔2026〕1号", decisionDate: "2026-01-05", reportedDate: "2026-01-06",
    authorityName: "某局", authorityCode: authority, violationType: "a", violationFacts: "b", legalBasis: "c",
    penaltyKind: "警告", penaltyContent: "警告",
  } as const;

  it("validates each code at most once per record, and a repeated authority code once overall", () => {
    validateUscc.mockClear();
    expect(checkSgsRecord(record, "2026-06-30")).toEqual([]);
    expect(validateUscc.mock.calls.map(([code]) => code)).toEqual([subject, authority]);
    validateUscc.mockClear();
    for (let i = 0; i < 3; i++) checkSgsRecord(record, "2026-06-30");
    expect(validateUscc.mock.calls.map(([code]) => code)).toEqual([subject, subject, subject]);
  });

  it("reuses the subject's verdict when the authority reports itself", () => {
    const self = uscc.buildUscc("1", "1", "320102", "MB1TELF0");
    validateUscc.mockClear();
    expect(checkSgsRecord({ ...record, subjectCode: self, authorityCode: self }, "2026-06-30")).toEqual([]);
    expect(validateUscc).toHaveBeenCalledTimes(1);
  });
});
