import type { TargetUnit } from "./types";

type Kind = "percent" | "per_ten_thousand" | "count";

interface Rule {
  code: string;
  kind: Kind;
  /** Must appear in the task's text (the target's clause often drops it: "上报率、合规率均达到100%"). */
  context?: RegExp;
  subject: RegExp;
}

// Order matters: the first rule whose subject matches wins (及时 before 上报 in "上报及时率").
const RULES: Rule[] = [
  { code: "uscc_error_rate", kind: "per_ten_thousand", subject: /重错码|重码率|错码率/ },
  { code: "sgs_timeliness_rate", kind: "percent", context: /双公示/, subject: /及时/ },
  { code: "sgs_compliance_rate", kind: "percent", context: /双公示/, subject: /合规/ },
  { code: "sgs_report_rate", kind: "percent", context: /双公示/, subject: /上报|报送/ },
  { code: "xyd_verified_ratio", kind: "percent", context: /信易贷/, subject: /实名认证/ },
  { code: "xyd_loan_ratio", kind: "percent", context: /信易贷/, subject: /获贷|放贷/ },
  { code: "xyd_enrolled_ratio", kind: "percent", context: /信易贷/, subject: /入驻/ },
  { code: "tax_a_share", kind: "percent", subject: /A级纳税人/ },
  { code: "blacklist_exit_rate", kind: "percent", subject: /(?:信用修复|修复|退出).*(?:率|比例|占比|比重)/ },
  { code: "blacklist_share", kind: "percent", subject: /(?:严重失信|黑名单).*(?:占比|比例|比重)/ },
  { code: "frequent_penalty_count", kind: "count", subject: /高频失信/ },
  {
    code: "gov_default_open",
    kind: "count",
    subject: /政府机构失信|政务失信|(?:政府|机关|国有企业|国企).*失信被执行人|失信被执行人.*(?:政府|机关)/,
  },
];

/** A count target (500家) cannot be a ratio indicator, nor a percentage a count one. */
function fits(kind: Kind, unit: TargetUnit | null, value: number): boolean {
  if (unit === null) return kind !== "per_ten_thousand" || value === 0;
  if (unit === "%") return kind === "percent";
  if (unit === "‱") return kind === "per_ten_thousand";
  return kind === "count";
}

export function indicatorFor(subject: string, context: string, unit: TargetUnit | null, value: number): string | null {
  for (const rule of RULES) {
    if (rule.context && !rule.context.test(context)) continue;
    if (!rule.subject.test(subject)) continue;
    return fits(rule.kind, unit, value) ? rule.code : null;
  }
  return null;
}
