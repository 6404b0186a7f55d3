import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEMO_DISTRICTS, townCode } from "./city";
import { DEMO_CITY_OUTLINE, demoCityGeoJson, demoTownGeoJson, ringArea, type Position } from "./geo";

const geo = demoCityGeoJson();
const rings = geo.features.map((f) => f.geometry.coordinates[0] as Position[]);

function bbox(ring: Position[]): string {
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].join(",");
}

/** Even–odd ray cast: whether p is strictly inside the ring. */
function contains(ring: Position[], p: Position): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as Position;
    const [xj, yj] = ring[j] as Position;
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

describe("demoCityGeoJson", () => {
  it("has one polygon per district, named and coded as the district", () => {
    expect(geo.type).toBe("FeatureCollection");
    expect(geo.features).toHaveLength(10);
    expect(geo.features.map((f) => f.properties)).toEqual(DEMO_DISTRICTS.map((d) => ({ name: d.name, code: d.code })));
    for (const f of geo.features) expect(f.geometry.type).toBe("Polygon");
  });

  it.each(geo.features.map((f, i) => [f.properties.name, rings[i] as Position[]] as const))(
    "%s: closed, counter-clockwise ring with positive area inside the city's lon/lat box",
    (_, ring) => {
      expect(ring.length).toBeGreaterThanOrEqual(4);
      expect(ring[ring.length - 1]).toEqual(ring[0]);
      expect(ringArea(ring)).toBeGreaterThan(0.005);
      for (const [lon, lat] of ring) {
        expect(lon).toBeGreaterThanOrEqual(120.0);
        expect(lon).toBeLessThanOrEqual(120.8);
        expect(lat).toBeGreaterThanOrEqual(29.6);
        expect(lat).toBeLessThanOrEqual(30.2);
      }
    },
  );

  it("gives every district its own bounding box", () => {
    expect(new Set(rings.map(bbox)).size).toBe(10);
  });

  it("tiles the outline without gaps or overlaps: areas add up to the outline's", () => {
    const total = rings.reduce((sum, ring) => sum + ringArea(ring), 0);
    expect(ringArea(DEMO_CITY_OUTLINE)).toBeGreaterThan(0);
    expect(total).toBeCloseTo(ringArea(DEMO_CITY_OUTLINE), 5);
  });

  it("puts each point of a sample grid in exactly one district", () => {
    for (let lon = 120.01; lon < 120.8; lon += 0.037) {
      for (let lat = 29.61; lat < 30.2; lat += 0.029) {
        const p: Position = [lon, lat];
        const hits = rings.filter((ring) => contains(ring, p)).length;
        expect(hits).toBe(contains([...DEMO_CITY_OUTLINE], p) ? 1 : 0);
      }
    }
  });

  it("is deterministic and plain JSON", () => {
    expect(demoCityGeoJson()).toEqual(geo);
    expect(JSON.parse(JSON.stringify(geo))).toEqual(geo);
  });
});

describe("demoTownGeoJson", () => {
  const towns = demoTownGeoJson();

  it("splits each district among its towns, coded as the generator codes them, without gaps or overlaps", () => {
    expect(towns.features.map((f) => f.properties.code)).toEqual(DEMO_DISTRICTS.flatMap((d) => d.towns.map((_, k) => townCode(d, k))));
    DEMO_DISTRICTS.forEach((district, i) => {
      const parts = towns.features.filter((f) => f.properties.code.startsWith(district.code));
      const area = parts.reduce((sum, f) => sum + ringArea(f.geometry.coordinates[0]!), 0);
      expect(area, district.name).toBeCloseTo(ringArea(rings[i]!), 5);
      for (const f of parts) expect(ringArea(f.geometry.coordinates[0]!), f.properties.name).toBeGreaterThan(0.0001);
    });
  });
});

describe("the sample files served for offices to start from", () => {
  it("are the demo city's own boundaries", () => {
    expect(JSON.parse(readFileSync("public/sample-town-map.geojson", "utf8"))).toEqual(demoTownGeoJson());
    expect(JSON.parse(readFileSync("public/sample-city-map.geojson", "utf8")).features.map((f: { properties: { code: string } }) => f.properties.code))
      .toEqual(demoCityGeoJson().features.map((f) => f.properties.code));
  });
});
