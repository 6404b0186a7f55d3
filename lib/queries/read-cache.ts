import "server-only";
import { LRUCache } from "lru-cache";
import { currentDataVersion } from "./data-version";

// Results are kept per store version and bounded: a new version empties the memo, and many distinct
// arguments (a crawler walking every URL) evict the least used instead of growing the process.
const MAX_ENTRIES = 2_000;
let memoVersion = "";
const entries = new LRUCache<string, Promise<unknown>>({ max: MAX_ENTRIES });

/**
 * `read(...args)` memoised per arguments until the store changes. The arguments must include
 * everything the result depends on — for a scoped read, the viewer's scope.
 */
export function cachedRead<A extends unknown[], R>(name: string, read: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args: A) => {
    const version = await currentDataVersion();
    if (version !== memoVersion) {
      entries.clear();
      memoVersion = version;
    }
    const key = `${name}|${JSON.stringify(args)}`;
    let entry = entries.get(key) as Promise<R> | undefined;
    if (!entry) {
      entry = read(...args);
      entries.set(key, entry);
      // A failed read must not be served from the cache.
      entry.catch(() => entries.delete(key));
    }
    return entry;
  };
}
