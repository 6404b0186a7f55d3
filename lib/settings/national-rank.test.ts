import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditLog, nationalRanks } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { write } from "@/lib/write";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import { listNationalRanks, saveNationalRank } from "./national-rank";
import { OFFICE_VIEWER } from "@/tests/support/viewers";

const office: Viewer = OFFICE_VIEWER;

describe("the national rank, entered on screen", () => {
  let t: TestDb;
  beforeEach(async () => (t = await createTestDb()));
  afterEach(() => t.cleanup());

  it("is kept per month, corrected when entered again, and audited", async () => {
    expect(await write(t.db, office, saveNationalRank, { month: "2026-10", rank: "38", totalCities: "261", score: "" })).toMatchObject({ ok: true });
    expect(await write(t.db, office, saveNationalRank, { month: "2026-10", rank: "35", totalCities: "261", score: "83.5" })).toMatchObject({ ok: true });
    expect(await listNationalRanks(t.db)).toEqual([{ month: "2026-10", rank: 35, totalCities: 261, score: 83.5 }]);
    expect((await t.db.select({ s: auditLog.summary }).from(auditLog)).map((r) => r.s)).toEqual(["录入2026-10全国排名：第38名/261个城市", "更正2026-10全国排名：第35名/261个城市"]);
  });

  it("refuses figures that cannot be, and everyone but the office", async () => {
    const refused = (input: Record<string, string>) => write(t.db, office, saveNationalRank, { month: "2026-10", rank: "3", totalCities: "261", ...input });
    expect(await refused({ rank: "300" })).toMatchObject({ ok: false, status: 422, fieldErrors: { rank: "名次不能大于参评城市数" } });
    expect(await refused({ month: "2026-13" })).toMatchObject({ ok: false, status: 422, fieldErrors: { month: "月份应为 YYYY-MM，如 2026-10" } });
    expect(await refused({ rank: "2.5" })).toMatchObject({ ok: false, status: 422, fieldErrors: { rank: "名次应为整数" } });
    expect(await refused({ score: "120" })).toMatchObject({ ok: false, status: 422 });
    expect(await write(t.db, { ...office, role: "leader" }, saveNationalRank, { month: "2026-10", rank: "3", totalCities: "261" })).toMatchObject({ ok: false, status: 403 });
    expect(await t.db.select().from(nationalRanks)).toEqual([]);
  });
});
