import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import { makeCity, makeEntity, makeSgsRecord, validCode } from "@/tests/support/factories";
import { deferIndexesAndTriggers } from "./defer-indexes";
import type { Db } from "./client";
import { taxRatings, xydEnrolments, xydLoans } from "./schema";

let live: TestDb;
let loaded: TestDb;
beforeEach(async () => ([live, loaded] = [await createTestDb(), await createTestDb()]));
afterEach(() => [live, loaded].forEach((t) => t.cleanup()));

const schemaObjects = async (db: Db) =>
  (await db.$client.execute("SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name")).rows
    .map((r) => `${r.type} ${r.name} ${r.sql}`);
const flows = async (db: Db) =>
  (await db.$client.execute("SELECT fact, district_id, town_id, month, n FROM fact_flows WHERE n <> 0 ORDER BY 1, 2, 3, 4")).rows
    .map((r) => `${r.fact} ${r.district_id} ${r.town_id} ${r.month} ${r.n}`);
const monthFacts = async (db: Db) =>
  (await db.$client.execute("SELECT district_id, town_id, month, reported, compliant, timely, known FROM sgs_month_facts ORDER BY 1, 2, 3")).rows
    .map((r) => Object.values(r).join(" "));
const candidates = async (db: Db) =>
  (await db.$client.execute("SELECT uscc FROM shared_code_candidates ORDER BY uscc")).rows.map((r) => String(r.uscc));

/** The same records, whoever writes them: two enterprises sharing a code, one enrolled, rated and lent to. */
async function writeRecords(db: Db) {
  const city = await makeCity(db);
  const district = city.districts[0]!;
  const code = validCode();
  const a = await makeEntity(db, { districtId: district.id, townId: district.townIds[0], uscc: code, registeredOn: "2021-03-05" });
  await makeEntity(db, { districtId: district.id, uscc: code, registeredOn: "2022-07-01", exitedOn: "2025-02-10", exitKind: "revoked" });
  await db.insert(xydEnrolments).values({ entityId: a.id, enrolledOn: "2023-01-09", verifiedOn: "2023-02-01" });
  await db.insert(xydLoans).values({ entityId: a.id, grantedOn: "2024-05-20", amountWan: 50 });
  await db.insert(taxRatings).values([
    { entityId: a.id, ratingYear: 2022, grade: "A", publishedOn: "2023-04-20" },
    { entityId: a.id, ratingYear: 2023, grade: "B", publishedOn: "2024-04-20" },
  ]);
  await makeSgsRecord(db, { districtId: district.id, townId: district.townIds[0], departmentId: city.departmentId, entityId: a.id });
  await makeSgsRecord(db, { districtId: district.id, departmentId: city.departmentId, kind: "penalty", decisionDate: "2026-09-03", reportedDate: "2026-10-20" });
  return district;
}

describe("deferIndexesAndTriggers", () => {
  it("loads without indexes and triggers, then rebuilds what the triggers keep and brings both back", async () => {
    await writeRecords(live.db);
    const objects = await schemaObjects(loaded.db);

    await loaded.db.$client.execute("PRAGMA cache_size = -8000");
    await loaded.db.$client.execute("PRAGMA temp_store = MEMORY");
    // A connection that has used temporary storage cannot change where it keeps it inside a transaction.
    await loaded.db.$client.execute("CREATE TEMP TABLE used_before (a)");
    const restore = await deferIndexesAndTriggers(loaded.db.$client);
    const during = await schemaObjects(loaded.db);
    expect(during.filter((o) => o.startsWith("trigger"))).toEqual([]);
    expect(during.some((o) => o.includes("entities_uscc_idx"))).toBe(false);
    const district = await writeRecords(loaded.db);
    expect(await flows(loaded.db)).toEqual([]);
    expect(await monthFacts(loaded.db)).toEqual([]);
    await restore();
    // The connection sorts with a small cache, in files, only while it rebuilds.
    expect((await loaded.db.$client.execute("PRAGMA cache_size")).rows[0]?.[0]).toBe(-8000);
    expect((await loaded.db.$client.execute("PRAGMA temp_store")).rows[0]?.[0]).toBe(2);

    expect(await schemaObjects(loaded.db)).toEqual(objects);
    expect(await flows(loaded.db)).toEqual(await flows(live.db));
    expect(await monthFacts(loaded.db)).toEqual(await monthFacts(live.db));
    expect(await monthFacts(loaded.db)).toEqual([`${district.id} 0 2026-09 1 0 0 1`, `${district.id} ${district.townIds[0]} 2026-10 1 1 1 1`]);
    expect(await flows(loaded.db)).toEqual(expect.arrayContaining([
      `live_enterprise ${district.id} 0 2025-02 -1`, `tax_a ${district.id} ${district.townIds[0]} 2024-04 -1`,
    ]));
    // Each store has its own shared code (codes are made unique per call), and only that one.
    expect(await candidates(live.db)).toHaveLength(1);
    expect(await candidates(loaded.db)).toHaveLength(1);

    // The triggers are back: a new body is counted at once.
    await makeEntity(loaded.db, { districtId: district.id, registeredOn: "2026-01-15" });
    expect(await flows(loaded.db)).toContain(`live_enterprise ${district.id} 0 2026-01 1`);
  });
});
