import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { compositeScores, indicators, indicatorValues, orgUnits } from "@/db/schema";
import { systemViewer } from "@/lib/auth/viewer";
import { write } from "@/lib/write";
import { catalogueForMonth, loadCatalogueVersions, saveCatalogueVersion, versionInForce, versionLabel } from "./catalogue-versions";
import { recomputeMonths } from "./compute/recompute-months";
import { useDemoStore } from "@/tests/support/demo-store";

const office = systemViewer("测试");
let db: Db;
useDemoStore("catalogue", { seed: 3, entities: 3_000 }, (opened) => (db = opened));

async function entriesNow(change: (e: { indicatorCode: string; target: number; redLine: number; zeroPoint: number; weight: number; owners: string; inComposite: boolean }) => void = () => {}) {
  const rows = await db.select().from(indicators);
  return rows.map((i) => {
    const entry = { indicatorCode: i.code, target: i.target, redLine: i.redLine, zeroPoint: i.zeroPoint, weight: i.weight, owners: "", inComposite: i.weight > 0 };
    change(entry);
    return entry;
  });
}

const composite = async (month: string) => {
  const [city] = await db.select().from(orgUnits).where(eq(orgUnits.level, "city"));
  const [row] = await db.select().from(compositeScores).where(and(eq(compositeScores.month, month), eq(compositeScores.orgUnitId, city!.id)));
  return row!.score;
};

describe("the indicator catalogue, versioned by the month it takes effect", { timeout: 120_000 }, () => {
  it("refuses rules that cannot score, owners that do not exist, and a catalogue with nothing in the composite", async () => {
    const lowerTargetAboveZero = await entriesNow((e) => { if (e.indicatorCode === "uscc_error_rate") e.target = 999_999; });
    expect(await write(db, office, saveCatalogueVersion, { effectiveFrom: "2026-09", entries: lowerTargetAboveZero }))
      .toMatchObject({ ok: false, status: 422, fieldErrors: { "target.uscc_error_rate": expect.stringContaining("越低越好") } });
    const ghost = await entriesNow((e) => { if (e.indicatorCode === "tax_a_share") e.owners = "市税务局、不存在的局"; });
    expect(await write(db, office, saveCatalogueVersion, { effectiveFrom: "2026-09", entries: ghost }))
      .toMatchObject({ ok: false, status: 422, fieldErrors: { "owners.tax_a_share": expect.stringContaining("不存在的局") } });
    const none = await entriesNow((e) => { e.inComposite = false; });
    expect(await write(db, office, saveCatalogueVersion, { effectiveFrom: "2026-09", entries: none })).toMatchObject({ ok: false, status: 422 });
    expect(await write(db, { ...office, role: "leader" }, saveCatalogueVersion, { effectiveFrom: "2026-09", entries: await entriesNow() })).toMatchObject({ ok: false, status: 403 });
    expect(await loadCatalogueVersions(db)).toEqual([]);
  });

  it("scores months from the one chosen with the new rules, and earlier months as they were", async () => {
    const [before8, before9, before10] = [await composite("2026-08"), await composite("2026-09"), await composite("2026-10")];
    // Only the 信用信息归集 indicator counts from 2026-09 on.
    const onlyCodes = await entriesNow((e) => { e.inComposite = e.indicatorCode === "uscc_error_rate"; });
    const saved = await write(db, office, saveCatalogueVersion, { effectiveFrom: "2026-09", note: "测试：只计重错码率", entries: onlyCodes });
    expect(saved).toMatchObject({ ok: true });
    expect(await recomputeMonths(db, ["2026-08", "2026-09", "2026-10"].filter((m) => m >= "2026-09"))).toEqual(["2026-09", "2026-10"]);

    const versions = await loadCatalogueVersions(db);
    expect(versions.map((v) => [v.number, v.effectiveFrom, v.note])).toEqual([[1, "2000-01", "初始目录"], [2, "2026-09", "测试：只计重错码率"]]);
    expect(versionLabel(versionInForce(versions, "2026-08"))).toBe("指标目录第1版（初始目录）");
    expect(versionLabel(versionInForce(versions, "2026-10"))).toBe("指标目录第2版（2026-09起执行）");

    const [city] = await db.select().from(orgUnits).where(eq(orgUnits.level, "city"));
    const [codeScore] = await db.select({ s: indicatorValues.score }).from(indicatorValues)
      .where(and(eq(indicatorValues.month, "2026-10"), eq(indicatorValues.orgUnitId, city!.id), eq(indicatorValues.indicatorCode, "uscc_error_rate")));
    expect(await composite("2026-08")).toBe(before8);
    expect(await composite("2026-10")).toBe(codeScore!.s);
    expect([before9, before10]).not.toEqual([await composite("2026-09"), await composite("2026-10")]);
    // Pages show the rules in force in the latest month.
    const [tax] = await db.select().from(indicators).where(eq(indicators.code, "tax_a_share"));
    expect(tax!.weight).toBe(0);
    expect(catalogueForMonth(await db.select().from(indicators), versions)("2026-08").find((i) => i.code === "tax_a_share")!.weight).toBeGreaterThan(0);
  });
});
