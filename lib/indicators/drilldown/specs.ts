/**
 * What lies behind each indicator's numerator, as SQL over the raw records. Placeholders:
 * :end (the month's last day), :start (its first day), the unit filter on `e` or `s`, and
 * `:department`, the filter a 部门 viewer sees its own records through.
 * Each spec names its columns in Chinese for screens and spreadsheets.
 */
export interface DrilldownSpec {
  title: string;
  /** FROM … WHERE …: `:unit(alias)` becomes the org-unit filter and `:search` the name/code search. */
  from: string;
  select: string;
  orderBy: string;
  search: string[];
  columns: { key: string; label: string }[];
  /**
   * Which of these records are a department's own (`:department` in `from` becomes this condition
   * with `:departmentId` / `:authority` bound), or "owner": all of them, for the departments that own
   * the indicator and none for others.
   */
  department: string | "owner";
  /**
   * How many records the unfiltered listing holds, read from the engine's value instead of counted again: its
   * numerator, or the gap between denominator and numerator (numerator.test.ts holds listing and value to one
   * meaning). Set where counting means reading a district's every body (seconds on the largest cities).
   */
  total?: "numerator" | "gap";
  /** The column that is a listed row's `id` (its identity), for asking which of given records are still listed. */
  key?: string;
}

/**
 * Bodies whose code is a problem: invalid, or shared with another body. Found from the few problem codes
 * outwards (a condition on every body made SQLite fetch all of them: 2.2 s on the 1M city, decision 005): the
 * invalid ones through their partial index, the shared ones from the engine's candidates (codes a second body
 * once carried, decision 014) — not by grouping every body's code (2 s on the 5M city).
 */
export const PROBLEM_CODE_BODY_IDS = `SELECT id FROM entities WHERE uscc_failures <> '[]'
  UNION SELECT o.id FROM shared_code_candidates c CROSS JOIN entities o ON o.uscc = c.uscc
    WHERE (SELECT count(*) FROM entities x WHERE x.uscc = c.uscc) > 1`;

/** A 双公示 record that breaks a field rule (合规率) / was reported late (及时率): the department lists use these too. */
export const SGS_NONCOMPLIANT = (a: string) => `${a}.failed_rules <> '[]'`;
export const SGS_LATE = (a: string) => `${a}.working_days_late > 0`;

const ALIVE = (a: string) => `${a}.registered_on <= :end AND (${a}.exited_on IS NULL OR ${a}.exited_on > :end)`;
const ENTERPRISE_COLUMNS = [
  { key: "name", label: "主体名称" }, { key: "uscc", label: "统一社会信用代码" },
  { key: "district", label: "区县" }, { key: "town", label: "镇街" },
];
const ENTITY_SELECT = "e.id, e.name, e.uscc, d.name AS district, t.name AS town";
const ENTITY_JOINS = "JOIN org_units d ON d.id = e.district_id LEFT JOIN org_units t ON t.id = e.town_id";
const SGS_SELECT = `s.id, s.kind, s.doc_number, s.subject_name, s.subject_code, s.decision_date, s.reported_date,
  dep.short_name AS department, d.name AS district`;
const SGS_JOINS = "JOIN departments dep ON dep.id = s.department_id JOIN org_units d ON d.id = s.district_id";
const SGS_COLUMNS = [
  { key: "kind", label: "类别" }, { key: "doc_number", label: "决定文书号" }, { key: "subject_name", label: "行政相对人" },
  { key: "subject_code", label: "统一社会信用代码" }, { key: "decision_date", label: "决定日期" },
  { key: "reported_date", label: "上报日期" }, { key: "department", label: "部门" }, { key: "district", label: "区县" },
];
const SGS_IN_MONTH = "s.decision_date >= :start AND s.decision_date <= :end";

export const DRILLDOWN_SPECS: Record<string, DrilldownSpec> = {
  uscc_error_rate: {
    title: "无效或重复的统一社会信用代码",
    select: `${ENTITY_SELECT}, e.uscc_failures,
      (SELECT count(*) FROM entities o WHERE o.uscc = e.uscc AND o.id <> e.id AND ${ALIVE("o")}) AS shared_with`,
    from: `entities e ${ENTITY_JOINS} WHERE e.id IN (${PROBLEM_CODE_BODY_IDS}) AND ${ALIVE("e")} AND :unit(e) AND :search AND e.uscc IS NOT NULL AND :department`,
    orderBy: "e.uscc, e.id",
    search: ["e.name", "e.uscc"],
    key: "e.id",
    columns: [...ENTERPRISE_COLUMNS, { key: "problem", label: "问题" }],
    // A registering authority fixes the codes it issued (a code's first character names it).
    department: "substr(e.uscc, 1, 1) = :authority",
  },
  sgs_report_rate: {
    title: "各部门作出决定数与上报记录数",
    // The unit's records of the month counted once, by department, through the unit's own index — not a count per
    // department through the department's index, which read its records in every district (2.6 s on the 5M city).
    select: `dep.short_name AS department, sum(c.decisions) AS decisions, coalesce(r.reported, 0) AS reported`,
    from: `decision_counts c JOIN departments dep ON dep.id = c.department_id
      JOIN org_units cu ON cu.id = c.org_unit_id
      LEFT JOIN (SELECT s.department_id, count(*) AS reported FROM sgs_records s WHERE ${SGS_IN_MONTH} AND :unit(s) GROUP BY s.department_id) r
        ON r.department_id = dep.id
      WHERE c.month = :month AND :unit(cu) AND :search AND :department GROUP BY dep.id`,
    orderBy: "sum(c.decisions) - reported DESC",
    search: ["dep.short_name"],
    columns: [{ key: "department", label: "部门" }, { key: "decisions", label: "作出决定数" }, { key: "reported", label: "已上报记录数" }, { key: "gap", label: "未上报" }],
    department: "dep.id = :departmentId",
  },
  sgs_compliance_rate: {
    title: "不合规的双公示记录",
    select: `${SGS_SELECT}, s.failed_rules`,
    from: `sgs_records s ${SGS_JOINS} WHERE ${SGS_IN_MONTH} AND :unit(s) AND :search AND :department AND ${SGS_NONCOMPLIANT("s")}`,
    orderBy: "s.decision_date, s.id",
    search: ["s.subject_name", "s.subject_code", "s.doc_number"],
    key: "s.id",
    columns: [...SGS_COLUMNS, { key: "problem", label: "不合规项" }],
    department: "s.department_id = :departmentId",
  },
  sgs_timeliness_rate: {
    title: "逾期上报的双公示记录",
    select: `${SGS_SELECT}, s.working_days_late`,
    from: `sgs_records s ${SGS_JOINS} WHERE ${SGS_IN_MONTH} AND :unit(s) AND :search AND :department AND ${SGS_LATE("s")}`,
    orderBy: "s.working_days_late DESC, s.id",
    search: ["s.subject_name", "s.subject_code", "s.doc_number"],
    key: "s.id",
    columns: [...SGS_COLUMNS, { key: "working_days_late", label: "逾期工作日" }],
    department: "s.department_id = :departmentId",
  },
  // What the 信易贷 ratios miss is what there is to do: the enterprises not yet enrolled, not yet verified, or
  // verified without a loan through the platform.
  xyd_enrolled_ratio: enterpriseGap("尚未入驻信易贷平台的存续企业",
    "NOT EXISTS (SELECT 1 FROM xyd_enrolments x WHERE x.entity_id = e.id AND x.enrolled_on <= :end)", "e.registered_on", "成立日期"),
  xyd_verified_ratio: enterpriseGap("尚未在信易贷平台实名认证的存续企业",
    "NOT EXISTS (SELECT 1 FROM xyd_enrolments x WHERE x.entity_id = e.id AND x.verified_on <= :end)",
    "coalesce((SELECT '已入驻（' || x.enrolled_on || '），未认证' FROM xyd_enrolments x WHERE x.entity_id = e.id AND x.enrolled_on <= :end), '未入驻')", "平台状态"),
  xyd_loan_ratio: enterpriseGap("已实名认证、尚未通过平台获得贷款的企业",
    `EXISTS (SELECT 1 FROM xyd_enrolments x WHERE x.entity_id = e.id AND x.verified_on <= :end)
      AND NOT EXISTS (SELECT 1 FROM xyd_loans l WHERE l.entity_id = e.id AND l.granted_on <= :end)`,
    "(SELECT x.verified_on FROM xyd_enrolments x WHERE x.entity_id = e.id)", "认证日期"),
  tax_a_share: enterpriseList("最近一次纳税信用评价为A级的存续企业",
    "JOIN tax_ratings r ON r.entity_id = e.id AND r.grade = 'A' AND r.published_on = (SELECT max(published_on) FROM tax_ratings WHERE entity_id = e.id AND published_on <= :end)",
    "r.rating_year", "评价年度"),
  blacklist_share: enterpriseList("月末仍在严重失信主体名单上的企业",
    "JOIN blacklist_entries b ON b.entity_id = e.id AND b.listed_on <= :end AND (b.removed_on IS NULL OR b.removed_on > :end)",
    "b.list_kind || '（' || b.listed_on || '列入）'", "名单", "b.department_id = :departmentId"),
  blacklist_exit_rate: {
    ...enterpriseList("近12个月移出名单的企业", "JOIN blacklist_entries b ON b.entity_id = e.id AND b.removed_on <= :end AND b.removed_on > :yearAgo",
      "b.list_kind || '（' || b.removed_on || '移出）'", "名单", "b.department_id = :departmentId"),
    from: `entities e ${ENTITY_JOINS} JOIN blacklist_entries b ON b.entity_id = e.id AND b.removed_on <= :end AND b.removed_on > :yearAgo WHERE e.kind = 'enterprise' AND :unit(e) AND :search AND :department`,
  },
  frequent_penalty_count: {
    title: "近3年受到5次及以上行政处罚的企业",
    select: `${ENTITY_SELECT}, count(*) AS penalties`,
    // From the engine's candidates (enterprises with enough penalties ever) to each one's penalties by its own index:
    // never a scan of three years of the city's penalties. CROSS JOIN keeps that order.
    from: `frequent_penalty_candidates c CROSS JOIN entities e ON e.id = c.entity_id ${ENTITY_JOINS}
      CROSS JOIN sgs_records s INDEXED BY sgs_entity_kind_decision_idx ON s.entity_id = e.id AND s.kind = 'penalty'
      AND s.decision_date > :threeYearsAgo AND s.decision_date <= :end
      WHERE e.kind = 'enterprise' AND :unit(e) AND :search GROUP BY e.id HAVING count(*) >= 5 AND :department`,
    orderBy: "count(*) DESC, e.id",
    search: ["e.name", "e.uscc"],
    key: "e.id",
    columns: [...ENTERPRISE_COLUMNS, { key: "penalties", label: "近3年处罚次数" }],
    // The firms it penalised itself (at least once among their penalties).
    department: "sum(s.department_id = :departmentId) > 0",
  },
  gov_default_open: {
    title: "月末未结的政府机构失信被执行人案件",
    select: "g.id, g.case_number, g.court, g.debtor_name, g.debtor_code, g.amount_wan, g.opened_on, d.name AS district",
    from: "gov_default_cases g JOIN org_units d ON d.id = g.district_id WHERE g.opened_on <= :end AND (g.closed_on IS NULL OR g.closed_on > :end) AND :unit(g) AND :search AND :department",
    department: "owner",
    orderBy: "g.opened_on, g.id",
    search: ["g.debtor_name", "g.case_number"],
    key: "g.id",
    columns: [
      { key: "case_number", label: "案号" }, { key: "court", label: "执行法院" }, { key: "debtor_name", label: "被执行人" },
      { key: "debtor_code", label: "统一社会信用代码" }, { key: "amount_wan", label: "标的（万元）" },
      { key: "opened_on", label: "立案日期" }, { key: "district", label: "区县" },
    ],
  },
};

function enterpriseList(title: string, join: string, detail: string, detailLabel: string, department: string | "owner" = "owner"): DrilldownSpec {
  return {
    title,
    department,
    select: `${ENTITY_SELECT}, ${detail} AS detail`,
    from: `entities e ${ENTITY_JOINS} ${join} WHERE e.kind = 'enterprise' AND ${ALIVE("e")} AND :unit(e) AND :search AND :department`,
    // The order of the unit's (district_id|town_id, kind, registered_on, exited_on) index: a page is read from it
    // and stops after its rows, instead of sorting a district's every enterprise first (2.7 s → 30 ms, 5M city).
    orderBy: "e.registered_on, e.exited_on, e.id",
    total: "numerator",
    search: ["e.name", "e.uscc"],
    key: "e.id",
    columns: [...ENTERPRISE_COLUMNS, { key: "detail", label: detailLabel }],
  };
}

/** Live enterprises that lack something an indicator counts: the gap between its numerator and denominator. */
function enterpriseGap(title: string, condition: string, detail: string, detailLabel: string): DrilldownSpec {
  return {
    ...enterpriseList(title, "", detail, detailLabel),
    total: "gap",
    from: `entities e ${ENTITY_JOINS} WHERE e.kind = 'enterprise' AND ${ALIVE("e")} AND ${condition} AND :unit(e) AND :search AND :department`,
  };
}
