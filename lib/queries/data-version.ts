import "server-only";
import { inArray } from "drizzle-orm";
import { getDb } from "@/db";
import { appMeta } from "@/db/schema";
import { onLocalChange, STORE_VERSION_KEY } from "@/lib/write";

// The store's version: the last computation's stamp and the write counter every change bumps. Pages
// read it many times a second, so it is checked at most once a second — a change made through
// another app server shows here within that second; one made through this server at once.
const VERSION_TTL_MS = 1_000;
let version = { value: "", checkedAt: 0 };
let checking: Promise<string> | null = null;
onLocalChange(() => { version = { value: version.value, checkedAt: 0 }; });

/** The store's current version: memoised reads are valid for one version. */
export async function currentDataVersion(): Promise<string> {
  if (Date.now() - version.checkedAt < VERSION_TTL_MS) return version.value;
  checking ??= getDb().select().from(appMeta).where(inArray(appMeta.key, ["computed_at", STORE_VERSION_KEY]))
    .then((rows) => {
      const meta = new Map(rows.map((r) => [r.key, r.value]));
      version = { value: `${meta.get("computed_at") ?? ""}#${meta.get(STORE_VERSION_KEY) ?? "0"}`, checkedAt: Date.now() };
      return version.value;
    })
    .finally(() => { checking = null; });
  return checking;
}
