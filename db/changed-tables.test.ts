import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import { tablesChangedWith, triggerWrites } from "./changed-tables";

describe("triggerWrites", () => {
  it("reads the tables a trigger's body writes, not the table it is on", () => {
    expect(triggerWrites(`CREATE TRIGGER x AFTER UPDATE OF a ON t FOR EACH ROW BEGIN
      INSERT OR IGNORE INTO one (a) SELECT 1 ON CONFLICT (a) DO UPDATE SET a = 2; UPDATE "two" SET a = 1; DELETE FROM \`three\`; END`).sort())
      .toEqual(["one", "three", "two"]);
  });
});

describe("tablesChangedWith", () => {
  let t: TestDb;
  beforeEach(async () => (t = await createTestDb()));
  afterEach(() => t.cleanup());

  it("follows the store's triggers from a table to every table they keep in step", async () => {
    const sgs = await tablesChangedWith(t.db.$client, ["sgs_records"]);
    expect([...sgs]).toEqual(expect.arrayContaining(["sgs_records", "sgs_month_facts", "frequent_penalty_candidates"]));
    expect(sgs.has("entities")).toBe(false);
    const bodies = await tablesChangedWith(t.db.$client, ["entities"]);
    expect([...bodies]).toEqual(expect.arrayContaining(["entities", "shared_code_candidates"]));
    expect(bodies.has("sgs_records")).toBe(false);
    expect([...await tablesChangedWith(t.db.$client, ["tax_ratings"])].sort()).toEqual(["fact_flows", "tax_ratings"]);
  });
});
