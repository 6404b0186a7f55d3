import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { entities, supervisionItems } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { runCompute } from "@/lib/indicators/compute/run-compute";
import { acknowledgeItem } from "@/lib/supervision/actions";
import { openSupervision } from "@/lib/supervision/open";
import { write } from "@/lib/write";
import { bumpStoreVersion, notifyLocalChange } from "@/lib/write/store-version";
import { loadCatalogue, makeCity, makeEntity, validCode } from "@/tests/support/factories";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import { OFFICE_VIEWER } from "@/tests/support/viewers";
import { judgedItemRecords } from "./supervision";

let t: TestDb;
const server = globalThis as { creditDb?: Db };
beforeEach(async () => {
  t = await createTestDb();
  // The query modules read the server's one store (db/index.ts): this test's, with its version read afresh.
  server.creditDb = t.db;
  notifyLocalChange();
});
afterEach(() => {
  vi.restoreAllMocks();
  delete server.creditDb;
  t.cleanup();
});

describe("an item's records as its page shows them", () => {
  it("are judged once per store version: kept while nothing changes, judged again after a write here or on another server", async () => {
    const city = await makeCity(t.db, ["城关区"]);
    await loadCatalogue(t.db, "2026-10");
    const districtId = city.districts[0]!.id;
    const wrong = await makeEntity(t.db, { districtId, uscc: "9133990" });
    for (let i = 0; i < 4; i++) await makeEntity(t.db, { districtId });
    await runCompute(t.db, t.executor, ["2026-10"]);
    const opened = await openSupervision(t.db, OFFICE_VIEWER, { indicatorCode: "uscc_error_rate", orgUnitId: districtId, month: "2026-10", departmentIds: [city.departmentId], deadline: "2099-12-31" });
    if (!opened.ok) throw new Error(opened.message);
    const [item] = await t.db.select().from(supervisionItems).where(eq(supervisionItems.id, opened.value.id));
    const fixed = async () => [...(await judgedItemRecords(item!))!.fixed.values()];
    // The clock stands still from here, so the store's version is read again only when this process is told of a
    // change (or the clock is moved past the version's half-second below).
    let now = Date.now();
    vi.spyOn(Date, "now").mockImplementation(() => now);
    expect(await fixed()).toEqual([false]);

    // Corrected behind the write path's back, the store's version unchanged: the kept judgment stands.
    await t.db.update(entities).set({ uscc: validCode(), usccFailures: "[]" }).where(eq(entities.id, wrong.id));
    expect(await fixed()).toEqual([false]);

    // Any change through the write path marks the store changed, and this process hears it at once.
    const department: Viewer = { ...OFFICE_VIEWER, userId: 2, username: "dept", role: "department", departmentId: city.departmentId };
    expect(await write(t.db, department, acknowledgeItem, { itemId: item!.id })).toMatchObject({ ok: true });
    expect(await fixed()).toEqual([true]);

    // Another app server's change reaches this one through the version in the store, read again after half a second.
    await t.db.update(entities).set({ uscc: wrong.uscc, usccFailures: wrong.usccFailures }).where(eq(entities.id, wrong.id));
    await bumpStoreVersion(t.db);
    expect(await fixed()).toEqual([true]);
    now += 501;
    expect(await fixed()).toEqual([false]);
  });
});
