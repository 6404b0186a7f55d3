import Database from "libsql";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import { inTransactionExecutor, isLocalTransaction } from "@/lib/write";
import { BulkInserter } from "./bulk-insert";
import { departments } from "./schema";
import { REUSED_STATEMENT } from "./statement-cache";

let store: TestDb;
beforeEach(async () => (store = await createTestDb()));
afterEach(() => store.cleanup());

const names = async () => (await store.db.$client.execute("SELECT name FROM departments ORDER BY id")).rows.map((r) => String(r.name));

describe("reused statements inside a client transaction", () => {
  it("prepares a marked INSERT once per connection and stores every row, in either row mode", async () => {
    const prepare = vi.spyOn(Database.prototype, "prepare");
    try {
      await store.db.transaction(async (tx) => {
        expect(isLocalTransaction(tx)).toBe(true);
        const inserter = new BulkInserter(inTransactionExecutor(tx), 1_000, { rows: "reused" });
        for (let i = 0; i < 250; i++) inserter.add(departments, { code: `D${i}`, name: `部门${i}`, shortName: `部${i}` });
        await inserter.flush();
        for (let i = 250; i < 300; i++) inserter.add(departments, { code: `D${i}`, name: `部门${i}`, shortName: `部${i}` });
        await inserter.flush();
      });
      // The spy sees every call the client makes; the native prepare under it runs once for the marked INSERT.
      const marked = prepare.mock.calls.filter(([sql]) => String(sql).startsWith(REUSED_STATEMENT));
      expect(marked).toHaveLength(300);
      expect(new Set(prepare.mock.results.filter((_, i) => String(prepare.mock.calls[i]![0]).startsWith(REUSED_STATEMENT)).map((r) => r.value)).size).toBe(1);
    } finally {
      prepare.mockRestore();
    }
    expect(await names()).toHaveLength(300);
    expect((await names())[299]).toBe("部门299");
  });

  it("raises a failing row's error, rolls the transaction back, and stays usable", async () => {
    const insertTwice = () => store.db.transaction(async (tx) => {
      const inserter = new BulkInserter(inTransactionExecutor(tx), 1_000, { rows: "reused" });
      inserter.add(departments, { code: "D1", name: "市市场监管局", shortName: "市场监管" });
      inserter.add(departments, { code: "D2", name: "市市场监管局", shortName: "市场监管" }); // the name is unique
      await inserter.flush();
    });
    await expect(insertTwice()).rejects.toThrow(/UNIQUE/);
    expect(await names()).toEqual([]);
    await store.db.transaction(async (tx) => {
      const inserter = new BulkInserter(inTransactionExecutor(tx), 1_000, { rows: "reused" });
      inserter.add(departments, { code: "D3", name: "市税务局", shortName: "税务" });
      await inserter.flush();
    });
    expect(await names()).toEqual(["市税务局"]);
  });

  it("writes through json_each for a server's one request, and prepares unmarked statements as before", async () => {
    expect((await store.db.$client.execute("SELECT 1 AS one")).rows[0]?.one).toBe(1);
    await store.db.transaction(async (tx) => {
      const inserter = new BulkInserter(inTransactionExecutor(tx), 1_000, { rows: "json" });
      inserter.add(departments, { code: "D4", name: "市人社局", shortName: "人社" });
      await inserter.flush();
    });
    expect(await names()).toEqual(["市人社局"]);
  });
});
