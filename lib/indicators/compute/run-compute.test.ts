import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { blacklistEntries, compositeScores, decisionCounts, indicatorValues, taxRatings, warnings } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import { loadCatalogue, makeCity, makeEntity, makeGovDefaultCase, makeSgsRecord, validCode } from "@/tests/support/factories";
import { runCompute } from "./run-compute";

let t: TestDb;
beforeEach(async () => (t = await createTestDb()));
afterEach(() => t.cleanup());

/**
 * A hand-built city, values worked out by hand (E = 2025-10-31 unless said):
 * 甲区: a1 enterprise; a2 enterprise deregistered on E (not 存续); a3 enterprise sharing its code with b1 of 乙县;
 *       a4 个体工商户 with an invalid code. 乙县: b1 (shared code), b2 with five penalties, one of them
 *       three years and one day old; b3 with five penalties in the window. 丙区: nobody at all.
 */
async function buildCity() {
  const city = await makeCity(t.db, ["甲区", "乙县", "丙区"]);
  const [a, b, c] = city.districts as [(typeof city.districts)[0], (typeof city.districts)[0], (typeof city.districts)[0]];
  await loadCatalogue(t.db, "2025-10");
  const shared = validCode();
  const a1 = await makeEntity(t.db, { districtId: a.id, townId: a.townIds[0] });
  await makeEntity(t.db, { districtId: a.id, exitedOn: "2025-10-31", exitKind: "deregistered" });
  const a3 = await makeEntity(t.db, { districtId: a.id, uscc: shared });
  // a1: B then A; a3: A then C. The latest rating published by the month end is the one that counts.
  await t.db.insert(taxRatings).values([
    { entityId: a1.id, ratingYear: 2023, grade: "B", publishedOn: "2024-04-20" },
    { entityId: a1.id, ratingYear: 2024, grade: "A", publishedOn: "2025-04-20" },
    { entityId: a3.id, ratingYear: 2023, grade: "A", publishedOn: "2024-04-20" },
    { entityId: a3.id, ratingYear: 2024, grade: "C", publishedOn: "2025-04-20" },
  ]);
  await makeEntity(t.db, { districtId: a.id, kind: "individual_business", uscc: "92339902MA0000001X" });
  const b1 = await makeEntity(t.db, { districtId: b.id, uscc: shared });
  const b2 = await makeEntity(t.db, { districtId: b.id });
  const b3 = await makeEntity(t.db, { districtId: b.id });
  // Two ratings published the same day: the later year is the latest. b1: A then C → not A; b2: A twice → counted once.
  await t.db.insert(taxRatings).values([
    { entityId: b1.id, ratingYear: 2023, grade: "A", publishedOn: "2025-04-20" },
    { entityId: b1.id, ratingYear: 2024, grade: "C", publishedOn: "2025-04-20" },
    { entityId: b2.id, ratingYear: 2023, grade: "A", publishedOn: "2025-04-20" },
    { entityId: b2.id, ratingYear: 2024, grade: "A", publishedOn: "2025-04-20" },
  ]);
  const penalty = { kind: "penalty" as const, districtId: b.id, departmentId: city.departmentId };
  for (const [entity, dates] of [
    [b2, ["2022-10-30", "2023-05-01", "2024-01-10", "2025-02-02", "2025-10-09"]],
    [b3, ["2022-11-01", "2023-05-01", "2024-01-10", "2025-02-02", "2025-10-09"]],
  ] as const) {
    for (const date of dates) await makeSgsRecord(t.db, { ...penalty, entityId: entity.id, decisionDate: date, reportedDate: date, validFrom: null, validTo: null });
  }
  const sgs = { districtId: a.id, townId: a.townIds[0], departmentId: city.departmentId };
  // 2025-09-30 is the working day before National Day: the 7th working day after it is 2025-10-16.
  await makeSgsRecord(t.db, { ...sgs, decisionDate: "2025-09-30", reportedDate: "2025-10-16" });
  await makeSgsRecord(t.db, { ...sgs, decisionDate: "2025-09-30", reportedDate: "2025-10-17" });
  // Saturday 2025-10-11 is a 调休 working day, so a decision of Friday 10-10 is due by 10-20, not 10-21.
  await makeSgsRecord(t.db, { ...sgs, decisionDate: "2025-10-10", reportedDate: "2025-10-21" });
  await makeSgsRecord(t.db, { ...sgs, decisionDate: "2025-10-15", reportedDate: "2025-10-20" });
  await makeSgsRecord(t.db, { ...sgs, decisionDate: "2025-10-20", reportedDate: "2025-10-22", docNumber: null });
  await t.db.insert(decisionCounts).values({ month: "2025-10", kind: "license", departmentId: city.departmentId, orgUnitId: a.id, decisions: 4 });
  await makeGovDefaultCase(t.db, { districtId: b.id, openedOn: "2025-05-06", closedOn: "2025-10-31" });
  await t.db.insert(blacklistEntries).values({ entityId: b1.id, listKind: "失信被执行人", listedOn: "2025-01-10", removedOn: "2025-10-31", departmentId: city.departmentId });
  // The edges of 2025-10's 12-month exit window: b2 left the list in 2024-10 (just outside), b3 in 2024-11 (inside).
  await t.db.insert(blacklistEntries).values([
    { entityId: b2.id, listKind: "失信被执行人", listedOn: "2023-06-01", removedOn: "2024-10-31", departmentId: city.departmentId },
    { entityId: b3.id, listKind: "失信被执行人", listedOn: "2024-01-02", removedOn: "2024-11-01", departmentId: city.departmentId },
  ]);
  return { city, a, b, c };
}

async function valueOf(orgUnitId: number, month: string, indicatorCode: string) {
  const [row] = await t.db.select().from(indicatorValues).where(and(
    eq(indicatorValues.orgUnitId, orgUnitId), eq(indicatorValues.month, month), eq(indicatorValues.indicatorCode, indicatorCode)));
  return row ? { n: row.numerator, d: row.denominator, v: row.value === null ? null : Math.round(row.value * 100) / 100 } : undefined;
}

describe("runCompute on a hand-built city", () => {
  it("computes each formula as of the month's last day", async () => {
    const { city, a, b, c } = await buildCity();
    const result = await runCompute(t.db, t.executor);
    expect(result.months).toHaveLength(24);
    expect(result.notices).toEqual([]);

    expect(await valueOf(a.id, "2025-10", "uscc_error_rate")).toEqual({ n: 2, d: 3, v: 6666.67 });
    expect(await valueOf(b.id, "2025-10", "uscc_error_rate")).toEqual({ n: 1, d: 3, v: 3333.33 });
    expect(await valueOf(city.cityId, "2025-10", "uscc_error_rate")).toEqual({ n: 3, d: 6, v: 5000 });
    // A district with no bodies has no data, never 0%.
    expect(await valueOf(c.id, "2025-10", "uscc_error_rate")).toEqual({ n: 0, d: 0, v: null });
    expect(await valueOf(c.id, "2025-10", "xyd_enrolled_ratio")).toEqual({ n: 0, d: 0, v: null });

    expect(await valueOf(a.id, "2025-10", "sgs_report_rate")).toEqual({ n: 3, d: 4, v: 75 });
    expect(await valueOf(a.id, "2025-10", "sgs_compliance_rate")).toEqual({ n: 2, d: 3, v: 66.67 });
    expect(await valueOf(a.id, "2025-10", "sgs_timeliness_rate")).toEqual({ n: 2, d: 3, v: 66.67 });
    expect(await valueOf(a.townIds[0]!, "2025-10", "sgs_timeliness_rate")).toEqual({ n: 2, d: 3, v: 66.67 });
    expect(await valueOf(a.id, "2025-09", "sgs_timeliness_rate")).toEqual({ n: 1, d: 2, v: 50 });
    expect(await valueOf(a.id, "2025-09", "sgs_report_rate")).toEqual({ n: 2, d: 0, v: null });
    // A month with no records at all.
    expect(await valueOf(a.id, "2025-08", "sgs_compliance_rate")).toEqual({ n: 0, d: 0, v: null });

    expect(await valueOf(b.id, "2025-10", "frequent_penalty_count")).toEqual({ n: 1, d: null, v: 1 });
    expect(await valueOf(city.cityId, "2025-10", "frequent_penalty_count")).toEqual({ n: 1, d: null, v: 1 });

    expect(await valueOf(b.id, "2025-09", "gov_default_open")).toEqual({ n: 1, d: null, v: 1 });
    expect(await valueOf(b.id, "2025-10", "gov_default_open")).toEqual({ n: 0, d: null, v: 0 });
    expect(await valueOf(b.id, "2025-09", "blacklist_share")).toEqual({ n: 1, d: 3, v: 33.33 });
    expect(await valueOf(b.id, "2025-10", "blacklist_share")).toEqual({ n: 0, d: 3, v: 0 });
    expect(await valueOf(b.id, "2025-10", "blacklist_exit_rate")).toEqual({ n: 2, d: 2, v: 100 });
    expect(await valueOf(b.id, "2025-09", "blacklist_exit_rate")).toEqual({ n: 2, d: 3, v: 66.67 });
    expect(await valueOf(a.id, "2025-10", "xyd_enrolled_ratio")).toEqual({ n: 0, d: 2, v: 0 });
    expect(await valueOf(a.id, "2025-10", "tax_a_share")).toEqual({ n: 1, d: 2, v: 50 });
    // Before 10-31 the deregistered enterprise still counts among 存续企业.
    expect(await valueOf(a.id, "2025-03", "tax_a_share")).toEqual({ n: 1, d: 3, v: 33.33 });
    // April 2025: a1's A arrives and a3's C replaces its A; still one, not two.
    expect(await valueOf(a.id, "2025-04", "tax_a_share")).toEqual({ n: 1, d: 3, v: 33.33 });
    expect(await valueOf(b.id, "2025-10", "tax_a_share")).toEqual({ n: 1, d: 3, v: 33.33 });
    expect(await valueOf(city.cityId, "2025-10", "tax_a_share")).toEqual({ n: 2, d: 5, v: 40 });
  });

  it("scores, ranks with shared ranks, and warns with the owning departments", async () => {
    const { a } = await buildCity();
    await runCompute(t.db, t.executor);
    const ranks = await t.db.select().from(compositeScores).where(and(eq(compositeScores.month, "2025-10"), eq(compositeScores.level, "district")));
    expect(ranks).toHaveLength(3);
    expect(ranks.every((r) => r.rank !== null && r.rank >= 1 && r.rank <= 3)).toBe(true);
    const red = await t.db.select().from(warnings).where(and(eq(warnings.month, "2025-10"), eq(warnings.orgUnitId, a.id), eq(warnings.indicatorCode, "uscc_error_rate")));
    expect(red.map((w) => w.kind)).toEqual(["red"]);
    expect(JSON.parse(red[0]!.owners)).toContain("samr");
    expect(red[0]!.message).toContain("甲区");
  });

  it("changes nothing when run again on the same data, and one month alone gives the same rows", async () => {
    await buildCity();
    await runCompute(t.db, t.executor);
    const dump = async () => JSON.stringify([
      await t.db.select().from(indicatorValues).orderBy(indicatorValues.month, indicatorValues.orgUnitId, indicatorValues.indicatorCode),
      await t.db.select().from(compositeScores).orderBy(compositeScores.month, compositeScores.orgUnitId),
      await t.db.select().from(warnings).orderBy(warnings.month, warnings.orgUnitId, warnings.indicatorCode, warnings.kind),
    ]);
    const first = await dump();
    await runCompute(t.db, t.executor);
    expect(await dump()).toBe(first);
    // Each month alone reads only what can count in it (the blacklist's exit window): the same rows.
    for (const month of ["2025-10", "2025-09"] as const) {
      await runCompute(t.db, t.executor, [month]);
      expect(await dump(), month).toBe(first);
    }
  });
});
