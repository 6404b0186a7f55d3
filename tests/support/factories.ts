import type { Db } from "@/db/client";
import { createWorkCalendar } from "@/lib/calendar";
import { deriveSgsFacts } from "@/lib/sgs";
import { buildUscc, validateUscc } from "@/lib/uscc";
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

/** A valid enterprise code, different on every call. */
export function validCode(): string {
  return buildUscc("9", "1", "339902", `MA${String(next()).padStart(6, "0")}`);
}

/** A body; its code's validity is derived as the loaders derive it. */
export async function makeEntity(db: Db, overrides: Partial<NewEntity> & Pick<NewEntity, "districtId">) {
  const values = { name: `测试主体${next()}`, kind: "enterprise" as const, registeredOn: "2020-01-01", uscc: validCode(), ...overrides };
  const usccFailures = values.uscc ? JSON.stringify(validateUscc(values.uscc).reasons.map((r) => r.reason)) : null;
  const [row] = await db.insert(entities).values({ usccFailures, ...values }).returning();
  return row!;
}

const calendar = createWorkCalendar();

/** A compliant 许可 record unless overridden; its rule failures and lateness derived as the loaders derive them. */
export async function makeSgsRecord(
  db: Db, overrides: Partial<NewSgsRecord> & Pick<NewSgsRecord, "districtId" | "departmentId">,
) {
  const values: NewSgsRecord = {
    kind: "license", decisionDate: "2026-10-10", reportedDate: "2026-10-12", docNumber: `测许〔2026〕${next()}号`,
    subjectName: "测试科技有限公司", subjectKind: "legal_person", subjectCode: validCode(), legalRepresentative: "张三",
    authorityName: "测试局", authorityCode: buildUscc("1", "1", "339900", "MB000001"),
    licenseType: "普通", licenseContent: "食品经营许可", validFrom: "2026-10-10", validTo: "2031-10-09",
    ...overrides,
  };
  const [row] = await db.insert(sgsRecords).values({ ...deriveSgsFacts(values, calendar, "2026-11-24"), ...values }).returning();
  return row!;
}

export async function makeGovDefaultCase(db: Db, overrides: Partial<NewGovDefaultCase> & Pick<NewGovDefaultCase, "districtId">) {
  const [row] = await db.insert(govDefaultCases).values({
    caseNumber: `（2026）测执${next()}号`, court: "测试法院", debtorName: "测试镇人民政府",
    debtorKind: "government", openedOn: "2026-01-05", ...overrides,
  }).returning();
  return row!;
}

export async function loadCatalogue(db: Db, latestMonth: string) {
  const { DEFAULT_CATALOGUE } = await import("@/lib/indicators/catalogue");
  const { indicators, appMeta } = await import("@/db/schema");
  await db.insert(indicators).values([...DEFAULT_CATALOGUE]);
  await db.insert(appMeta).values({ key: "latest_month", value: latestMonth });
}
