import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cityMaps, orgUnits } from "@/db/schema";
import { isOffice } from "@/lib/auth/scope";
import { todayInChina } from "@/lib/dates";
import { Refusal, z, type Tx, type WriteAction } from "@/lib/write";
import { checkCityMap, MAP_LIMIT_BYTES, type MapLevel, type MapUnit } from "./geojson";

export const MAP_LEVEL_LABEL: Record<MapLevel, string> = { district: "区县", town: "镇街" };

/** The units a map of this level is matched to: the districts (and 功能区), or the towns. */
export async function mapUnits(db: Db | Tx, level: MapLevel): Promise<MapUnit[]> {
  return db.select({ id: orgUnits.id, code: orgUnits.code, name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.level, level));
}

const mapInput = z.object({
  name: z.string().trim().min(1, "请为地图命名").max(100, "名称不超过100字"),
  level: z.enum(["district", "town"], { error: "请选择区县或镇街边界" }).default("district"),
  text: z.string().max(MAP_LIMIT_BYTES * 2, "文件过大"),
});

/** The office replaces the city's district (or town) map with an uploaded one; the file is checked again here, never taken from a preview. */
export const saveCityMap: WriteAction<typeof mapInput, { matched: number }> = {
  name: "city_map.save", input: mapInput, allow: isOffice, refusal: "只有信用办可以上传地图",
  run: async (tx, input) => {
    const label = MAP_LEVEL_LABEL[input.level];
    const check = checkCityMap(input.text, await mapUnits(tx, input.level), input.level);
    if (!check.ok) throw new Refusal(422, check.error, { file: check.error });
    await tx.insert(cityMaps).values({ name: input.name, level: input.level, geoJson: check.geoJson, uploadedOn: todayInChina() });
    return { value: { matched: check.matched.length }, audit: { entityType: "city_map", entityId: input.name, summary: `上传${label}边界“${input.name}”：对应${label}${check.matched.length}个${check.unmatchedFeatures.length ? `，未对应要素${check.unmatchedFeatures.length}个` : ""}` } };
  },
};
