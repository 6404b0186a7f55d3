import type { Db } from "@/db/client";
import {
  departments, entities, govDefaultCases, orgUnits, sgsRecords,
  type NewEntity, type NewGovDefaultCase, type NewSgsRecord,
} from "@/db/schema";

let sequence = 0;
const next = () => ++sequence;

export interface TestCity {
  cityId: number;
  districts: { id: number; name: string; townIds: number[] }[];
  departmentId: number;
}

/** A city with the given districts, each with two towns, and one department. */
export async function makeCity(db: Db, districtNames: string[] = ["甲区", "乙县"]): Promise<TestCity> {
  const [city] = await db.insert(orgUnits).values({ code: `33${String(next()).padStart(4, "0")}`, name: "测试市", level: "city" }).returning();
  const districts = [];
  for (const [i, name] of districtNames.entries()) {
    const code = `3398${String(next()).padStart(2, "0")}`;
    const [district] = await db.insert(orgUnits)
      .values({ code, name, level: "district", districtKind: "administrative", parentId: city!.id, sortOrder: i + 1 })
      .returning();
    const towns = await db.insert(orgUnits).values([
      { code: `${code}001`, name: `${name}一街道`, level: "town", parentId: district!.id },
      { code: `${code}101`, name: `${name}二镇`, level: "town", parentId: district!.id },
    ]).returning();
    districts.push({ id: district!.id, name, townIds: towns.map((t) => t.id) });
  }
  const [department] = await db.insert(departments)
    .values({ code: `dept${next()}`, name: `测试局${sequence}`, shortName: "测试局" }).returning();
  return { cityId: city!.id, districts, departmentId: department!.id };
}

export async function makeEntity(db: Db, overrides: Partial<NewEntity> & Pick<NewEntity, "districtId">) {
  const [row] = await db.insert(entities).values({
    name: `测试主体${next()}`, kind: "enterprise", registeredOn: "2020-01-01", ...overrides,
  }).returning();
  return row!;
}

export async function makeSgsRecord(
  db: Db, overrides: Partial<NewSgsRecord> & Pick<NewSgsRecord, "districtId" | "departmentId">,
) {
  const [row] = await db.insert(sgsRecords).values({
    kind: "license", decisionDate: "2026-10-10", reportedDate: "2026-10-12", docNumber: `测许〔2026〕${next()}号`, ...overrides,
  }).returning();
  return row!;
}

export async function makeGovDefaultCase(db: Db, overrides: Partial<NewGovDefaultCase> & Pick<NewGovDefaultCase, "districtId">) {
  const [row] = await db.insert(govDefaultCases).values({
    caseNumber: `（2026）测执${next()}号`, court: "测试法院", debtorName: "测试镇人民政府",
    debtorKind: "government", openedOn: "2026-01-05", ...overrides,
  }).returning();
  return row!;
}
