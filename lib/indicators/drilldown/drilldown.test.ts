import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { decisionCounts, departments, entities } from "@/db/schema";
import { systemViewer, type Viewer } from "@/lib/auth/viewer";
import { makeCity, makeEntity, makeGovDefaultCase, makeSgsRecord, validCode } from "@/tests/support/factories";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import { getDrilldown as drilldownFor, listedKeys, type DrilldownQuery } from "./index";
import { DRILLDOWN_SPECS } from "./specs";

const office = systemViewer("测试");
type Drill = Exclude<Awaited<ReturnType<typeof drilldownFor>>, "forbidden" | null>;
const getDrilldown = async (db: TestDb["db"], query: DrilldownQuery): Promise<Drill | null> => {
  const result = await drilldownFor(db, office, query);
  if (result === "forbidden") throw new Error("office refused");
  return result;
};

let t: TestDb;
beforeEach(async () => (t = await createTestDb()));
afterEach(() => t.cleanup());

async function buildCity() {
  const city = await makeCity(t.db, ["甲区", "乙县"]);
  const [a, b] = city.districts as [(typeof city.districts)[0], (typeof city.districts)[0]];
  const shared = validCode();
  await makeEntity(t.db, { districtId: a.id, name: "甲重码公司", uscc: shared });
  await makeEntity(t.db, { districtId: b.id, name: "乙重码公司", uscc: shared });
  await makeEntity(t.db, { districtId: a.id, name: "甲错码商店", kind: "individual_business", uscc: "92339902MA0000001X" });
  await makeEntity(t.db, { districtId: a.id, name: "甲正常公司" });
  const sgs = { districtId: a.id, townId: a.townIds[0], departmentId: city.departmentId };
  await makeSgsRecord(t.db, { ...sgs, subjectName: "迟报公司", decisionDate: "2025-10-10", reportedDate: "2025-10-23" });
  await makeSgsRecord(t.db, { ...sgs, decisionDate: "2025-10-15", reportedDate: "2025-10-20", docNumber: null });
  await makeSgsRecord(t.db, { ...sgs, decisionDate: "2025-10-16", reportedDate: "2025-10-20" });
  await t.db.insert(decisionCounts).values({ month: "2025-10", kind: "license", departmentId: city.departmentId, orgUnitId: a.id, decisions: 4 });
  await makeGovDefaultCase(t.db, { districtId: b.id, debtorName: "乙县某镇人民政府", openedOn: "2025-05-06" });
  return { city, a, b };
}

describe("getDrilldown", () => {
  it("lists the invalid and shared codes behind 重错码率, with the reason, paged and searchable", async () => {
    const { a } = await buildCity();
    const all = await getDrilldown(t.db, { indicatorCode: "uscc_error_rate", orgUnitId: a.id, month: "2025-10" });
    expect(all?.total).toBe(2);
    expect(Object.fromEntries(all!.rows.map((r) => [r.name, r.problem]))).toEqual({
      甲重码公司: "与其他1个主体重码",
      甲错码商店: expect.stringContaining("校验码"),
    });
    const page = await getDrilldown(t.db, { indicatorCode: "uscc_error_rate", orgUnitId: a.id, month: "2025-10", pageSize: 1, page: 2 });
    expect(page?.rows).toHaveLength(1);
    expect(page?.total).toBe(2);
    const found = await getDrilldown(t.db, { indicatorCode: "uscc_error_rate", orgUnitId: a.id, month: "2025-10", search: "错码" });
    expect(found?.rows.map((r) => r.name)).toEqual(["甲错码商店"]);
    const hostile = await getDrilldown(t.db, { indicatorCode: "uscc_error_rate", orgUnitId: a.id, month: "2025-10", search: "%' OR 1=1 --" });
    expect(hostile?.total).toBe(0);
  });

  it("shows late records with working days late, and non-compliant ones with the failed rules", async () => {
    const { a, city } = await buildCity();
    const late = await getDrilldown(t.db, { indicatorCode: "sgs_timeliness_rate", orgUnitId: a.id, month: "2025-10" });
    // Due 2025-10-20 (10-11 is a 调休 working Saturday); reported 10-23: three working days late.
    expect(late?.rows.map((r) => [r.subject_name, r.working_days_late, r.kind])).toEqual([["迟报公司", 3, "行政许可"]]);
    const bad = await getDrilldown(t.db, { indicatorCode: "sgs_compliance_rate", orgUnitId: city.cityId, month: "2025-10" });
    expect(bad?.rows.map((r) => r.problem)).toEqual(["决定文书号为空"]);
    const report = await getDrilldown(t.db, { indicatorCode: "sgs_report_rate", orgUnitId: a.id, month: "2025-10" });
    expect(report?.rows).toEqual([expect.objectContaining({ decisions: 4, reported: 3, gap: 1 })]);
  });

  it("lists open government-default cases by district, none for a town, and null for an unknown indicator", async () => {
    const { a, b } = await buildCity();
    const open = await getDrilldown(t.db, { indicatorCode: "gov_default_open", orgUnitId: b.id, month: "2025-10" });
    expect(open?.rows.map((r) => r.debtor_name)).toEqual(["乙县某镇人民政府"]);
    expect((await getDrilldown(t.db, { indicatorCode: "gov_default_open", orgUnitId: a.townIds[0]!, month: "2025-10" }))?.total).toBe(0);
    expect(await getDrilldown(t.db, { indicatorCode: "no_such_indicator", orgUnitId: a.id, month: "2025-10" })).toBeNull();
  });

  it("keeps a 区县 to its district and towns and a 部门 to its own records", async () => {
    const { a, b, city } = await buildCity();
    const [other] = await t.db.insert(departments).values({ code: "other", name: "市其他局", shortName: "市其他局" }).returning();
    await makeSgsRecord(t.db, { districtId: a.id, departmentId: other!.id, subjectName: "他局迟报公司", decisionDate: "2025-10-10", reportedDate: "2025-10-28" });
    const districtA: Viewer = { ...office, role: "district", districtId: a.id };
    const query = { indicatorCode: "sgs_timeliness_rate", month: "2025-10" } as const;
    expect(await drilldownFor(t.db, districtA, { ...query, orgUnitId: b.id })).toBe("forbidden");
    expect(await drilldownFor(t.db, districtA, { ...query, orgUnitId: city.cityId })).toBe("forbidden");
    expect(((await drilldownFor(t.db, districtA, { ...query, orgUnitId: a.townIds[0]! })) as Drill).total).toBe(1);
    expect(((await drilldownFor(t.db, districtA, { ...query, orgUnitId: a.id })) as Drill).total).toBe(2);

    const own: Viewer = { ...office, role: "department", departmentId: other!.id };
    const late = (await drilldownFor(t.db, own, { ...query, orgUnitId: city.cityId })) as Drill;
    expect(late.rows.map((r) => r.subject_name)).toEqual(["他局迟报公司"]);
    const report = (await drilldownFor(t.db, own, { indicatorCode: "sgs_report_rate", month: "2025-10", orgUnitId: a.id })) as Drill;
    expect(report.total).toBe(0);
    // Codes: only a registering authority sees the invalid codes, and only those it issued (first character).
    expect(((await drilldownFor(t.db, own, { indicatorCode: "uscc_error_rate", month: "2025-10", orgUnitId: a.id })) as Drill).total).toBe(0);
    await t.db.update(departments).set({ registersAuthority: "9" }).where(eq(departments.id, other!.id));
    const codes = (await drilldownFor(t.db, own, { indicatorCode: "uscc_error_rate", month: "2025-10", orgUnitId: a.id })) as Drill;
    expect(codes.rows.map((r) => r.name).sort()).toEqual(["甲重码公司", "甲错码商店"]);
  });
});

describe("a search that matches much of a unit", () => {
  it("counts its matches only so far past the page and says so; a narrower search is counted exactly", async () => {
    const city = await makeCity(t.db, ["甲区"]);
    const district = city.districts[0]!.id;
    await t.db.$client.execute({
      sql: `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1100)
        INSERT INTO entities (name, kind, district_id, registered_on, uscc, uscc_failures) SELECT '甲商贸有限公司' || i, 'enterprise', ?, '2020-01-01', NULL, NULL FROM n`,
      args: [district],
    });
    const query = { indicatorCode: "xyd_enrolled_ratio", orgUnitId: district, month: "2025-10" as const };
    const wide = await getDrilldown(t.db, { ...query, search: "商贸" });
    expect(wide?.rows).toHaveLength(50);
    expect(wide?.totalAtLeast).toBe(true);
    expect(wide?.total).toBe(50 + 1000);
    const narrow = await getDrilldown(t.db, { ...query, search: "有限公司108" });
    expect(narrow?.total).toBe(11); // 108 and 1080–1089
    expect(narrow?.totalAtLeast).toBeUndefined();
    const all = await getDrilldown(t.db, { ...query, search: "商贸", pageSize: 2000 });
    expect(all?.total).toBe(1100);
    expect(all?.totalAtLeast).toBeUndefined();
  });
});

describe("records asked for by key", () => {
  it("are those of them the listing holds — a record no longer listed or never listed is absent", async () => {
    const { a } = await buildCity();
    const query = { indicatorCode: "uscc_error_rate", orgUnitId: a.id, month: "2025-10" as const };
    const all = await getDrilldown(t.db, query);
    const listed = all!.rows.map((r) => Number(r.id));
    const [other] = await t.db.select({ id: entities.id }).from(entities).where(eq(entities.name, "甲正常公司"));
    const keysOf = async (ids: number[]) => {
      const statement = await listedKeys(t.db, office, query, "SELECT value FROM json_each(:asked)");
      if (!statement || statement === "forbidden") throw new Error("no keyed listing");
      const { rows } = await t.db.$client.execute({ sql: statement.sql, args: { ...statement.args, asked: JSON.stringify(ids) } });
      return rows.map((r) => Number(r[0])).sort();
    };
    expect(await keysOf([listed[0]!, other!.id])).toEqual([listed[0]]);
    expect(await keysOf([other!.id, ...listed])).toEqual([...listed].sort());
    // The keys are narrowed where the search is, in the listing's own WHERE (before any GROUP BY): every keyed spec has it there.
    for (const [code, spec] of Object.entries(DRILLDOWN_SPECS).filter(([, s]) => s.key)) {
      const before = spec.from.slice(0, spec.from.indexOf(":search"));
      expect(before, code).toMatch(/ WHERE /);
      // Not inside a subquery: as many brackets opened as closed before it.
      expect(before.split("(").length, code).toBe(before.split(")").length);
      if (spec.from.includes("GROUP BY")) expect(before, code).not.toContain("GROUP BY");
    }
    // Only a listing with a key can say which records it holds: the 上报率's per-department rows cannot.
    expect(await listedKeys(t.db, office, { ...query, indicatorCode: "sgs_report_rate" }, "SELECT 1")).toBeNull();
  });
});

describe("a large page", () => {
  it("is read in parts and comes back whole and in order, as the pages it spans", async () => {
    const city = await makeCity(t.db, ["甲区"]);
    const district = city.districts[0]!;
    const values = Array.from({ length: 4_500 }, (_, i) => ({
      districtId: district.id, name: `未入驻公司${i}`, kind: "enterprise" as const, registeredOn: `20${String(10 + (i % 10)).padStart(2, "0")}-01-01`,
      uscc: null, usccFailures: null,
    }));
    for (let i = 0; i < values.length; i += 500) await t.db.insert(entities).values(values.slice(i, i + 500));
    const query = { indicatorCode: "xyd_enrolled_ratio", month: "2025-10" as const, orgUnitId: district.id };
    const whole = (await getDrilldown(t.db, { ...query, pageSize: 4_000 }))!;
    expect(whole.total).toBe(4_500);
    expect(whole.rows).toHaveLength(4_000);
    const parts = [];
    for (let page = 1; page <= 4; page++) parts.push(...(await getDrilldown(t.db, { ...query, pageSize: 1_000, page }))!.rows);
    expect(whole.rows.map((r) => r.id)).toEqual(parts.map((r) => r.id));
    const last = (await getDrilldown(t.db, { ...query, pageSize: 4_000, page: 2 }))!;
    expect(last.rows).toHaveLength(500);
    expect(new Set([...whole.rows, ...last.rows].map((r) => r.id)).size).toBe(4_500);
  });
});

