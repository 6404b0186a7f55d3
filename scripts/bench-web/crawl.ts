import { Random } from "../../lib/demo/random";
import type { Ids } from "./store";

// The distinct URLs of the memory run: what a crawler or many viewers walking every view would ask for.
// Every URL is asked once; a fixed seed gives the same walk each run (the demo generator's seeded source).

// 部门 pages are left out, as in the first measurement (they rendered for seconds then; decision 005).
export const CRAWL_SHARES = [
  ["/districts/<code>?month=", 0.35],
  ["/indicators/<code>?unit=&q=&month=&level=", 0.35],
  ["/rankings?month=&level=&sort=&dir=", 0.2],
  ["/?month=&level=", 0.1],
] as const;

/**
 * A function giving a new URL on every call, never one given before. Districts: real codes and random
 * 6-digit ones (404s); indicators: every code, real and random units, a random search word; rankings and 总览:
 * every month, level and sort. A kind whose combinations run out gives way to district URLs, which do not.
 */
export function distinctUrls(ids: Ids, seed = 20_261): () => string {
  const source = new Random(seed);
  const rnd = () => source.next();
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const seen = new Set<string>();
  const units = [...ids.districts, ...ids.towns].map((u) => u.id);
  const sorts = ["rank", "name", "score", ...ids.indicatorCodes];
  const word = () => Math.floor(rnd() * 36 ** 4).toString(36).padStart(4, "0");
  const make: Record<string, () => string> = {
    district: () => `/districts/${rnd() < 0.3 ? pick(ids.districts).code : String(100_000 + Math.floor(rnd() * 900_000))}?month=${pick(ids.months)}`,
    indicator: () => `/indicators/${pick(ids.indicatorCodes)}?unit=${rnd() < 0.8 ? pick(units) : 1 + Math.floor(rnd() * 10_000)}` +
      `&q=${word()}&month=${pick(ids.months)}${rnd() < 0.5 ? "&level=town" : ""}`,
    rankings: () => `/rankings?month=${pick(ids.months)}&level=${pick(["district", "town"])}&sort=${pick(sorts)}&dir=${pick(["asc", "desc"])}`,
    overview: () => `/?month=${pick(ids.months)}&level=${pick(["district", "town"])}`,
  };
  const kinds = ["district", "indicator", "rankings", "overview"];
  const cumulative = CRAWL_SHARES.map((_, i) => CRAWL_SHARES.slice(0, i + 1).reduce((n, [, share]) => n + share, 0));
  return () => {
    const r = rnd();
    let kind = kinds[cumulative.findIndex((c) => r < c)] ?? "district";
    // Bounded: a kind that keeps repeating (its combinations used up) yields to the endless district URLs.
    for (let attempt = 0; attempt < 50; attempt++) {
      const url = make[kind]!();
      if (!seen.has(url)) {
        seen.add(url);
        return url;
      }
      if (attempt >= 10) kind = "district";
    }
    throw new Error("no new distinct URL after 50 attempts");
  };
}

/** How many URLs of each kind a crawl gave, by the path's first segment. */
export function kindOf(url: string): string {
  return url.split("?")[0]!.split("/")[1] || "overview";
}
