import "server-only";
import { eq } from "drizzle-orm";
import { appMeta, orgUnits } from "@/db/schema";
import { getDb } from "@/db";
import type { Db } from "@/db/client";
import { isIsoMonth, lastFullMonth, type IsoMonth } from "@/lib/dates";

export interface StoreStatus {
  isDemo: boolean;
  hasData: boolean;
  latestMonth: IsoMonth;
  /** What the last indicator computation could not take into account (e.g. a year without a holiday notice). */
  computeNotices: string[];
}

/** What the store holds: whether it is the demo city, and the latest month with data. */
export async function getStoreStatus(db: Db = getDb()): Promise<StoreStatus> {
  const [meta, city] = await Promise.all([
    db.select().from(appMeta),
    db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.level, "city")).limit(1),
  ]);
  const facts = new Map(meta.map((m) => [m.key, m.value]));
  const latest = facts.get("latest_month");
  return {
    isDemo: facts.get("dataset") === "demo",
    hasData: city.length > 0,
    latestMonth: latest && isIsoMonth(latest) ? latest : lastFullMonth(),
    computeNotices: parseNotices(facts.get("compute_notices")),
  };
}

function parseNotices(raw: string | undefined): string[] {
  try {
    const parsed: unknown = JSON.parse(raw ?? "[]");
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    return [];
  }
}
