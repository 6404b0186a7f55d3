import "server-only";
import { asc } from "drizzle-orm";
import { getDb } from "@/db";
import type { Db } from "@/db/client";
import { compositeScores } from "@/db/schema";
import type { IsoMonth } from "@/lib/dates";

/** The months whose indicators have been computed, oldest first. */
export async function getComputedMonths(db: Db = getDb()): Promise<IsoMonth[]> {
  const rows = await db.selectDistinct({ month: compositeScores.month }).from(compositeScores).orderBy(asc(compositeScores.month));
  return rows.map((r) => r.month);
}
