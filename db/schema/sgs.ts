import { sql } from "drizzle-orm";
import { sqliteTable, integer, text, real, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import { SGS_KINDS, SUBJECT_KINDS } from "./enums";
import { orgUnits, departments } from "./org";
import { entities } from "./entities";

/**
 * 双公示 records: administrative licensing (许可) and penalty (处罚) decisions as the departments
 * reported them. One table for both kinds; the penalty-only columns are null on licences.
 * Field names follow the national 双公示 data standard.
 */
export const sgsRecords = sqliteTable(
  "sgs_records",
  {
    id: integer("id").primaryKey(),
    kind: text("kind", { enum: SGS_KINDS }).notNull(),
    docNumber: text("doc_number"),
    subjectName: text("subject_name"),
    subjectKind: text("subject_kind", { enum: SUBJECT_KINDS }),
    subjectCode: text("subject_code"),
    legalRepresentative: text("legal_representative"),
    idType: text("id_type"),
    idNumber: text("id_number"),
    entityId: integer("entity_id").references(() => entities.id),
    decisionDate: text("decision_date"),
    reportedDate: text("reported_date").notNull(),
    authorityName: text("authority_name"),
    authorityCode: text("authority_code"),
    departmentId: integer("department_id").notNull().references(() => departments.id),
    districtId: integer("district_id").notNull().references(() => orgUnits.id),
    townId: integer("town_id").references(() => orgUnits.id),
    // 许可
    licenseType: text("license_type"),
    licenseContent: text("license_content"),
    validFrom: text("valid_from"),
    validTo: text("valid_to"),
    // 处罚
    violationType: text("violation_type"),
    violationFacts: text("violation_facts"),
    legalBasis: text("legal_basis"),
    penaltyKind: text("penalty_kind"),
    penaltyContent: text("penalty_content"),
    fineAmountWan: real("fine_amount_wan"),
    // JSON array of failed field-rule codes; null until the rules have been run.
    failedRules: text("failed_rules"),
    // Working days past the 7-working-day reporting deadline (0 = timely); null while the holiday
    // calendar does not cover the dates involved.
    workingDaysLate: integer("working_days_late"),
    // The import batch that last stored the record; null for records loaded before imports existed.
    importBatchId: integer("import_batch_id"),
  },
  (t) => [
    // The lateness and failed rules ride along so a drill-down to a unit's or a department's late or
    // non-compliant records of a month reads only the index, not every record of the month (decision 005); the
    // department too, so the 上报率 list counts a unit's records by department from the index alone (decision 015).
    index("sgs_district_decision_idx").on(t.districtId, t.decisionDate, t.workingDaysLate, t.failedRules, t.departmentId),
    index("sgs_town_decision_idx").on(t.townId, t.decisionDate, t.workingDaysLate, t.failedRules, t.departmentId),
    index("sgs_department_decision_idx").on(t.departmentId, t.decisionDate, t.workingDaysLate, t.failedRules),
    index("sgs_entity_kind_decision_idx").on(t.entityId, t.kind, t.decisionDate),
    // An import finds a record again by its natural key: authority and document number (checked in code).
    index("sgs_doc_number_idx").on(t.docNumber, t.kind),
    // No index leads with the decision date: the engine counts from sgs_month_facts and finds 高频处罚 through its
    // candidates (decision 014), and each index cost an import as much as its checks of a row (decision 012).
    // Records lacking derived facts, for the refresh before each computation (same condition as its query).
    index("sgs_facts_missing_idx").on(t.id).where(sql`failed_rules IS NULL OR working_days_late IS NULL`),
  ],
);

/** How many decisions each department made per district and month: the 上报率 denominator. */
export const decisionCounts = sqliteTable(
  "decision_counts",
  {
    id: integer("id").primaryKey(),
    month: text("month").notNull(),
    kind: text("kind", { enum: SGS_KINDS }).notNull(),
    departmentId: integer("department_id").notNull().references(() => departments.id),
    orgUnitId: integer("org_unit_id").notNull().references(() => orgUnits.id),
    decisions: integer("decisions").notNull(),
  },
  (t) => [uniqueIndex("decision_counts_uq").on(t.orgUnitId, t.month, t.departmentId, t.kind)],
);

export type SgsRecord = typeof sgsRecords.$inferSelect;
export type NewSgsRecord = typeof sgsRecords.$inferInsert;
export type NewDecisionCount = typeof decisionCounts.$inferInsert;

/**
 * The monthly 双公示情况表 a department files by the 10th: per month, unit and kind, the decisions it made, how
 * many it published on its own site and reported, how many it did not report and on what legal ground. Its
 * decision counts feed decision_counts, the 上报率 denominator.
 */
export const sgsMonthlyReports = sqliteTable(
  "sgs_monthly_reports",
  {
    id: integer("id").primaryKey(),
    month: text("month").notNull(),
    departmentId: integer("department_id").notNull().references(() => departments.id),
    orgUnitId: integer("org_unit_id").notNull().references(() => orgUnits.id),
    kind: text("kind", { enum: SGS_KINDS }).notNull(),
    decisions: integer("decisions").notNull(),
    publishedOwnSite: integer("published_own_site"),
    reported: integer("reported"),
    notReported: integer("not_reported"),
    notReportedGrounds: text("not_reported_grounds"),
    filedAt: text("filed_at").notNull(),
  },
  (t) => [uniqueIndex("sgs_monthly_reports_uq").on(t.month, t.departmentId, t.orgUnitId, t.kind)],
);
export type SgsMonthlyReport = typeof sgsMonthlyReports.$inferSelect;
