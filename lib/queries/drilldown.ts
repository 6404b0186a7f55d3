import "server-only";
import { getDb } from "@/db";
import type { Db } from "@/db/client";
import type { Viewer } from "@/lib/auth/viewer";
import { getDrilldown as getDrilldownFrom, type Drilldown, type DrilldownQuery } from "@/lib/indicators/drilldown";

/** The records behind an indicator's number for an org unit and month, as the viewer may see them. */
export async function getDrilldown(viewer: Viewer, query: DrilldownQuery, db: Db = getDb()): Promise<Drilldown | "forbidden" | null> {
  return getDrilldownFrom(db, viewer, query);
}
