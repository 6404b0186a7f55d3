import { describe, expect, it } from "vitest";
import { checkCityMap } from "./geojson";

const units = [{ id: 1, code: "339902", name: "城关区" }, { id: 2, code: "339921", name: "清河县" }, { id: 3, code: "339981", name: "临溪市" }];
const square = (x: number) => [[[x, 30], [x + 0.1, 30], [x + 0.1, 30.1], [x, 30.1], [x, 30]]];
const feature = (properties: object, coordinates: unknown = square(120), type = "Polygon") => ({ type: "Feature", properties, geometry: { type, coordinates } });
const collection = (...features: object[]) => JSON.stringify({ type: "FeatureCollection", features });

describe("a city's district boundaries", () => {
  it("matches features by division code (any length) or by name, lists what it cannot, and keeps them under the unit's name", () => {
    const check = checkCityMap(collection(
      feature({ adcode: 339902, name: "某某区" }),
      feature({ NAME: "清河" }, [square(121)], "MultiPolygon"),
      feature({ name: "外省某县" }),
    ), units);
    if (!check.ok) throw new Error(check.error);
    expect(check.matched).toEqual([{ unit: "城关区", feature: "某某区" }, { unit: "清河县", feature: "清河" }]);
    expect(check.unmatchedFeatures).toEqual(["外省某县"]);
    expect(check.unitsWithout).toEqual(["临溪市"]);
    expect(JSON.parse(check.geoJson).features.map((f: { properties: object }) => f.properties)).toEqual([{ name: "城关区", code: "339902" }, { name: "清河县", code: "339921" }]);
  });

  it("refuses what is not a map, with the reason in Chinese", () => {
    const refused = (text: string) => { const c = checkCityMap(text, units); return c.ok ? "" : c.error; };
    expect(refused("{not json")).toContain("无法按 JSON 读取");
    expect(refused(JSON.stringify({ type: "Feature" }))).toContain("不是 GeoJSON 要素集合");
    expect(refused(collection(feature({ name: "城关区" }, [120, 30], "Point")))).toContain("应为 Polygon 或 MultiPolygon");
    expect(refused(collection(feature({ name: "城关区" }, [[[500000, 3300000], [500100, 3300000], [500100, 3300100], [500000, 3300000]]])))).toContain("投影坐标");
    expect(refused(collection(feature({ name: "城关区" }, [[[120, 30], [121, 30]]])))).toContain("少于4个点");
    expect(refused(collection(feature({ name: "外省某县" })))).toContain("没有一个要素能对应到本市的区县");
    expect(refused(" ".repeat(4 * 1024 * 1024 + 1))).toContain("文件超过4MB");
    const many = Array.from({ length: 300_001 }, () => [120, 30]);
    expect(refused(collection(feature({ name: "城关区" }, [[...many, many[0]]])))).toContain("坐标点过多");
  });
});

describe("a city's town boundaries", () => {
  const towns = [
    { id: 11, code: "339902001", name: "东大街街道" }, { id: 12, code: "339902101", name: "金桥镇" },
    { id: 21, code: "339921101", name: "城关镇" }, { id: 22, code: "339922101", name: "城关镇" },
  ];

  it("matches towns by their nine-digit code (a village's twelve-digit code included) or by a name only one town has", () => {
    const check = checkCityMap(collection(
      feature({ code: "339902001000" }),
      feature({ name: "金桥" }, square(121)),
      feature({ name: "城关镇" }, square(122)),
      feature({ adcode: "339922101", name: "城关镇" }, square(123)),
      feature({ adcode: "339902", name: "城关区" }, square(124)),
    ), towns, "town");
    if (!check.ok) throw new Error(check.error);
    expect(check.matched).toEqual([
      { unit: "东大街街道", feature: "339902001000" }, { unit: "金桥镇", feature: "金桥" }, { unit: "城关镇", feature: "城关镇" },
    ]);
    // Two towns called 城关镇: the name alone says neither; a district's six-digit code is no town's.
    expect(check.unmatchedFeatures).toEqual(["城关镇", "城关区"]);
    expect(check.unitsWithout).toEqual(["城关镇"]);
  });

  it("says 镇街 in its refusals", () => {
    const check = checkCityMap(collection(feature({ name: "外省某镇" })), towns, "town");
    expect(check.ok ? "" : check.error).toContain("没有一个要素能对应到本市的镇街");
  });
});
