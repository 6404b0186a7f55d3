import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { indicators } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import { ensureDefaultCatalogue } from "./catalogue-store";

let t: TestDb;
beforeEach(async () => (t = await createTestDb()));
afterEach(() => t.cleanup());

describe("ensureDefaultCatalogue", () => {
  it("loads the twelve v1 indicators once and keeps the office's later edits", async () => {
    await ensureDefaultCatalogue(t.db);
    expect(await t.db.$count(indicators)).toBe(12);
    await t.db.update(indicators).set({ target: 25, weight: 12 }).where(eq(indicators.code, "xyd_enrolled_ratio"));
    await ensureDefaultCatalogue(t.db);
    const [edited] = await t.db.select().from(indicators).where(eq(indicators.code, "xyd_enrolled_ratio"));
    expect(edited).toMatchObject({ target: 25, weight: 12 });
    expect(await t.db.$count(indicators)).toBe(12);
  });
});
