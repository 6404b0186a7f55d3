/**
 * A city's district boundaries as offices get them (民政 or 自然资源 exports, DataV/阿里云 GeoJSON): a FeatureCollection
 * of Polygon or MultiPolygon features, each named by a division code (adcode, code, 行政区划代码…) or a name. Each
 * feature is matched to a district; what cannot be is listed, and geometry that is not a map is refused in Chinese.
 */
export const MAP_LIMIT_BYTES = 4 * 1024 * 1024;
const MAX_FEATURES = 500;
const MAX_POINTS = 300_000;

export interface MapUnit { id: number; code: string; name: string }
export type MapCheck =
  | { ok: true; geoJson: string; matched: { unit: string; feature: string }[]; unmatchedFeatures: string[]; unitsWithout: string[] }
  | { ok: false; error: string };

const CODE_KEYS = ["adcode", "code", "ADCODE", "CODE", "gb", "GB", "行政区划代码", "区划代码", "PAC", "pac"];
const NAME_KEYS = ["name", "NAME", "名称", "Name", "NAME_CHN", "区县", "XZQMC"];

export function checkCityMap(text: string, units: MapUnit[]): MapCheck {
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
  if (collection.features.length === 0) return { ok: false, error: "文件中没有任何区县边界" };
  if (collection.features.length > MAX_FEATURES) return { ok: false, error: `边界要素过多（${collection.features.length}个，最多${MAX_FEATURES}个）：请上传区县一级的边界` };
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
    if (type !== "Polygon" && type !== "MultiPolygon") return { ok: false, error: `${label}的图形是“${String(type)}”，区县边界应为 Polygon 或 MultiPolygon` };
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
    const unit = matchUnit(code === undefined ? null : String(code).trim(), name?.trim() ?? null, units);
    if (!unit || taken.has(unit.id)) {
      unmatchedFeatures.push(shown);
      continue;
    }
    taken.add(unit.id);
    matched.push({ unit: unit.name, feature: shown });
    // Kept under the unit's own name and code: the charts find districts by name.
    features.push({ type: "Feature", properties: { name: unit.name, code: unit.code }, geometry: { type, coordinates } });
  }
  if (matched.length === 0) return { ok: false, error: `没有一个要素能对应到本市的区县（读到：${unmatchedFeatures.slice(0, 5).join("、")}）：请确认是本市的区县边界，且要素带有名称或行政区划代码` };
  return {
    ok: true, geoJson: JSON.stringify({ type: "FeatureCollection", features }), matched, unmatchedFeatures,
    unitsWithout: units.filter((u) => !taken.has(u.id)).map((u) => u.name),
  };
}

/** A code matches on its first six digits (a 9- or 12-digit code names the same county); a name exactly, or without its suffix. */
function matchUnit(code: string | null, name: string | null, units: MapUnit[]): MapUnit | undefined {
  if (code && /^\d{6,12}$/.test(code)) {
    const found = units.find((u) => u.code.slice(0, 6) === code.slice(0, 6));
    if (found) return found;
  }
  if (!name) return undefined;
  const bare = (s: string) => s.replace(/(新区|开发区|高新区|自治县|自治旗|区|县|市|旗)$/, "");
  return units.find((u) => u.name === name) ?? units.find((u) => bare(u.name) === bare(name) && bare(name).length >= 2);
}
