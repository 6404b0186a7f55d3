/**
 * A city's district (or town) boundaries as offices get them (民政 or 自然资源 exports, DataV/阿里云 GeoJSON): a FeatureCollection
 * of Polygon or MultiPolygon features, each named by a division code (adcode, code, 行政区划代码…) or a name. Each
 * feature is matched to a district; what cannot be is listed, and geometry that is not a map is refused in Chinese.
 */
export const MAP_LIMIT_BYTES = 4 * 1024 * 1024;
const MAX_FEATURES = 500;
const MAX_POINTS = 300_000;

export interface MapUnit { id: number; code: string; name: string }
export type MapLevel = "district" | "town";
const LEVEL_LABEL: Record<MapLevel, string> = { district: "区县", town: "镇街" };
// A district's division code is 6 digits, a town's 9 (乡镇级); longer codes (villages) start with their town's.
const CODE_DIGITS: Record<MapLevel, number> = { district: 6, town: 9 };
export type MapCheck =
  | { ok: true; geoJson: string; matched: { unit: string; feature: string }[]; unmatchedFeatures: string[]; unitsWithout: string[] }
  | { ok: false; error: string };

const CODE_KEYS = ["adcode", "code", "ADCODE", "CODE", "gb", "GB", "行政区划代码", "区划代码", "PAC", "pac"];
const NAME_KEYS = ["name", "NAME", "名称", "Name", "NAME_CHN", "区县", "XZQMC"];

export function checkCityMap(text: string, units: MapUnit[], level: MapLevel = "district"): MapCheck {
  const levelLabel = LEVEL_LABEL[level];
  if (Buffer.byteLength(text) > MAP_LIMIT_BYTES) return { ok: false, error: `文件超过${MAP_LIMIT_BYTES / 1048576}MB：请先简化边界（如在 mapshaper 中简化到1%–5%）再上传` };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    return { ok: false, error: "不是有效的 GeoJSON：文件无法按 JSON 读取" };
  }
  const collection = data as { type?: unknown; features?: unknown };
  if (!collection || collection.type !== "FeatureCollection" || !Array.isArray(collection.features)) {
    return { ok: false, error: "不是 GeoJSON 要素集合（应为 {\"type\": \"FeatureCollection\", \"features\": [...]}）" };
  }
  if (collection.features.length === 0) return { ok: false, error: `文件中没有任何${levelLabel}边界` };
  if (collection.features.length > MAX_FEATURES) return { ok: false, error: `边界要素过多（${collection.features.length}个，最多${MAX_FEATURES}个）：请上传${levelLabel}一级的边界` };
  let points = 0;
  const matched: { unit: string; feature: string }[] = [];
  const unmatchedFeatures: string[] = [];
  const taken = new Set<number>();
  const features: object[] = [];
  for (const [i, raw] of (collection.features as unknown[]).entries()) {
    const feature = raw as { type?: unknown; properties?: Record<string, unknown> | null; geometry?: { type?: unknown; coordinates?: unknown } | null };
    const label = `第${i + 1}个要素`;
    if (!feature || feature.type !== "Feature" || !feature.geometry) return { ok: false, error: `${label}不是带几何图形的要素` };
    const { type, coordinates } = feature.geometry;
    if (type !== "Polygon" && type !== "MultiPolygon") return { ok: false, error: `${label}的图形是“${String(type)}”，${levelLabel}边界应为 Polygon 或 MultiPolygon` };
    const rings = type === "Polygon" ? [coordinates] : (Array.isArray(coordinates) ? coordinates : null);
    if (!Array.isArray(rings)) return { ok: false, error: `${label}的坐标不是数组` };
    for (const polygon of rings) {
      if (!Array.isArray(polygon) || polygon.length === 0) return { ok: false, error: `${label}的多边形为空` };
      for (const ring of polygon) {
        if (!Array.isArray(ring) || ring.length < 4) return { ok: false, error: `${label}有少于4个点的边界环` };
        for (const p of ring) {
          if (!Array.isArray(p) || typeof p[0] !== "number" || typeof p[1] !== "number" || !Number.isFinite(p[0]) || !Number.isFinite(p[1]) || Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90) {
            return { ok: false, error: `${label}有无效坐标（应为经度、纬度，经度在±180、纬度在±90之内；投影坐标请先转为 WGS84/GCJ-02 经纬度）` };
          }
          if (++points > MAX_POINTS) return { ok: false, error: `坐标点过多（超过${MAX_POINTS.toLocaleString("zh-CN")}个）：请先简化边界再上传` };
        }
      }
    }
    const props = feature.properties ?? {};
    const code = CODE_KEYS.map((k) => props[k]).find((v) => v !== undefined && v !== null && String(v).trim() !== "");
    const name = NAME_KEYS.map((k) => props[k]).find((v) => typeof v === "string" && v.trim() !== "") as string | undefined;
    const shown = name ?? (code !== undefined ? String(code) : label);
    const unit = matchUnit(code === undefined ? null : String(code).trim(), name?.trim() ?? null, units, CODE_DIGITS[level]);
    if (!unit || taken.has(unit.id)) {
      unmatchedFeatures.push(shown);
      continue;
    }
    taken.add(unit.id);
    matched.push({ unit: unit.name, feature: shown });
    // Kept under the unit's own name and code: the charts find districts by name.
    features.push({ type: "Feature", properties: { name: unit.name, code: unit.code }, geometry: { type, coordinates } });
  }
  if (matched.length === 0) return { ok: false, error: `没有一个要素能对应到本市的${levelLabel}（读到：${unmatchedFeatures.slice(0, 5).join("、")}）：请确认是本市的${levelLabel}边界，且要素带有名称或行政区划代码` };
  return {
    ok: true, geoJson: JSON.stringify({ type: "FeatureCollection", features }), matched, unmatchedFeatures,
    unitsWithout: units.filter((u) => !taken.has(u.id)).map((u) => u.name),
  };
}

/**
 * A code matches on its first digits of the level (six for a district, nine for a town: a longer code names a part of
 * it); a name exactly, or without its suffix when that leaves one unit only (two towns of a city may share a name).
 */
function matchUnit(code: string | null, name: string | null, units: MapUnit[], digits: number): MapUnit | undefined {
  if (code && new RegExp(`^\\d{${digits},12}$`).test(code)) {
    const found = units.find((u) => u.code.slice(0, digits) === code.slice(0, digits));
    if (found) return found;
  }
  if (!name) return undefined;
  const exact = units.filter((u) => u.name === name);
  if (exact.length === 1) return exact[0];
  if (exact.length > 1) return undefined;
  const bare = (s: string) => s.replace(/(新区|开发区|高新区|自治县|自治旗|街道办事处|街道|区|县|市|旗|镇|乡)$/, "");
  const close = units.filter((u) => bare(u.name) === bare(name) && bare(name).length >= 2);
  return close.length === 1 ? close[0] : undefined;
}

/** A stored map cut down to the units of these codes (a district's towns), under its own name; null when none is on it. */
export function mapOfUnits(map: { name: string; geoJson: object }, name: string, codes: ReadonlySet<string>): { name: string; geoJson: object } | null {
  const features = ((map.geoJson as { features?: { properties?: { code?: unknown } }[] }).features ?? []).filter((f) => codes.has(String(f.properties?.code ?? "")));
  return features.length > 0 ? { name, geoJson: { type: "FeatureCollection", features } } : null;
}
