import { and, eq } from "drizzle-orm";
import { decisionCounts, sgsMonthlyReports } from "@/db/schema";
import type { SgsKind } from "@/db/schema/enums";
import type { Tx } from "@/lib/write";

export interface MonthlyFigures {
  month: string;
  departmentId: number;
  orgUnitId: number;
  kind: SgsKind;
  decisions: number;
  publishedOwnSite: number | null;
  reported: number | null;
  notReported: number | null;
  notReportedGrounds: string | null;
}

/** What a 情况表 line says that does not add up, in Chinese; empty when it is consistent. */
export function monthlyProblems(f: MonthlyFigures): string[] {
  const out: string[] = [];
  if (f.reported !== null && f.notReported !== null && f.reported + f.notReported !== f.decisions) {
    out.push(`已上报数（${f.reported}）加未上报数（${f.notReported}）不等于作出决定数（${f.decisions}）`);
  }
  if (f.reported !== null && f.reported > f.decisions) out.push(`已上报数（${f.reported}）多于作出决定数（${f.decisions}）`);
  if (f.publishedOwnSite !== null && f.publishedOwnSite > f.decisions) out.push(`本单位网站公示数（${f.publishedOwnSite}）多于作出决定数（${f.decisions}）`);
  if ((f.notReported ?? 0) > 0 && !f.notReportedGrounds) out.push("有未上报的记录，但没有写明未上报的法定依据");
  return out;
}

/**
 * Stores one line of a department's 情况表 (from a file or the form), replacing what it filed before for the
 * same month, unit and kind; its decision count becomes the 上报率 denominator in decision_counts.
 */
export async function storeMonthlyFigures(tx: Tx, f: MonthlyFigures, filedAt: string): Promise<"inserted" | "updated" | "unchanged"> {
  const key = and(eq(sgsMonthlyReports.month, f.month), eq(sgsMonthlyReports.departmentId, f.departmentId), eq(sgsMonthlyReports.orgUnitId, f.orgUnitId), eq(sgsMonthlyReports.kind, f.kind));
  const [before] = await tx.select().from(sgsMonthlyReports).where(key);
  if (before && (Object.keys(f) as (keyof MonthlyFigures)[]).every((k) => (before[k] ?? null) === (f[k] ?? null))) return "unchanged";
  if (before) await tx.update(sgsMonthlyReports).set({ ...f, filedAt }).where(key);
  else await tx.insert(sgsMonthlyReports).values({ ...f, filedAt });
  await tx.insert(decisionCounts).values({ month: f.month, kind: f.kind, departmentId: f.departmentId, orgUnitId: f.orgUnitId, decisions: f.decisions })
    .onConflictDoUpdate({ target: [decisionCounts.orgUnitId, decisionCounts.month, decisionCounts.departmentId, decisionCounts.kind], set: { decisions: f.decisions } });
  return before ? "updated" : "inserted";
}
