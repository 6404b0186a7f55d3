import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { departments, indicators, supervisionItemDepartments, supervisionItems, warnings } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { write } from "@/lib/write";
import { loadCatalogue, makeCity, type TestCity } from "@/tests/support/factories";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import { openForNewRedWarnings } from "./auto-open";
import { readSupervisionSettings, saveSupervisionSettings } from "./settings";
import { OFFICE_VIEWER } from "@/tests/support/viewers";

const office: Viewer = OFFICE_VIEWER;

describe("a new red warning opens a 督办 item by itself", () => {
  let t: TestDb;
  let city: TestCity;
  beforeEach(async () => {
    t = await createTestDb();
    city = await makeCity(t.db, ["城关区"]);
    await loadCatalogue(t.db, "2026-10");
    const [dep] = await t.db.select().from(departments).where(eq(departments.id, city.departmentId));
    await t.db.update(indicators).set({ ownerDepartments: JSON.stringify([dep!.code]) }).where(eq(indicators.code, "uscc_error_rate"));
    const red = (orgUnitId: number, indicatorCode: string, month = "2026-10") =>
      ({ month, orgUnitId, indicatorCode, kind: "red" as const, value: 9, target: 1, redLine: 5, owners: "[]", message: "红色预警" });
    await t.db.insert(warnings).values([
      red(city.districts[0]!.id, "uscc_error_rate"), red(city.districts[0]!.townIds[0]!, "uscc_error_rate"),
      red(city.districts[0]!.id, "sgs_report_rate"), red(city.districts[0]!.id, "uscc_error_rate", "2026-09"),
    ]);
  });
  afterEach(() => t.cleanup());

  it("only for the indicators the office switched on, the latest month, the city and districts, and once", async () => {
    expect(await openForNewRedWarnings(t.db, ["2026-10"])).toEqual([]);
    expect(await write(t.db, office, saveSupervisionSettings, { defaultWorkingDays: "5", autoOpen: ["uscc_error_rate"] })).toMatchObject({ ok: true });
    expect(await openForNewRedWarnings(t.db, ["2026-09"])).toEqual([]);
    const opened = await openForNewRedWarnings(t.db, ["2026-09", "2026-10"]);
    expect(opened).toHaveLength(1);
    const [item] = await t.db.select().from(supervisionItems).where(eq(supervisionItems.id, opened[0]!));
    expect(item).toMatchObject({ indicatorCode: "uscc_error_rate", orgUnitId: city.districts[0]!.id, month: "2026-10", warningKind: "red", districtId: city.districts[0]!.id, createdBy: "system" });
    expect(await t.db.select({ d: supervisionItemDepartments.departmentId }).from(supervisionItemDepartments)).toEqual([{ d: city.departmentId }]);
    expect(await openForNewRedWarnings(t.db, ["2026-10"])).toEqual([]);
  });

  it("keeps settings the office may change, refusing others and what does not exist", async () => {
    const dept: Viewer = { ...office, role: "department", departmentId: city.departmentId };
    expect(await write(t.db, dept, saveSupervisionSettings, { defaultWorkingDays: "5", autoOpen: [] })).toMatchObject({ ok: false, status: 403 });
    expect(await write(t.db, office, saveSupervisionSettings, { defaultWorkingDays: "0", autoOpen: [] })).toMatchObject({ ok: false, status: 422, fieldErrors: { defaultWorkingDays: "默认期限至少1个工作日" } });
    expect(await write(t.db, office, saveSupervisionSettings, { defaultWorkingDays: "5", autoOpen: ["nothing"] })).toMatchObject({ ok: false, status: 422, fieldErrors: { autoOpen: "所选指标不存在" } });
    expect(await readSupervisionSettings(t.db)).toEqual({ defaultWorkingDays: 10, autoOpen: [] });
    await write(t.db, office, saveSupervisionSettings, { defaultWorkingDays: "7", autoOpen: ["sgs_report_rate", "uscc_error_rate", "uscc_error_rate"] });
    expect(await readSupervisionSettings(t.db)).toEqual({ defaultWorkingDays: 7, autoOpen: ["sgs_report_rate", "uscc_error_rate"] });
  });
});
