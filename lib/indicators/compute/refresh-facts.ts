import type { BatchExecutor, BatchStatement } from "@/db/batch-executor";
import type { Db } from "@/db/client";
import type { WorkCalendar } from "@/lib/calendar";
import { deriveSgsFacts, workingDaysLate, type SgsRuleInput } from "@/lib/sgs";
import { validateUscc } from "@/lib/uscc";

const PAGE = 5_000;

/** Pages of bodies whose code is not checked yet, and of 双公示 records lacking a derived fact (args: after id, limit). */
export const UNCHECKED_CODES_SQL = "SELECT id, uscc FROM entities WHERE id > ? AND uscc IS NOT NULL AND uscc_failures IS NULL ORDER BY id LIMIT ?";
export const RECORDS_LACKING_FACTS_SQL = "SELECT * FROM sgs_records WHERE id > ? AND (failed_rules IS NULL OR working_days_late IS NULL) ORDER BY id LIMIT ?";

/**
 * Derives the per-record facts that are missing: a code's failures, a record's failed rules and its
 * lateness (cleared when a holiday notice is entered). Loaders normally set them; this catches the rest.
 * Both scans walk partial indexes of exactly the rows lacking facts (entities_code_unchecked_idx,
 * sgs_facts_missing_idx), so when nothing is missing they cost nothing: keep their conditions word for word.
 */
export async function refreshRecordFacts(db: Db, executor: BatchExecutor, calendar: WorkCalendar, today: string) {
  let entities = 0;
  await forEachPage(db, UNCHECKED_CODES_SQL, async (rows) => {
    await executor.run(rows.map((r) => ({
      sql: "UPDATE entities SET uscc_failures = ? WHERE id = ?",
      args: [JSON.stringify(validateUscc(String(r.uscc)).reasons.map((x) => x.reason)), Number(r.id)],
    })));
    entities += rows.length;
  });
  let records = 0;
  await forEachPage(db, RECORDS_LACKING_FACTS_SQL, async (rows) => {
    const updates: BatchStatement[] = [];
    for (const row of rows) {
      const record = camelRecord(row);
      const late = workingDaysLate(record, calendar);
      if (record.failedRules === null) {
        updates.push({ sql: "UPDATE sgs_records SET failed_rules = ?, working_days_late = ? WHERE id = ?",
          args: [deriveSgsFacts(record, calendar, today).failedRules, late, record.id] });
      } else if (late !== null) {
        updates.push({ sql: "UPDATE sgs_records SET working_days_late = ? WHERE id = ?", args: [late, record.id] });
      }
    }
    if (updates.length > 0) await executor.run(updates);
    records += updates.length;
  });
  return { entities, records };
}

/** Walks `sql` (args: after id, limit) page by page in id order; rows a page leaves unchanged are not read again. */
async function forEachPage(db: Db, sql: string, handle: (rows: Record<string, unknown>[]) => Promise<void>) {
  for (let after = 0; ;) {
    const page = await db.$client.execute({ sql, args: [after, PAGE] });
    if (page.rows.length === 0) return;
    await handle(page.rows as unknown as Record<string, unknown>[]);
    after = Number(page.rows[page.rows.length - 1]!.id);
  }
}

// The rule checker reads the drizzle (camelCase) names; raw SQL rows carry the column names.
function camelRecord(row: Record<string, unknown>): SgsRuleInput & { id: number; failedRules: string | null } {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) out[key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())] = value;
  return out as unknown as SgsRuleInput & { id: number; failedRules: string | null };
}
