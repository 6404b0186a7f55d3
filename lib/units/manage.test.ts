import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { compositeScores, indicatorValues, orgUnits } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { runCompute } from "@/lib/indicators/compute/run-compute";
import { write } from "@/lib/write";
import { loadCatalogue, makeCity, makeEntity, type TestCity } from "@/tests/support/factories";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import { retireUnit, saveUnit, unitTree } from "./manage";
import { OFFICE_VIEWER } from "@/tests/support/viewers";

const office: Viewer = OFFICE_VIEWER;

describe("districts and towns, kept by the office", () => {
  let t: TestDb;
  let city: TestCity;
  beforeEach(async () => {
    t = await createTestDb();
    city = await makeCity(t.db, ["城关区", "西山区"]);
    await loadCatalogue(t.db, "2026-10");
  });
  afterEach(() => t.cleanup());

  it("adds a 功能区 and a town, renames a district and corrects its code, and refuses a code already taken", async () => {
    const zone = await write(t.db, office, saveUnit, { code: "339971", name: "示范高新区", level: "district", districtKind: "functional" });
    if (!zone.ok) throw new Error(zone.message);
    expect(await write(t.db, office, saveUnit, { code: "339971001", name: "科创街道", level: "town", parentId: String(zone.value.id) })).toMatchObject({ ok: true });
    expect(await write(t.db, office, saveUnit, { code: "339971002", name: "无主街道", level: "town" })).toMatchObject({ ok: false, status: 422, fieldErrors: { parentId: "请选择所属区县" } });
    expect(await write(t.db, office, saveUnit, { code: "339971", name: "重码区", level: "district" })).toMatchObject({ ok: false, status: 409 });
    expect(await write(t.db, office, saveUnit, { code: "3399", name: "短码区", level: "district" })).toMatchObject({ ok: false, status: 422 });
    const body = await makeEntity(t.db, { districtId: city.districts[0]!.id });
    expect(await write(t.db, office, saveUnit, { id: String(city.districts[0]!.id), code: "339909", name: "城关新区", level: "district" })).toMatchObject({ ok: true });
    const tree = await unitTree(t.db);
    expect(tree.map((d) => [d.name, d.districtKind])).toEqual(expect.arrayContaining([["城关新区", "administrative"], ["示范高新区", "functional"]]));
    expect(tree.find((d) => d.name === "示范高新区")!.towns.map((x) => x.name)).toEqual(["科创街道"]);
    const [unit] = await t.db.select().from(orgUnits).where(eq(orgUnits.id, body.districtId));
    expect(unit!.name).toBe("城关新区");
  });

  it("leaves a retired district out of the months from its retirement, keeping the months before", async () => {
    const west = city.districts[1]!.id;
    for (let i = 0; i < 3; i++) await makeEntity(t.db, { districtId: west });
    await makeEntity(t.db, { districtId: city.districts[0]!.id });
    expect(await write(t.db, office, retireUnit, { id: String(west), retiredFrom: "2026-10" })).toMatchObject({ ok: true });
    await runCompute(t.db, t.executor);
    const valuesIn = async (month: string) => (await t.db.select().from(indicatorValues).where(and(eq(indicatorValues.orgUnitId, west), eq(indicatorValues.month, month)))).length;
    expect(await valuesIn("2026-09")).toBeGreaterThan(0);
    expect(await valuesIn("2026-10")).toBe(0);
    const [score] = await t.db.select().from(compositeScores).where(and(eq(compositeScores.orgUnitId, west), eq(compositeScores.month, "2026-10")));
    expect(score).toBeUndefined(); // not a row of 2026-10's ranking at all
    expect(await write(t.db, office, retireUnit, { id: String(city.cityId), retiredFrom: "2026-10" })).toMatchObject({ ok: false, status: 404 });
    expect(await write(t.db, { ...office, role: "leader" }, retireUnit, { id: String(west), retiredFrom: "" })).toMatchObject({ ok: false, status: 403 });
  });
});
