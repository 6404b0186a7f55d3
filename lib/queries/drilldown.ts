import "server-only";
import { getDb } from "@/db";
import type { Db } from "@/db/client";
import { getDrilldown as getDrilldownFrom, type Drilldown, type DrilldownQuery } from "@/lib/indicators/drilldown";

/** The records behind an indicator's number for an org unit and month, from the app's store. */
export async function getDrilldown(query: DrilldownQuery, db: Db = getDb()): Promise<Drilldown | null> {
  return getDrilldownFrom(db, query);
}
