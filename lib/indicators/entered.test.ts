import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { compositeScores, indicators, indicatorValues, orgUnits, warnings } from "@/db/schema";
import { systemViewer, type Viewer } from "@/lib/auth/viewer";
import { write } from "@/lib/write";
import { catalogueForMonth, loadCatalogueVersions } from "./catalogue-versions";
import { recomputeMonths } from "./compute/recompute-months";
import { addEnteredIndicator, parseEnteredValue, saveEnteredValues } from "./entered";
import { useDemoStore } from "@/tests/support/demo-store";

const office = systemViewer("测试");
let db: Db;
useDemoStore("entered", { seed: 5, entities: 3_000 }, (opened) => (db = opened));

const PROMISE = {
  name: "信用承诺覆盖率", category: "信用承诺", formula: "作出信用承诺的办理事项数 ÷ 应承诺事项数，各区县每月报送", unit: "percent", direction: "higher",
  target: "95", redLine: "90", zeroPoint: "60", weight: "10", owners: "", inComposite: true, effectiveFrom: "2026-10",
};

async function cityAndDistricts() {
  const units = await db.select().from(orgUnits);
  return { city: units.find((u) => u.level === "city")!, districts: units.filter((u) => u.level === "district") };
}

const compositeOf = async (month: string, orgUnitId: number) =>
  (await db.select().from(compositeScores).where(and(eq(compositeScores.month, month), eq(compositeScores.orgUnitId, orgUnitId))))[0]?.score;

describe("an indicator the records cannot compute", () => {
  it("is added from a month on, entered per unit, and scored, warned and weighed like any other from then only", async () => {
    const { city, districts } = await cityAndDistricts();
    const [a, b, c] = districts as [typeof districts[0], typeof districts[0], typeof districts[0]];
    const septemberBefore = await compositeOf("2026-09", city.id);
    const octoberBefore = await compositeOf("2026-10", a.id);

    const added = await write(db, office, addEnteredIndicator, PROMISE);
    expect(added.ok).toBe(true);
    const code = (added as { value: { code: string } }).value.code;
    const [row] = await db.select().from(indicators).where(eq(indicators.code, code));
    expect(row).toMatchObject({ source: "entered", name: "信用承诺覆盖率", weight: 10 });

    // In the catalogue from 2026-10 only: September weighs it 0 and keeps its composite.
    const forMonth = catalogueForMonth(await db.select().from(indicators), await loadCatalogueVersions(db));
    expect(forMonth("2026-09").find((i) => i.code === code)!.weight).toBe(0);
    expect(forMonth("2026-10").find((i) => i.code === code)!.weight).toBe(10);

    // Typed as offices type: a percent sign, full-width digits; a blank stays 未填报.
    const refused = await write(db, office, saveEnteredValues, { indicatorCode: code, month: "2026-10", values: [{ orgUnitId: a.id, value: "120" }, { orgUnitId: b.id, value: "八十" }] });
    expect(refused).toMatchObject({ ok: false, status: 422 });
    expect(Object.values((refused as { fieldErrors: Record<string, string> }).fieldErrors).join("；")).toMatch(/百分比不超过100.*不是数字/);
    const saved = await write(db, office, saveEnteredValues, {
      indicatorCode: code, month: "2026-10",
      values: [{ orgUnitId: city.id, value: "93" }, { orgUnitId: a.id, value: "９８%" }, { orgUnitId: b.id, value: "80" }, { orgUnitId: c.id, value: "" }],
    });
    expect(saved).toMatchObject({ ok: true, value: { saved: 3, cleared: 0 } });
    await recomputeMonths(db, ["2026-09", "2026-10"]);

    const values = await db.select().from(indicatorValues).where(and(eq(indicatorValues.indicatorCode, code), eq(indicatorValues.month, "2026-10")));
    const byUnit = new Map(values.map((v) => [v.orgUnitId, v]));
    expect(byUnit.get(a.id)).toMatchObject({ value: 98, score: 100 });
    expect(byUnit.get(b.id)!.value).toBe(80);
    expect(byUnit.get(b.id)!.score!).toBeLessThan(100);
    expect(byUnit.get(c.id)).toMatchObject({ value: null, score: null });
    expect(byUnit.get(city.id)!.value).toBe(93);
    // Below its red line: a red warning, as for a computed indicator.
    const red = await db.select().from(warnings).where(and(eq(warnings.indicatorCode, code), eq(warnings.month, "2026-10"), eq(warnings.kind, "red")));
    expect(red.map((w) => w.orgUnitId)).toEqual([b.id]);
    // It weighs in October's composite, not September's.
    expect(await compositeOf("2026-10", a.id)).not.toBe(octoberBefore);
    expect(await compositeOf("2026-09", city.id)).toBe(septemberBefore);
    expect((await db.select().from(indicatorValues).where(and(eq(indicatorValues.indicatorCode, code), eq(indicatorValues.month, "2026-09")))).every((v) => v.value === null)).toBe(true);

    // Clearing a value takes it out again.
    expect(await write(db, office, saveEnteredValues, { indicatorCode: code, month: "2026-10", values: [{ orgUnitId: b.id, value: " " }] }))
      .toMatchObject({ ok: true, value: { saved: 0, cleared: 1 } });
    await recomputeMonths(db, ["2026-10"]);
    expect((await db.select().from(warnings).where(and(eq(warnings.indicatorCode, code), eq(warnings.kind, "red")))).length).toBe(0);
  }, 60_000);

  it("refuses a name taken, rules that contradict the direction, values for a computed indicator, and anyone but the office", async () => {
    expect(await write(db, office, addEnteredIndicator, { ...PROMISE, name: "A级纳税人占比" })).toMatchObject({ ok: false, status: 422, fieldErrors: { name: "已有指标“A级纳税人占比”" } });
    const disordered = await write(db, office, addEnteredIndicator, { ...PROMISE, name: "信用网站维护", zeroPoint: "99" });
    expect(disordered).toMatchObject({ ok: false, status: 422 });
    expect((disordered as { message: string }).message).toContain("越高越好");
    const { districts } = await cityAndDistricts();
    expect(await write(db, office, saveEnteredValues, { indicatorCode: "tax_a_share", month: "2026-10", values: [{ orgUnitId: districts[0]!.id, value: "20" }] }))
      .toMatchObject({ ok: false, status: 422, message: "“A级纳税人占比”由记录计算得出，不能手工填报" });
    const department: Viewer = { ...office, role: "department", departmentId: 1, userId: 9 };
    expect(await write(db, department, addEnteredIndicator, { ...PROMISE, name: "典型案例报送数" })).toMatchObject({ ok: false, status: 403 });
  });
});

describe("parseEnteredValue", () => {
  it.each([
    ["98.5", 98.5], ["98.5%", 98.5], ["１２", 12], ["1,200", 1200], [" 3 件", 3], ["", null], ["  ", null], ["约90", "invalid"], ["9..5", "invalid"],
  ])("%s → %s", (text, expected) => expect(parseEnteredValue(text)).toBe(expected));
});
