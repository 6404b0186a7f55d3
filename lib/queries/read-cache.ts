import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { appMeta } from "@/db/schema";

// The monitoring tables change only when indicators are computed; pages read them many times a second.
// Results are kept per data version, which is checked at most once a second.
const VERSION_TTL_MS = 1_000;
let version = { value: "", checkedAt: 0 };
const entries = new Map<string, Promise<unknown>>();

async function dataVersion(): Promise<string> {
  const now = Date.now();
  if (now - version.checkedAt < VERSION_TTL_MS) return version.value;
  const [row] = await getDb().select().from(appMeta).where(eq(appMeta.key, "computed_at"));
  const value = row?.value ?? "";
  if (value !== version.value) entries.clear();
  version = { value, checkedAt: now };
  return value;
}

/** `read(...args)` memoised per arguments until the indicators are computed again. */
export function cachedRead<A extends unknown[], R>(name: string, read: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args: A) => {
    await dataVersion();
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
