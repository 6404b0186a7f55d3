import { DEMO_DISTRICTS, townCode } from "./city";

export type Position = [number, number];

export interface DistrictFeature {
  type: "Feature";
  properties: { name: string; code: string };
  geometry: { type: "Polygon"; coordinates: Position[][] };
}

export interface FeatureCollection {
  type: "FeatureCollection";
  features: DistrictFeature[];
}

/** The city's fictional outline: a convex ring (counter-clockwise, lon/lat), so every Voronoi cell clipped to it is one piece. */
export const DEMO_CITY_OUTLINE: readonly Position[] = [
  [120.22, 29.6], [120.52, 29.61], [120.7, 29.68], [120.79, 29.8], [120.8, 29.96], [120.74, 30.1],
  [120.6, 30.19], [120.38, 30.2], [120.18, 30.16], [120.05, 30.06], [120.0, 29.9], [120.06, 29.72],
];

/** One seed per district, by code: urban districts packed around the centre, counties further out. */
const SEEDS: Record<string, Position> = {
  "339902": [120.4, 29.9], // 城关区
  "339903": [120.5, 29.93], // 东湖区
  "339904": [120.3, 29.91], // 西山区
  "339905": [120.41, 29.8], // 南江区
  "339906": [120.4, 30.01], // 北塘区
  "339921": [120.6, 30.1], // 清河县
  "339922": [120.13, 29.75], // 云岭县
  "339981": [120.64, 29.74], // 临溪市
  "339971": [120.2, 30.05], // 示范高新区
  "339972": [120.66, 29.93], // 示范经开区
};

/** Sutherland–Hodgman step: keep the part of `ring` closer to `a` than to `b`. */
function clipCloserTo(ring: Position[], a: Position, b: Position): Position[] {
  const [nx, ny] = [b[0] - a[0], b[1] - a[1]];
  const c = (b[0] * b[0] + b[1] * b[1] - a[0] * a[0] - a[1] * a[1]) / 2;
  const side = (p: Position) => nx * p[0] + ny * p[1] - c; // ≤ 0 on a's side of the bisector
  const out: Position[] = [];
  ring.forEach((p, i) => {
    const q = ring[(i + 1) % ring.length] as Position;
    const sp = side(p);
    const sq = side(q);
    if (sp <= 0) out.push(p);
    if ((sp < 0 && sq > 0) || (sp > 0 && sq < 0)) {
      const t = sp / (sp - sq);
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  });
  return out;
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** Signed shoelace area of an open or closed ring; positive when counter-clockwise. */
export function ringArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i] as Position;
    const q = ring[(i + 1) % ring.length] as Position;
    sum += p[0] * q[1] - q[0] * p[1];
  }
  return sum / 2;
}

/**
 * The demo city's district map: the Voronoi cells of the district seeds clipped to the outline, so the
 * districts tile the city with no gaps or overlaps. Fictional and deterministic (no randomness).
 */
/** Each district's cell: the city outline clipped to the points closer to its seed than to any other district's. */
function districtRings(): { district: (typeof DEMO_DISTRICTS)[number]; seed: Position; ring: Position[] }[] {
  const seeds = DEMO_DISTRICTS.map((d) => {
    const seed = SEEDS[d.code];
    if (!seed) throw new Error(`No map seed for district ${d.code} ${d.name}`);
    return seed;
  });
  return DEMO_DISTRICTS.map((district, i) => {
    const seed = seeds[i] as Position;
    let ring = [...DEMO_CITY_OUTLINE];
    seeds.forEach((other, j) => { if (j !== i) ring = clipCloserTo(ring, seed, other); });
    return { district, seed, ring };
  });
}

function feature(name: string, code: string, ring: Position[]): DistrictFeature {
  const closed = ring.map(([x, y]): Position => [round(x), round(y)]);
  closed.push([...(closed[0] as Position)]);
  return { type: "Feature", properties: { name, code }, geometry: { type: "Polygon", coordinates: [closed] } };
}

export function demoCityGeoJson(): FeatureCollection {
  return { type: "FeatureCollection", features: districtRings().map(({ district, ring }) => feature(district.name, district.code, ring)) };
}

/**
 * The demo city's towns: each district's cell split the same way among seeds set on a small circle around the
 * district's own, in the order of its towns, coded as the generator codes them.
 */
export function demoTownGeoJson(): FeatureCollection {
  const features: DistrictFeature[] = [];
  for (const { district, seed, ring } of districtRings()) {
    const towns = district.towns;
    const seeds = towns.map((_, k): Position => {
      const angle = (2 * Math.PI * k) / towns.length;
      return towns.length === 1 ? seed : [seed[0] + 0.025 * Math.cos(angle), seed[1] + 0.02 * Math.sin(angle)];
    });
    towns.forEach((name, k) => {
      let cell = [...ring];
      seeds.forEach((other, j) => { if (j !== k) cell = clipCloserTo(cell, seeds[k]!, other); });
      if (cell.length >= 3) features.push(feature(name, townCode(district, k), cell));
    });
  }
  return { type: "FeatureCollection", features };
}
