/**
 * The 双公示 facts of each district, town and decision month, kept in `sgs_month_facts` by triggers on
 * `sgs_records`: the month's records, those passing every field rule (failed_rules = '[]'), those reported in
 * time (working_days_late = 0) and those whose timeliness is known. A record counts in the month of its decision
 * date; one without a decision date counts nowhere, as in the scan this replaces. Every writer keeps the table
 * right through the triggers; a bulk load without triggers rebuilds it (db/defer-indexes.ts).
 */
import { createTriggerSql, migrationText, triggerMigrationStatements, type TriggerSpec } from "./trigger-sql";

/** The columns a record contributes, as `sign`: +1 for a row as it is now (NEW), −1 for one as it was (OLD). */
function contribution(row: "NEW" | "OLD", sign: 1 | -1): string {
  const s = sign === 1 ? "" : "-";
  return `INSERT INTO sgs_month_facts (district_id, town_id, month, reported, compliant, timely, known)
  SELECT ${row}.district_id, coalesce(${row}.town_id, 0), substr(${row}.decision_date, 1, 7), ${s}1,
    ${s}(coalesce(${row}.failed_rules = '[]', 0)), ${s}(coalesce(${row}.working_days_late = 0, 0)), ${s}(${row}.working_days_late IS NOT NULL)
  WHERE ${row}.decision_date IS NOT NULL
  ON CONFLICT (district_id, town_id, month) DO UPDATE SET reported = reported + excluded.reported,
    compliant = compliant + excluded.compliant, timely = timely + excluded.timely, known = known + excluded.known`;
}

// The columns the facts read: an update of any other column (a name, a content) leaves the counts alone.
const COUNTED_COLUMNS = "decision_date, district_id, town_id, failed_rules, working_days_late";

const TRIGGERS: TriggerSpec[] = [
  { name: "sgs_month_facts_insert", timing: "AFTER", event: "INSERT", table: "sgs_records", body: [contribution("NEW", 1)] },
  { name: "sgs_month_facts_delete", timing: "AFTER", event: "DELETE", table: "sgs_records", body: [contribution("OLD", -1)] },
  { name: "sgs_month_facts_update", timing: "AFTER", event: `UPDATE OF ${COUNTED_COLUMNS}`, table: "sgs_records", body: [contribution("OLD", -1), contribution("NEW", 1)] },
];

export function sgsMonthFactsTriggersSql(): string[] {
  return TRIGGERS.map(createTriggerSql);
}

/** Recounts the table from the records (after a bulk load without triggers, and when the migration installs it). */
export function rebuildSgsMonthFactsSql(): string[] {
  return [
    "DELETE FROM sgs_month_facts",
    `INSERT INTO sgs_month_facts (district_id, town_id, month, reported, compliant, timely, known)
  SELECT district_id, coalesce(town_id, 0), substr(decision_date, 1, 7), count(*), sum(coalesce(failed_rules = '[]', 0)),
    sum(coalesce(working_days_late = 0, 0)), sum(working_days_late IS NOT NULL)
  FROM sgs_records WHERE decision_date IS NOT NULL GROUP BY 1, 2, 3`,
  ];
}

/** The migration that installs the triggers and fills the table; the test holds the file to this text. */
export const SGS_MONTH_FACTS_MIGRATION = "0028_sgs_month_facts_triggers";

export function sgsMonthFactsMigrationSql(): string {
  return migrationText(triggerMigrationStatements(TRIGGERS, rebuildSgsMonthFactsSql()));
}
