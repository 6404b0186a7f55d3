import "server-only";
import { currentDataVersion } from "./data-version";

// Results are kept per data version: a new computation empties the memo.
let memoVersion = "";
const entries = new Map<string, Promise<unknown>>();

/** `read(...args)` memoised per arguments until the indicators are computed again. */
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
