import { describe, expect, it } from "vitest";
import type { NewSgsRecord, SgsRecord } from "@/db/schema";
import { buildUscc } from "@/lib/uscc";
import {
  checkSgsRecord, describeFailedRules, isSgsRuleCode, SGS_RULE_BY_CODE, SGS_RULE_CODES, SGS_RULES,
  type SgsRuleCode, type SgsRuleInput,
} from "./index";

const TODAY = "2026-06-30";
const COMPANY_CODE = buildUscc("9", "1", "110105", "MA01ABCD");
const SHOP_CODE = buildUscc("9", "2", "110105", "MA02EFGH");
const AUTHORITY_CODE = buildUscc("1", "1", "110105", "MB0123XY");

const COMMON = {
  subjectName: "示例市某某食品有限公司",
  subjectKind: "legal_person",
  subjectCode: COMPANY_CODE,
  legalRepresentative: "张伟",
  idType: null,
  idNumber: null,
  decisionDate: "2026-05-12",
  reportedDate: "2026-05-15",
  authorityName: "示例市市场监督管理局",
  authorityCode: AUTHORITY_CODE,
} satisfies SgsRuleInput;

function license(overrides: Partial<SgsRuleInput> = {}): SgsRuleInput {
  return {
    ...COMMON, kind: "license", docNumber: "市监许〔2026〕88号",
    licenseType: "普通", licenseContent: "食品经营许可", validFrom: "2026-05-12", validTo: "2031-05-11",
    ...overrides,
  };
}

function penalty(overrides: Partial<SgsRuleInput> = {}): SgsRuleInput {
  return {
    ...COMMON, kind: "penalty", docNumber: "市监罚〔2026〕1024号",
    violationType: "销售不符合食品安全标准的食品",
    violationFacts: "经查，当事人存在销售不符合食品安全标准的食品的行为。",
    legalBasis: "《中华人民共和国食品安全法》第一百二十四条",
    penaltyKind: "警告;罚款", penaltyContent: "警告并处罚款人民币12000元", fineAmountWan: 1.2,
    ...overrides,
  };
}

const NATURAL_PERSON = {
  subjectName: "李娜", subjectKind: "natural_person", subjectCode: null, legalRepresentative: null,
  idType: "身份证", idNumber: "110105********123X",
} satisfies Partial<SgsRuleInput>;

const check = (record: SgsRuleInput) => checkSgsRecord(record, TODAY);
/** Same code with a wrong final check character. */
const wrongCheck = (code: string) => code.slice(0, 17) + (code.endsWith("0") ? "1" : "0");

describe("rule catalogue", () => {
  it("lists every code once, in SGS_RULE_CODES order, with a Chinese message", () => {
    expect(SGS_RULES.map((r) => r.code)).toEqual([...SGS_RULE_CODES]);
    expect(SGS_RULE_BY_CODE.size).toBe(SGS_RULES.length);
    for (const rule of SGS_RULES) {
      expect(rule.message).toMatch(/[\u4e00-\u9fff]/);
      expect(rule.kinds.length).toBeGreaterThan(0);
      expect(SGS_RULE_BY_CODE.get(rule.code)).toBe(rule);
    }
  });

  it("includes the rules named in the brief", () => {
    for (const code of [
      "SUBJECT_NAME_MISSING", "DOC_NUMBER_MISSING", "DECISION_DATE_MISSING", "DECISION_DATE_INVALID",
      "DECISION_AFTER_REPORT", "DECISION_IN_FUTURE", "SUBJECT_CODE_MISSING", "SUBJECT_CODE_INVALID",
      "NATURAL_PERSON_ID_MISSING", "AUTHORITY_NAME_MISSING", "AUTHORITY_CODE_INVALID", "LEGAL_REP_MISSING",
      "LICENSE_CONTENT_MISSING", "VALIDITY_END_BEFORE_START", "VIOLATION_TYPE_MISSING", "LEGAL_BASIS_MISSING",
      "PENALTY_KIND_MISSING", "PENALTY_CONTENT_MISSING", "FINE_AMOUNT_MISSING",
    ]) {
      expect(isSgsRuleCode(code), code).toBe(true);
    }
    expect(isSgsRuleCode("NOPE")).toBe(false);
  });
});

describe("compliant records", () => {
  it("passes a complete 许可 and a complete 处罚 of a legal person", () => {
    expect(check(license())).toEqual([]);
    expect(check(penalty())).toEqual([]);
  });

  it("passes a 个体工商户 with its USCC and no legal representative", () => {
    const shop = { subjectKind: "individual_business", subjectCode: SHOP_CODE, legalRepresentative: null } as const;
    expect(check(license(shop))).toEqual([]);
    expect(check(penalty(shop))).toEqual([]);
  });

  it("passes a natural person with an ID and no code", () => {
    expect(check(license(NATURAL_PERSON))).toEqual([]);
    expect(check(penalty(NATURAL_PERSON))).toEqual([]);
  });

  it("accepts stored rows (NewSgsRecord and SgsRecord) as input", () => {
    const row: NewSgsRecord = { ...penalty(), kind: "penalty", reportedDate: "2026-05-15", departmentId: 1, districtId: 2 };
    expect(check(row)).toEqual([]);
    // Compile-time: a selected row is accepted as is.
    const checkStored: (stored: SgsRecord) => string[] = check;
    expect(checkStored).toBe(check);
  });
});

type Case = [SgsRuleCode, SgsRuleInput];
const ONE_FAILURE_PER_RULE: Case[] = [
  ["SUBJECT_NAME_MISSING", penalty({ subjectName: null })],
  ["SUBJECT_KIND_INVALID", license({ subjectKind: null })],
  ["SUBJECT_CODE_MISSING", penalty({ subjectCode: null })],
  ["SUBJECT_CODE_INVALID", license({ subjectCode: COMPANY_CODE.slice(0, 17) })],
  ["NATURAL_PERSON_HAS_CODE", penalty({ ...NATURAL_PERSON, subjectCode: COMPANY_CODE })],
  ["LEGAL_REP_MISSING", penalty({ legalRepresentative: undefined })],
  ["NATURAL_PERSON_ID_TYPE_MISSING", license({ ...NATURAL_PERSON, idType: null })],
  ["NATURAL_PERSON_ID_MISSING", penalty({ ...NATURAL_PERSON, idNumber: "" })],
  ["DOC_NUMBER_MISSING", license({ docNumber: null })],
  ["LICENSE_TYPE_MISSING", license({ licenseType: null })],
  ["LICENSE_CONTENT_MISSING", license({ licenseContent: null })],
  ["VIOLATION_TYPE_MISSING", penalty({ violationType: null })],
  ["VIOLATION_FACTS_MISSING", penalty({ violationFacts: null })],
  ["LEGAL_BASIS_MISSING", penalty({ legalBasis: null })],
  ["PENALTY_KIND_MISSING", penalty({ penaltyKind: null })],
  ["PENALTY_CONTENT_MISSING", penalty({ penaltyContent: null })],
  ["FINE_AMOUNT_MISSING", penalty({ fineAmountWan: null })],
  ["DECISION_DATE_MISSING", penalty({ decisionDate: null })],
  ["DECISION_DATE_INVALID", penalty({ decisionDate: "2026-02-30" })],
  ["DECISION_AFTER_REPORT", penalty({ decisionDate: "2026-05-16" })],
  ["DECISION_IN_FUTURE", penalty({ decisionDate: "2026-07-01", reportedDate: "2026-07-02" })],
  ["VALIDITY_START_MISSING", license({ validFrom: null })],
  ["VALIDITY_START_INVALID", license({ validFrom: "2026/05/12" })],
  ["VALIDITY_END_MISSING", license({ validTo: null })],
  ["VALIDITY_END_INVALID", license({ validTo: "长期有效" })],
  ["VALIDITY_END_BEFORE_START", license({ validTo: "2026-05-11" })],
  ["AUTHORITY_NAME_MISSING", license({ authorityName: null })],
  ["AUTHORITY_CODE_MISSING", penalty({ authorityCode: null })],
  ["AUTHORITY_CODE_INVALID", penalty({ authorityCode: wrongCheck(AUTHORITY_CODE) })],
];

describe("one failure per rule", () => {
  it("has a case for every rule", () => {
    expect(ONE_FAILURE_PER_RULE.map(([code]) => code)).toEqual([...SGS_RULE_CODES]);
  });

  it.each(ONE_FAILURE_PER_RULE)("%s", (code, record) => {
    expect(SGS_RULE_BY_CODE.get(code)?.kinds).toContain(record.kind);
    expect(check(record)).toEqual([code]);
  });
});

describe("subject identity", () => {
  it("fails a natural person who carries a USCC, even a valid one", () => {
    expect(check(license({ ...NATURAL_PERSON, subjectCode: COMPANY_CODE }))).toEqual(["NATURAL_PERSON_HAS_CODE"]);
  });

  it("needs both the ID type and the ID number of a natural person", () => {
    expect(check(penalty({ ...NATURAL_PERSON, idType: null, idNumber: null }))).toEqual([
      "NATURAL_PERSON_ID_TYPE_MISSING", "NATURAL_PERSON_ID_MISSING",
    ]);
  });

  it("checks a 个体工商户's code", () => {
    const shop = { subjectKind: "individual_business", legalRepresentative: null } as const;
    expect(check(penalty({ ...shop, subjectCode: null }))).toEqual(["SUBJECT_CODE_MISSING"]);
    expect(check(penalty({ ...shop, subjectCode: wrongCheck(SHOP_CODE) }))).toEqual(["SUBJECT_CODE_INVALID"]);
  });

  it("takes codes only as reported: padding, full-width or lower case is invalid", () => {
    for (const code of [` ${COMPANY_CODE}`, `${COMPANY_CODE}\u3000`, COMPANY_CODE.toLowerCase(),
      COMPANY_CODE.replace(/\d/, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))]) {
      expect(check(penalty({ subjectCode: code })), code).toEqual(["SUBJECT_CODE_INVALID"]);
    }
    expect(check(penalty({ authorityCode: AUTHORITY_CODE.toLowerCase() }))).toEqual(["AUTHORITY_CODE_INVALID"]);
  });

  it("reports an unknown 行政相对人类别 and skips the identity rules it decides", () => {
    const raw = { subjectKind: "company", subjectCode: null, legalRepresentative: null } as unknown as SgsRuleInput;
    expect(check(penalty(raw))).toEqual(["SUBJECT_KIND_INVALID"]);
  });
});

describe("罚款金额", () => {
  it.each([null, undefined, 0, -0.5, Number.NaN, Number.POSITIVE_INFINITY])("fails a 罚款 with amount %s", (amount) => {
    expect(check(penalty({ penaltyKind: "罚款", fineAmountWan: amount }))).toEqual(["FINE_AMOUNT_MISSING"]);
  });

  it("finds 罚款 inside a combined 处罚类别", () => {
    expect(check(penalty({ penaltyKind: "没收违法所得、罚款", fineAmountWan: 0 }))).toEqual(["FINE_AMOUNT_MISSING"]);
  });

  it("passes a 警告 without an amount and a small positive fine", () => {
    expect(check(penalty({ penaltyKind: "警告", penaltyContent: "警告", fineAmountWan: null }))).toEqual([]);
    expect(check(penalty({ penaltyKind: "罚款", fineAmountWan: 0.01 }))).toEqual([]);
  });
});

describe("dates", () => {
  it("fails a decision dated after it was reported, passes the same day", () => {
    expect(check(penalty({ decisionDate: "2026-05-20", reportedDate: "2026-05-15" }))).toEqual(["DECISION_AFTER_REPORT"]);
    expect(check(penalty({ decisionDate: "2026-05-15", reportedDate: "2026-05-15" }))).toEqual([]);
  });

  it("judges the future against `today`, today itself included as past", () => {
    const record = penalty({ decisionDate: "2026-06-30", reportedDate: "2026-07-01" });
    expect(checkSgsRecord(record, "2026-06-30")).toEqual([]);
    expect(checkSgsRecord(record, "2026-06-29")).toEqual(["DECISION_IN_FUTURE"]);
  });

  it("reports both a future decision and a late report date when both hold", () => {
    expect(check(penalty({ decisionDate: "2026-08-01", reportedDate: "2026-07-01" })))
      .toEqual(["DECISION_AFTER_REPORT", "DECISION_IN_FUTURE"]);
  });

  it("ignores an unusable reported date", () => {
    expect(check(penalty({ reportedDate: null }))).toEqual([]);
    expect(check(penalty({ reportedDate: "2026-13-01" }))).toEqual([]);
  });

  it.each(["2026-5-12", "2026/05/12", "20260512", "2026-05-12T00:00:00", "2025-02-29", "2026-00-10", "２０２６-05-12"])(
    "rejects %s as a decision date",
    (value) => {
      expect(check(penalty({ decisionDate: value }))).toEqual(["DECISION_DATE_INVALID"]);
    },
  );

  it("accepts 29 February in a leap year", () => {
    expect(check(penalty({ decisionDate: "2024-02-29" }))).toEqual([]);
  });

  it("fails validity ending before it starts, passes a one-day validity", () => {
    expect(check(license({ validFrom: "2026-05-12", validTo: "2026-05-01" }))).toEqual(["VALIDITY_END_BEFORE_START"]);
    expect(check(license({ validFrom: "2026-05-12", validTo: "2026-05-12" }))).toEqual([]);
  });

  it("throws on a malformed `today`", () => {
    expect(() => checkSgsRecord(penalty(), "2026-6-30")).toThrow(RangeError);
  });
});

describe("whitespace-only fields count as missing", () => {
  const BLANKS = [" ", "\t\n", "\u3000", "\u00a0 ", "\u200b", "\ufeff "];
  const FIELDS: [keyof SgsRuleInput, SgsRuleCode, (o: Partial<SgsRuleInput>) => SgsRuleInput][] = [
    ["subjectName", "SUBJECT_NAME_MISSING", penalty],
    ["subjectCode", "SUBJECT_CODE_MISSING", penalty],
    ["legalRepresentative", "LEGAL_REP_MISSING", license],
    ["docNumber", "DOC_NUMBER_MISSING", license],
    ["licenseType", "LICENSE_TYPE_MISSING", license],
    ["licenseContent", "LICENSE_CONTENT_MISSING", license],
    ["violationType", "VIOLATION_TYPE_MISSING", penalty],
    ["violationFacts", "VIOLATION_FACTS_MISSING", penalty],
    ["legalBasis", "LEGAL_BASIS_MISSING", penalty],
    ["penaltyContent", "PENALTY_CONTENT_MISSING", penalty],
    ["decisionDate", "DECISION_DATE_MISSING", penalty],
    ["validFrom", "VALIDITY_START_MISSING", license],
    ["validTo", "VALIDITY_END_MISSING", license],
    ["authorityName", "AUTHORITY_NAME_MISSING", penalty],
    ["authorityCode", "AUTHORITY_CODE_MISSING", penalty],
  ];

  it.each(FIELDS)("%s", (field, code, build) => {
    for (const blank of BLANKS) expect(check(build({ [field]: blank })), JSON.stringify(blank)).toEqual([code]);
  });

  it("natural-person fields and 处罚类别", () => {
    expect(check(penalty({ ...NATURAL_PERSON, idType: " ", idNumber: "\u3000" }))).toEqual([
      "NATURAL_PERSON_ID_TYPE_MISSING", "NATURAL_PERSON_ID_MISSING",
    ]);
    expect(check(penalty({ ...NATURAL_PERSON, subjectCode: "  " }))).toEqual([]);
    // A blank 处罚类别 cannot say 罚款, so only the kind itself is reported.
    expect(check(penalty({ penaltyKind: " ", fineAmountWan: null }))).toEqual(["PENALTY_KIND_MISSING"]);
  });
});

describe("several failures", () => {
  it("come back in catalogue order", () => {
    const record = license({
      authorityCode: "123", validTo: "2020-01-01", decisionDate: "2026-07-05", reportedDate: "2026-07-01",
      licenseContent: "", docNumber: null, legalRepresentative: " ", subjectCode: "91110105MA01ABCD0", subjectName: null,
    });
    expect(check(record)).toEqual([
      "SUBJECT_NAME_MISSING", "SUBJECT_CODE_INVALID", "LEGAL_REP_MISSING", "DOC_NUMBER_MISSING",
      "LICENSE_CONTENT_MISSING", "DECISION_AFTER_REPORT", "DECISION_IN_FUTURE", "VALIDITY_END_BEFORE_START",
      "AUTHORITY_CODE_INVALID",
    ]);
  });

  it("an empty record fails every unconditional rule of its kind, in order", () => {
    expect(check({ kind: "penalty" })).toEqual([
      "SUBJECT_NAME_MISSING", "SUBJECT_KIND_INVALID", "DOC_NUMBER_MISSING", "VIOLATION_TYPE_MISSING",
      "VIOLATION_FACTS_MISSING", "LEGAL_BASIS_MISSING", "PENALTY_KIND_MISSING", "PENALTY_CONTENT_MISSING",
      "DECISION_DATE_MISSING", "AUTHORITY_NAME_MISSING", "AUTHORITY_CODE_MISSING",
    ]);
    expect(check({ kind: "license" })).toEqual([
      "SUBJECT_NAME_MISSING", "SUBJECT_KIND_INVALID", "DOC_NUMBER_MISSING", "LICENSE_TYPE_MISSING",
      "LICENSE_CONTENT_MISSING", "DECISION_DATE_MISSING", "VALIDITY_START_MISSING", "VALIDITY_END_MISSING",
      "AUTHORITY_NAME_MISSING", "AUTHORITY_CODE_MISSING",
    ]);
  });

  it("stay in catalogue order for any mix of the single-rule defects", () => {
    const index = new Map(SGS_RULE_CODES.map((code, i) => [code, i]));
    let seed = 7;
    const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
    for (let n = 0; n < 500; n++) {
      const base = rand() < 0.5 ? penalty() : license();
      const merged: SgsRuleInput = { ...base };
      for (const [, record] of ONE_FAILURE_PER_RULE) {
        if (record.kind !== base.kind || rand() < 0.7) continue;
        for (const [key, value] of Object.entries(record) as [keyof SgsRuleInput, unknown][]) {
          if (value !== base[key]) Object.assign(merged, { [key]: value });
        }
      }
      const codes = check(merged).map((code) => index.get(code) ?? -1);
      expect(codes).toEqual([...codes].sort((a, b) => a - b));
    }
  });

  it("a record of unknown kind is held to the common rules only", () => {
    expect(check(penalty({ kind: null, legalBasis: null, penaltyKind: null }))).toEqual([]);
  });
});

describe("describeFailedRules", () => {
  it("gives the field and the Chinese message of each code, in the order given", () => {
    expect(describeFailedRules(["SUBJECT_NAME_MISSING", "FINE_AMOUNT_MISSING"])).toEqual([
      { code: "SUBJECT_NAME_MISSING", field: "subjectName", message: "行政相对人名称为空" },
      { code: "FINE_AMOUNT_MISSING", field: "fineAmountWan", message: "罚款金额缺失或不大于0" },
    ]);
  });

  it("describes what checkSgsRecord returns", () => {
    const rows = describeFailedRules(check(penalty({ legalBasis: " ", authorityCode: "X" })));
    expect(rows.map((r) => r.message)).toEqual(["处罚依据为空", "决定机关统一社会信用代码不符合GB 32100（长度、字符或校验码错误）"]);
  });

  it("keeps unknown codes visible instead of dropping them", () => {
    expect(describeFailedRules(["RETIRED_RULE", "DOC_NUMBER_MISSING"])).toEqual([
      { code: "RETIRED_RULE", field: "", message: "未知规则（RETIRED_RULE）" },
      { code: "DOC_NUMBER_MISSING", field: "docNumber", message: "决定文书号为空" },
    ]);
    expect(describeFailedRules([])).toEqual([]);
  });
});
