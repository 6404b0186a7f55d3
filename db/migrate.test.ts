import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import { migrateDb } from "./migrate";

let t: TestDb;
beforeEach(async () => (t = await createTestDb()));
afterEach(() => t.cleanup());

describe("migrations", () => {
  it("create every table with its named indexes, and a second run changes nothing", async () => {
    await migrateDb(t.db);
    const tables = await t.db.$client.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    expect(tables.rows.map((r) => r.name)).toEqual(expect.arrayContaining([
      "org_units", "departments", "entities", "sgs_records", "decision_counts", "xyd_enrolments", "xyd_loans",
      "tax_ratings", "blacklist_entries", "gov_default_cases", "national_ranks", "indicators", "indicator_values", "app_meta",
    ]));
    const indexes = await t.db.$client.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'");
    expect(indexes.rows.map((r) => r.name)).toEqual(expect.arrayContaining([
      "entities_district_kind_alive_idx", "sgs_district_decision_idx", "gov_default_district_opened_idx", "indicator_values_org_month_idx",
    ]));
  });
});
