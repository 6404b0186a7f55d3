import "server-only";
import { LRUCache } from "lru-cache";
import { currentDataVersion } from "./data-version";

// Results are kept per store version and bounded: a new version empties the memo, and many distinct
// arguments (a crawler walking every URL) evict the least used instead of growing the process.
const MAX_ENTRIES = 2_000;
let memoVersion = "";
// Settled values only: a kept promise would hold the async context of the request that created it
// (Next's request store, the response), so 2,000 entries kept 2,000 requests alive (+254 MB, decision 005).
const settled = new LRUCache<string, { value: unknown }>({ max: MAX_ENTRIES });
// Reads under way, so concurrent misses share one read; each leaves as soon as it settles.
const pending = new Map<string, Promise<unknown>>();

/**
 * `read(...args)` memoised per arguments until the store changes. The arguments must include
 * everything the result depends on — for a scoped read, the viewer's scope.
 */
export function cachedRead<A extends unknown[], R>(name: string, read: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args: A) => {
    const version = await currentDataVersion();
    if (version !== memoVersion) {
      settled.clear();
      pending.clear();
      memoVersion = version;
    }
    const key = `${name}|${JSON.stringify(args)}`;
    const hit = settled.get(key);
    if (hit) return hit.value as R;
    let entry = pending.get(key) as Promise<R> | undefined;
    if (!entry) {
      entry = read(...args);
      pending.set(key, entry);
      const forVersion = version;
      // A failed read is not kept; a read that outlived its version is not kept either.
      entry.then((value) => { if (memoVersion === forVersion) settled.set(key, { value }); }, () => undefined)
        .finally(() => pending.delete(key));
    }
    return entry;
  };
}
