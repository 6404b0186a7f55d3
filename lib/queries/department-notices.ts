import "server-only";
import { getDb } from "@/db";
import type { Db } from "@/db/client";
import { hasNoticeItems, loadAllDepartmentNoticeFacts, loadDepartmentNoticeFacts, noticeCounts, type NoticeCounts } from "@/lib/circular/department-notice";
import type { IsoMonth } from "@/lib/dates";

export const getDepartmentNotice = (month: IsoMonth, departmentId: number, db: Db = getDb()) => loadDepartmentNoticeFacts(db, month, departmentId);
export const getDepartmentNotices = (month: IsoMonth, db: Db = getDb()) => loadAllDepartmentNoticeFacts(db, month);

export interface NoticeSummary extends NoticeCounts { departmentId: number; shortName: string }

/** The departments with anything on their month's list, with how much, in the departments' order; null for a month not computed. */
export async function getNoticeSummaries(month: IsoMonth, db: Db = getDb()): Promise<NoticeSummary[] | null> {
  const all = await loadAllDepartmentNoticeFacts(db, month);
  return all && all.filter(hasNoticeItems).map((f) => ({ departmentId: f.department.id, shortName: f.department.shortName, ...noticeCounts(f) }));
}
