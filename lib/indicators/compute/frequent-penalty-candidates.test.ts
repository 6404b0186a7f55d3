import { readFileSync } from "node:fs";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MIGRATIONS_FOLDER } from "@/db/migrate";
import { sgsRecords } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import { makeCity, makeEntity, makeSgsRecord } from "@/tests/support/factories";
import { FREQUENT_PENALTY_THRESHOLD } from "./discipline-facts";
import { FREQUENT_PENALTY_MIGRATION, frequentPenaltyMigrationSql, rebuildFrequentPenaltyCandidatesSql } from "./frequent-penalty-candidates";

let t: TestDb;
beforeEach(async () => (t = await createTestDb()));
afterEach(() => t.cleanup());

const candidates = async () => (await t.db.$client.execute("SELECT entity_id FROM frequent_penalty_candidates ORDER BY 1")).rows.map((r) => Number(r.entity_id));

describe("高频处罚 candidates", () => {
  it("are installed by exactly the migration the generator writes", () => {
    expect(readFileSync(join(MIGRATIONS_FOLDER, `${FREQUENT_PENALTY_MIGRATION}.sql`), "utf8")).toBe(frequentPenaltyMigrationSql());
  });

  it("take an enterprise in at its fifth penalty, by insert or by a record corrected into a penalty of it, as a recount would", async () => {
    const city = await makeCity(t.db);
    const districtId = city.districts[0]!.id;
    const [many, few, moved] = [await makeEntity(t.db, { districtId }), await makeEntity(t.db, { districtId }), await makeEntity(t.db, { districtId })];
    const penalty = (entityId: number, i: number) => makeSgsRecord(t.db, { districtId, departmentId: city.departmentId, entityId, kind: "penalty", decisionDate: `2026-0${1 + (i % 9)}-10` });
    for (let i = 0; i < FREQUENT_PENALTY_THRESHOLD - 1; i++) await penalty(many.id, i);
    for (let i = 0; i < FREQUENT_PENALTY_THRESHOLD - 1; i++) await penalty(few.id, i);
    for (let i = 0; i < FREQUENT_PENALTY_THRESHOLD - 1; i++) await penalty(moved.id, i);
    expect(await candidates()).toEqual([]);
    await penalty(many.id, 9);
    expect(await candidates()).toEqual([many.id]);
    // A 许可 of another body corrected into a penalty of `moved`: its fifth.
    const license = await makeSgsRecord(t.db, { districtId, departmentId: city.departmentId, entityId: few.id });
    await t.db.update(sgsRecords).set({ kind: "penalty", entityId: moved.id }).where(eq(sgsRecords.id, license.id));
    expect(await candidates()).toEqual([many.id, moved.id].sort((a, b) => a - b));
    const kept = await candidates();
    await t.db.$client.batch(rebuildFrequentPenaltyCandidatesSql(), "write");
    expect(await candidates()).toEqual(kept);
  });
});
