import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cityMaps, orgUnits } from "@/db/schema";
import { isOffice } from "@/lib/auth/scope";
import { todayInChina } from "@/lib/dates";
import { Refusal, z, type Tx, type WriteAction } from "@/lib/write";
import { checkCityMap, MAP_LIMIT_BYTES, type MapUnit } from "./geojson";

export async function districtUnits(db: Db | Tx): Promise<MapUnit[]> {
  return db.select({ id: orgUnits.id, code: orgUnits.code, name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.level, "district"));
}

const mapInput = z.object({
  name: z.string().trim().min(1, "请为地图命名").max(100, "名称不超过100字"),
  text: z.string().max(MAP_LIMIT_BYTES * 2, "文件过大"),
});

/** The office replaces the city's map with an uploaded one; the file is checked again here, never taken from a preview. */
export const saveCityMap: WriteAction<typeof mapInput, { matched: number }> = {
  name: "city_map.save", input: mapInput, allow: isOffice, refusal: "只有信用办可以上传地图",
  run: async (tx, input) => {
    const check = checkCityMap(input.text, await districtUnits(tx));
    if (!check.ok) throw new Refusal(422, check.error, { file: check.error });
    await tx.insert(cityMaps).values({ name: input.name, geoJson: check.geoJson, uploadedOn: todayInChina() });
    return { value: { matched: check.matched.length }, audit: { entityType: "city_map", entityId: input.name, summary: `上传区县边界“${input.name}”：对应区县${check.matched.length}个${check.unmatchedFeatures.length ? `，未对应要素${check.unmatchedFeatures.length}个` : ""}` } };
  },
};
