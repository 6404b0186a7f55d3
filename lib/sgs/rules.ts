import type { SgsKind, SubjectKind } from "@/db/schema/enums";
import type { SgsRuleInput } from "./input";

/**
 * Field rules of the national 双公示 data standard for 行政许可 and 行政处罚 records (the 2021 edition,
 * with the 行政相对人代码_1…_6 layout). Every 必填 field the schema stores gets a rule, plus the cross-field
 * conditions the standard states (罚款金额 when 处罚类别 includes 罚款, 有效期至 not before 有效期自,
 * identity fields by 行政相对人类别). Fields the schema does not store (文书名称, 当前状态, 数据来源单位…)
 * cannot be checked here.
 *
 * The order of this list is the order failures are reported in; codes are stored in
 * sgs_records.failed_rules, so never rename one.
 */
export interface SgsRule {
  code: SgsRuleCode;
  /** Record kinds the rule applies to. */
  kinds: readonly SgsKind[];
  /** Only these 行政相对人类别 are checked; absent = every subject. */
  subjectKinds?: readonly SubjectKind[];
  /** The column the rule is about (key of SgsRuleInput / NewSgsRecord). */
  field: keyof SgsRuleInput;
  message: string;
}

const BOTH: readonly SgsKind[] = ["license", "penalty"];
const LICENSE: readonly SgsKind[] = ["license"];
const PENALTY: readonly SgsKind[] = ["penalty"];
// 个体工商户 are registered with a USCC (authority 9, kind 2) just like legal persons.
const REGISTERED: readonly SubjectKind[] = ["legal_person", "individual_business"];

export const SGS_RULE_CODES = [
  "SUBJECT_NAME_MISSING",
  "SUBJECT_KIND_INVALID",
  "SUBJECT_CODE_MISSING",
  "SUBJECT_CODE_INVALID",
  "NATURAL_PERSON_HAS_CODE",
  "LEGAL_REP_MISSING",
  "NATURAL_PERSON_ID_TYPE_MISSING",
  "NATURAL_PERSON_ID_MISSING",
  "DOC_NUMBER_MISSING",
  "LICENSE_TYPE_MISSING",
  "LICENSE_CONTENT_MISSING",
  "VIOLATION_TYPE_MISSING",
  "VIOLATION_FACTS_MISSING",
  "LEGAL_BASIS_MISSING",
  "PENALTY_KIND_MISSING",
  "PENALTY_CONTENT_MISSING",
  "FINE_AMOUNT_MISSING",
  "DECISION_DATE_MISSING",
  "DECISION_DATE_INVALID",
  "DECISION_AFTER_REPORT",
  "DECISION_IN_FUTURE",
  "VALIDITY_START_MISSING",
  "VALIDITY_START_INVALID",
  "VALIDITY_END_MISSING",
  "VALIDITY_END_INVALID",
  "VALIDITY_END_BEFORE_START",
  "AUTHORITY_NAME_MISSING",
  "AUTHORITY_CODE_MISSING",
  "AUTHORITY_CODE_INVALID",
] as const;
export type SgsRuleCode = (typeof SGS_RULE_CODES)[number];

type RuleSpec = Omit<SgsRule, "code">;

const SPECS: Readonly<Record<SgsRuleCode, RuleSpec>> = {
  SUBJECT_NAME_MISSING: { kinds: BOTH, field: "subjectName", message: "行政相对人名称为空" },
  SUBJECT_KIND_INVALID: {
    kinds: BOTH, field: "subjectKind",
    message: "行政相对人类别为空或不是法人及非法人组织、自然人、个体工商户之一",
  },
  SUBJECT_CODE_MISSING: {
    kinds: BOTH, subjectKinds: REGISTERED, field: "subjectCode",
    message: "法人及非法人组织、个体工商户的统一社会信用代码为空",
  },
  SUBJECT_CODE_INVALID: {
    kinds: BOTH, subjectKinds: REGISTERED, field: "subjectCode",
    message: "行政相对人统一社会信用代码不符合GB 32100（长度、字符或校验码错误）",
  },
  // The standard: 行政相对人类别为自然人时，行政相对人代码必须为空.
  NATURAL_PERSON_HAS_CODE: {
    kinds: BOTH, subjectKinds: ["natural_person"], field: "subjectCode",
    message: "行政相对人为自然人时统一社会信用代码应为空",
  },
  // 法定代表人 is 必填 for 法人及非法人组织 and optional for 个体工商户 (经营者).
  LEGAL_REP_MISSING: {
    kinds: BOTH, subjectKinds: ["legal_person"], field: "legalRepresentative",
    message: "法人及非法人组织的法定代表人为空",
  },
  NATURAL_PERSON_ID_TYPE_MISSING: {
    kinds: BOTH, subjectKinds: ["natural_person"], field: "idType", message: "自然人证件类型为空",
  },
  NATURAL_PERSON_ID_MISSING: {
    kinds: BOTH, subjectKinds: ["natural_person"], field: "idNumber", message: "自然人证件号码为空",
  },
  DOC_NUMBER_MISSING: { kinds: BOTH, field: "docNumber", message: "决定文书号为空" },
  LICENSE_TYPE_MISSING: { kinds: LICENSE, field: "licenseType", message: "许可类别为空" },
  LICENSE_CONTENT_MISSING: { kinds: LICENSE, field: "licenseContent", message: "许可内容为空" },
  VIOLATION_TYPE_MISSING: { kinds: PENALTY, field: "violationType", message: "违法行为类型为空" },
  VIOLATION_FACTS_MISSING: { kinds: PENALTY, field: "violationFacts", message: "违法事实为空" },
  LEGAL_BASIS_MISSING: { kinds: PENALTY, field: "legalBasis", message: "处罚依据为空" },
  PENALTY_KIND_MISSING: { kinds: PENALTY, field: "penaltyKind", message: "处罚类别为空" },
  PENALTY_CONTENT_MISSING: { kinds: PENALTY, field: "penaltyContent", message: "处罚内容为空" },
  // 罚款金额（万元） is 必填 when 处罚类别 includes 罚款.
  FINE_AMOUNT_MISSING: { kinds: PENALTY, field: "fineAmountWan", message: "罚款金额缺失或不大于0" },
  DECISION_DATE_MISSING: { kinds: BOTH, field: "decisionDate", message: "决定日期为空" },
  DECISION_DATE_INVALID: { kinds: BOTH, field: "decisionDate", message: "决定日期不是有效日期（应为YYYY-MM-DD）" },
  DECISION_AFTER_REPORT: { kinds: BOTH, field: "decisionDate", message: "决定日期晚于上报日期" },
  DECISION_IN_FUTURE: { kinds: BOTH, field: "decisionDate", message: "决定日期晚于当前日期" },
  // 有效期自 / 有效期至 are 必填 for 许可; 长期有效 is written as 2099-12-31, never left empty.
  VALIDITY_START_MISSING: { kinds: LICENSE, field: "validFrom", message: "有效期自为空" },
  VALIDITY_START_INVALID: { kinds: LICENSE, field: "validFrom", message: "有效期自不是有效日期（应为YYYY-MM-DD）" },
  VALIDITY_END_MISSING: { kinds: LICENSE, field: "validTo", message: "有效期至为空" },
  VALIDITY_END_INVALID: { kinds: LICENSE, field: "validTo", message: "有效期至不是有效日期（应为YYYY-MM-DD）" },
  VALIDITY_END_BEFORE_START: { kinds: LICENSE, field: "validTo", message: "有效期至早于有效期自" },
  AUTHORITY_NAME_MISSING: { kinds: BOTH, field: "authorityName", message: "决定机关名称为空" },
  AUTHORITY_CODE_MISSING: { kinds: BOTH, field: "authorityCode", message: "决定机关统一社会信用代码为空" },
  AUTHORITY_CODE_INVALID: {
    kinds: BOTH, field: "authorityCode",
    message: "决定机关统一社会信用代码不符合GB 32100（长度、字符或校验码错误）",
  },
};

export const SGS_RULES: readonly SgsRule[] = SGS_RULE_CODES.map((code) => ({ code, ...SPECS[code] }));

export const SGS_RULE_BY_CODE: ReadonlyMap<string, SgsRule> = new Map(SGS_RULES.map((rule) => [rule.code, rule]));

export function isSgsRuleCode(code: string): code is SgsRuleCode {
  return SGS_RULE_BY_CODE.has(code);
}
