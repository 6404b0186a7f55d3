import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import type { Db } from "@/db/client";
import { firstDayOfMonth, lastDayOfMonth, type IsoMonth } from "@/lib/dates";

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
 * Per district, as of the month's last day: bodies alive, 存续企业 (enterprises registered by then
 * and not yet deregistered or revoked), 双公示 decisions dated in the month, open government-default cases.
 */
export async function getDistrictOverview(month: IsoMonth, db: Db = getDb()): Promise<DistrictOverviewRow[]> {
  const start = firstDayOfMonth(month);
  const end = lastDayOfMonth(month);
  const rows = await db.all<{
    id: number; code: string; name: string; district_kind: string | null;
    entities: number; live_enterprises: number; sgs_records: number; open_cases: number;
  }>(sql`
    SELECT d.id, d.code, d.name, d.district_kind,
      (SELECT count(*) FROM entities e WHERE e.district_id = d.id
         AND e.registered_on <= ${end} AND (e.exited_on IS NULL OR e.exited_on > ${end})) AS entities,
      (SELECT count(*) FROM entities e WHERE e.district_id = d.id AND e.kind = 'enterprise'
         AND e.registered_on <= ${end} AND (e.exited_on IS NULL OR e.exited_on > ${end})) AS live_enterprises,
      (SELECT count(*) FROM sgs_records s WHERE s.district_id = d.id
         AND s.decision_date BETWEEN ${start} AND ${end}) AS sgs_records,
      (SELECT count(*) FROM gov_default_cases g WHERE g.district_id = d.id
         AND g.opened_on <= ${end} AND (g.closed_on IS NULL OR g.closed_on > ${end})) AS open_cases
    FROM org_units d
    WHERE d.level = 'district'
    ORDER BY d.sort_order`);
  return rows.map((r) => ({
    id: r.id, code: r.code, name: r.name, functional: r.district_kind === "functional",
    entities: r.entities, liveEnterprises: r.live_enterprises, sgsRecords: r.sgs_records, openGovDefaultCases: r.open_cases,
  }));
}
