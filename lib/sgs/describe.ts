import { SGS_RULE_BY_CODE } from "./rules";

export interface FailedRuleDescription {
  code: string;
  /** Column key; "" for a code this version does not know. */
  field: string;
  message: string;
}

/**
 * Display rows for stored failure codes. Codes from an older or newer rule catalogue are shown
 * rather than dropped, so a record never looks compliant because of a version mismatch.
 */
export function describeFailedRules(codes: readonly string[]): FailedRuleDescription[] {
  return codes.map((code) => {
    const rule = SGS_RULE_BY_CODE.get(code);
    return rule
      ? { code, field: rule.field, message: rule.message }
      : { code, field: "", message: `未知规则（${code}）` };
  });
}
