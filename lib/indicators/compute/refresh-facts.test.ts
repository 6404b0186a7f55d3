import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { entities, sgsRecords } from "@/db/schema";
import { createWorkCalendar } from "@/lib/calendar";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import { makeCity, makeEntity, makeSgsRecord } from "@/tests/support/factories";
import { RECORDS_LACKING_FACTS_SQL, UNCHECKED_CODES_SQL, refreshRecordFacts } from "./refresh-facts";

let t: TestDb;
beforeEach(async () => (t = await createTestDb()));
afterEach(() => t.cleanup());

describe("refreshRecordFacts", () => {
  it("finds the records lacking facts through their partial indexes, never a scan of every record", async () => {
    for (const [sql, index] of [[UNCHECKED_CODES_SQL, "entities_code_unchecked_idx"], [RECORDS_LACKING_FACTS_SQL, "sgs_facts_missing_idx"]]) {
      const plan = await t.db.$client.execute({ sql: `EXPLAIN QUERY PLAN ${sql}`, args: [0, 10] });
      expect(plan.rows.map((r) => String(r.detail))).toEqual([expect.stringContaining(`USING INDEX ${index}`)]);
    }
  });

  it("derives a code's failures and a record's rule failures when a loader left them out", async () => {
    const city = await makeCity(t.db);
    const body = await makeEntity(t.db, { districtId: city.districts[0]!.id, uscc: "91339902MA0000001X" });
    await t.db.update(entities).set({ usccFailures: null }).where(eq(entities.id, body.id));
    const record = await makeSgsRecord(t.db, { districtId: city.districts[0]!.id, departmentId: city.departmentId });
    await t.db.update(sgsRecords).set({ failedRules: null }).where(eq(sgsRecords.id, record.id));

    expect(await refreshRecordFacts(t.db, t.executor, createWorkCalendar(), "2026-11-01")).toEqual({ entities: 1, records: 1 });
    const [stored] = await t.db.select().from(entities).where(eq(entities.id, body.id));
    expect(JSON.parse(stored!.usccFailures!)).not.toEqual([]);
    const [derived] = await t.db.select().from(sgsRecords).where(eq(sgsRecords.id, record.id));
    expect(derived!.failedRules).toBe("[]");
    expect(await refreshRecordFacts(t.db, t.executor, createWorkCalendar(), "2026-11-01")).toEqual({ entities: 0, records: 0 });
  });
});
