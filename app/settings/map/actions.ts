"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { requireRole } from "@/lib/auth/request";
import { checkCityMap, MAP_LIMIT_BYTES } from "@/lib/maps/geojson";
import type { MapLevel } from "@/lib/maps/geojson";
import { MAP_LEVEL_LABEL, mapUnits, saveCityMap } from "@/lib/maps/save-map";
import { write } from "@/lib/write";
import { submissionKeyOf, type FormState } from "../_lib/form-state";

export type MapFormState = FormState & { preview: { geoJson: string; matched: { unit: string; feature: string }[]; unmatchedFeatures: string[]; unitsWithout: string[] } | null };

/** 预览 checks the file and shows it on a map; 确认替换 sends the same file again and replaces the city's map. */
export async function mapAction(previous: MapFormState, form: FormData): Promise<MapFormState> {
  const viewer = await requireRole("office");
  const seq = previous.seq + 1;
  // 确认替换 saves the boundaries at the level they were previewed as, whatever the select says by then.
  const file = form.get("file");
  const chosen = file instanceof File && file.size > 0;
  // A file chosen anew is previewed first, even when 确认替换 was pressed.
  const saving = form.get("intent") === "save" && typeof form.get("previewed") === "string" && !chosen;
  const level: MapLevel = (saving ? form.get("previewedLevel") : form.get("level")) === "town" ? "town" : "district";
  const label = MAP_LEVEL_LABEL[level];
  const name = String(form.get("name") ?? "").trim() || `本市${label}边界`;
  const values = { name, level };
  // 确认替换 posts the previewed boundaries back (the file field is empty by then); they are checked again like a file.
  const previewed = form.get("previewed");
  if (!chosen && !(saving && previewed)) {
    return { ok: false, message: "请选择 GeoJSON 文件", errors: { file: "请选择 GeoJSON 文件" }, values, seq, preview: null };
  }
  if (chosen && file.size > MAP_LIMIT_BYTES) return { ok: false, message: `文件超过${MAP_LIMIT_BYTES / 1048576}MB：请先简化边界再上传`, errors: { file: "文件过大" }, values, seq, preview: null };
  const text = chosen ? new TextDecoder("utf-8").decode(await file.arrayBuffer()) : String(previewed);
  const db = getDb();
  const check = checkCityMap(text, await mapUnits(db, level), level);
  if (!check.ok) return { ok: false, message: check.error, errors: { file: check.error }, values, seq, preview: null };
  const preview = { geoJson: check.geoJson, matched: check.matched, unmatchedFeatures: check.unmatchedFeatures, unitsWithout: check.unitsWithout };
  if (!saving) return { ok: true, message: `对应${label}${check.matched.length}个，请查看预览后确认替换`, errors: {}, values, seq, preview };
  const outcome = await write(db, viewer, saveCityMap, { name, level, text }, { submissionKey: submissionKeyOf(form) });
  if (!outcome.ok) return { ok: false, message: outcome.message, errors: outcome.fieldErrors, values, seq, preview: null };
  revalidatePath("/", "layout");
  return { ok: true, message: level === "town" ? `已替换镇街地图，各区县页即显示下辖镇街（对应镇街${outcome.value.matched}个）` : `已替换地图，总览即显示（对应区县${outcome.value.matched}个）`, errors: {}, values: {}, seq, preview: null };
}
