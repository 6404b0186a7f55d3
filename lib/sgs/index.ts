export { SGS_RULES, SGS_RULE_BY_CODE, SGS_RULE_CODES, isSgsRuleCode } from "./rules";
export type { SgsRule, SgsRuleCode } from "./rules";
export type { SgsRuleInput } from "./input";
export { checkSgsRecord } from "./check";
export { describeFailedRules } from "./describe";
export type { FailedRuleDescription } from "./describe";
export { deriveSgsFacts, workingDaysLate, type SgsRecordFacts } from "./facts";
