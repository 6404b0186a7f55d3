import "server-only";
import { desc } from "drizzle-orm";
import { getDb } from "@/db";
import type { Db } from "@/db/client";
import { cityMaps } from "@/db/schema";

/** The latest uploaded district boundaries, or null when the office has not uploaded any. */
export async function getCityMap(db: Db = getDb()): Promise<{ name: string; geoJson: object } | null> {
  const [row] = await db.select().from(cityMaps).orderBy(desc(cityMaps.id)).limit(1);
  return row ? { name: row.name, geoJson: JSON.parse(row.geoJson) as object } : null;
}
