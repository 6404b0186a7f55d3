import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Client } from "@libsql/client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MIGRATIONS_FOLDER } from "@/db/migrate";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import { makeCity, type TestCity } from "@/tests/support/factories";
import { IntervalCounter, MonthGrid } from "./grid";
import { countSgsFacts } from "./sgs-facts";
import { rebuildSgsMonthFactsSql, SGS_MONTH_FACTS_MIGRATION, sgsMonthFactsMigrationSql } from "./sgs-month-facts";
import { UnitIndex } from "./units";
import { orgUnits } from "@/db/schema";

let t: TestDb;
let city: TestCity;
beforeEach(async () => {
  t = await createTestDb();
  city = await makeCity(t.db);
});
afterEach(() => t.cleanup());

const kept = async (client: Client) => (await client.execute(
  "SELECT district_id, town_id, month, reported, compliant, timely, known FROM sgs_month_facts WHERE reported <> 0 OR compliant <> 0 OR timely <> 0 OR known <> 0 ORDER BY 1, 2, 3",
)).rows.map((r) => Object.values(r).map(String).join("|"));

/** The trigger-kept counts equal a recount from the records (which then replaces them). */
async function expectKeptEqualsRebuild(client: Client, step: string) {
  const before = await kept(client);
  await client.batch(rebuildSgsMonthFactsSql(), "write");
  expect(before, step).toEqual(await kept(client));
}

// The scan the table replaces, kept as the reference it must reproduce.
async function scannedCounts(client: Client, grid: MonthGrid, units: UnitIndex) {
  const make = () => new IntervalCounter(units.size, grid.size);
  const c = { reported: make(), compliant: make(), timely: make(), timelinessKnown: make() };
  const rows = await client.execute({
    sql: `SELECT district_id, town_id, substr(decision_date, 1, 7) AS month, count(*) AS n, sum(failed_rules = '[]') AS compliant,
            sum(working_days_late = 0) AS timely, sum(working_days_late IS NOT NULL) AS known
          FROM sgs_records WHERE decision_date >= ? AND decision_date <= ? GROUP BY 1, 2, 3`,
    args: [grid.firstStart, grid.lastEnd],
  });
  for (const r of rows.rows) {
    const chain = units.chainOfRow(r);
    const k = grid.indexOf(`${String(r.month)}-01`);
    c.reported.addAt(chain, k, Number(r.n));
    c.compliant.addAt(chain, k, Number(r.compliant ?? 0));
    c.timely.addAt(chain, k, Number(r.timely ?? 0));
    c.timelinessKnown.addAt(chain, k, Number(r.known ?? 0));
  }
  return Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v.finish()]));
}

describe("the 双公示 month facts", () => {
  it("are installed by exactly the migration the generator writes", () => {
    expect(readFileSync(join(MIGRATIONS_FOLDER, `${SGS_MONTH_FACTS_MIGRATION}.sql`), "utf8")).toBe(sgsMonthFactsMigrationSql());
  });

  it("follow every insert, correction, move and deletion of a record, and count as the scan of the records did", async () => {
    const client = t.db.$client;
    const [a, b] = city.districts;
    const insert = (id: number, district: number, town: number | null, date: string | null, failed: string | null, late: number | null) => client.execute({
      sql: `INSERT INTO sgs_records (id, kind, doc_number, decision_date, reported_date, department_id, district_id, town_id, failed_rules, working_days_late)
            VALUES (?, 'penalty', ?, ?, '2026-10-20', ?, ?, ?, ?, ?)`,
      args: [id, `罚〔2026〕${id}号`, date, city.departmentId, district, town, failed, late],
    });
    await insert(1, a!.id, a!.townIds[0]!, "2026-09-03", "[]", 0);
    await insert(2, a!.id, null, "2026-09-30", '["missing_code"]', 3);
    await insert(3, b!.id, b!.townIds[1]!, "2026-10-01", null, null);
    await insert(4, b!.id, null, null, "[]", 0); // no decision date: counted nowhere
    await insert(5, a!.id, a!.townIds[1]!, "2026-10-15", "[]", null);
    await expectKeptEqualsRebuild(client, "inserts");
    // The engine fills in the facts of a record it had not checked; a correction moves a record's month and town.
    await client.execute("UPDATE sgs_records SET failed_rules = '[]', working_days_late = 0 WHERE id = 3");
    await client.execute({ sql: "UPDATE sgs_records SET decision_date = '2026-10-02', town_id = ? WHERE id = 1", args: [a!.townIds[1]!] });
    await client.execute({ sql: "UPDATE sgs_records SET district_id = ?, town_id = NULL WHERE id = 5", args: [b!.id] });
    await client.execute("UPDATE sgs_records SET decision_date = '2026-09-09' WHERE id = 4");
    await client.execute({ sql: "UPDATE sgs_records SET town_id = ? WHERE id = 3", args: [b!.townIds[0]!] }); // the town alone
    await client.execute("UPDATE sgs_records SET subject_name = '某公司' WHERE id = 2"); // a column the facts do not read
    await expectKeptEqualsRebuild(client, "updates");
    await client.execute("DELETE FROM sgs_records WHERE id IN (2, 3)");
    await expectKeptEqualsRebuild(client, "deletes");

    const grid = new MonthGrid(["2026-08", "2026-09", "2026-10"]);
    const units = new UnitIndex(await t.db.select().from(orgUnits));
    const counted = await countSgsFacts(client, grid, units);
    const scanned = await scannedCounts(client, grid, units);
    expect({ reported: counted.reported, compliant: counted.compliant, timely: counted.timely, timelinessKnown: counted.timelinessKnown }).toEqual(scanned);
    expect((await kept(client)).length).toBeGreaterThan(1);
  });
});
