import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db";
import type { Db } from "@/db/client";
import { indicatorValues, orgUnits } from "@/db/schema";
import type { IsoMonth } from "@/lib/dates";

export interface DistrictOverviewRow {
  id: number;
  code: string;
  name: string;
  functional: boolean;
  entities: number;
  liveEnterprises: number;
  sgsRecords: number;
  openGovDefaultCases: number;
}

/**
 * Per district, as of the month's last day, read from the computed values (the indicators' own
 * denominators and counts), so the page never scans the raw records: bodies with a code,
 * 存续企业, 双公示 records of the month's decisions, open government-default cases.
 */
export async function getDistrictOverview(month: IsoMonth, db: Db = getDb()): Promise<DistrictOverviewRow[]> {
  const [districts, cells] = await Promise.all([
    db.select().from(orgUnits).where(eq(orgUnits.level, "district")).orderBy(orgUnits.sortOrder),
    db.select().from(indicatorValues).where(and(eq(indicatorValues.month, month), inArray(indicatorValues.indicatorCode,
      ["uscc_error_rate", "xyd_enrolled_ratio", "sgs_compliance_rate", "gov_default_open"]))),
  ]);
  const get = (unit: number, code: string, part: "numerator" | "denominator") =>
    Number(cells.find((c) => c.orgUnitId === unit && c.indicatorCode === code)?.[part] ?? 0);
  return districts.map((d) => ({
    id: d.id, code: d.code, name: d.name, functional: d.districtKind === "functional",
    entities: get(d.id, "uscc_error_rate", "denominator"),
    liveEnterprises: get(d.id, "xyd_enrolled_ratio", "denominator"),
    sgsRecords: get(d.id, "sgs_compliance_rate", "denominator"),
    openGovDefaultCases: get(d.id, "gov_default_open", "numerator"),
  }));
}
