import { FREQUENT_PENALTY_THRESHOLD } from "./discipline-facts";
import { createTriggerSql, migrationText, triggerMigrationStatements, type TriggerSpec } from "./trigger-sql";

/**
 * Enterprises that have had FREQUENT_PENALTY_THRESHOLD or more 行政处罚 records, kept in
 * `frequent_penalty_candidates` by triggers on `sgs_records`: a penalty inserted, or a record turned into a penalty
 * or moved to another body, adds its body once it has that many (counted through the body's penalty index). Never
 * pruned: a candidate whose penalties were since corrected away only costs a look at its few records.
 */
const candidate = `INSERT OR IGNORE INTO frequent_penalty_candidates (entity_id)
  SELECT NEW.entity_id WHERE NEW.kind = 'penalty' AND NEW.entity_id IS NOT NULL
    AND (SELECT count(*) FROM sgs_records WHERE entity_id = NEW.entity_id AND kind = 'penalty') >= ${FREQUENT_PENALTY_THRESHOLD}`;

const TRIGGERS: TriggerSpec[] = [
  { name: "frequent_penalty_candidates_insert", timing: "AFTER", event: "INSERT", table: "sgs_records", body: [candidate] },
  { name: "frequent_penalty_candidates_update", timing: "AFTER", event: "UPDATE OF entity_id, kind", table: "sgs_records", body: [candidate] },
];

export function frequentPenaltyTriggersSql(): string[] {
  return TRIGGERS.map(createTriggerSql);
}

/** Finds every candidate from the records (after a bulk load without triggers, and when the migration installs them). */
export function rebuildFrequentPenaltyCandidatesSql(): string[] {
  return [
    "DELETE FROM frequent_penalty_candidates",
    `INSERT INTO frequent_penalty_candidates (entity_id)
  SELECT entity_id FROM sgs_records WHERE kind = 'penalty' AND entity_id IS NOT NULL
  GROUP BY entity_id HAVING count(*) >= ${FREQUENT_PENALTY_THRESHOLD}`,
  ];
}

/** The migration that installs the triggers and fills the table; the test holds the file to this text. */
export const FREQUENT_PENALTY_MIGRATION = "0030_frequent_penalty_candidates_triggers";

export function frequentPenaltyMigrationSql(): string {
  return migrationText(triggerMigrationStatements(TRIGGERS, rebuildFrequentPenaltyCandidatesSql()));
}
