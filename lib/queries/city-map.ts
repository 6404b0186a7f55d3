import "server-only";
import { desc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import type { Db } from "@/db/client";
import { cityMaps, type MapLevel } from "@/db/schema";

/** The latest uploaded district (or town) boundaries, or null when the office has not uploaded any. */
export async function getCityMap(db: Db = getDb(), level: MapLevel = "district"): Promise<{ name: string; geoJson: object } | null> {
  const [row] = await db.select().from(cityMaps).where(eq(cityMaps.level, level)).orderBy(desc(cityMaps.id)).limit(1);
  return row ? { name: row.name, geoJson: JSON.parse(row.geoJson) as object } : null;
}
