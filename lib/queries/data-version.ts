import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { appMeta } from "@/db/schema";

// The monitoring tables change only when indicators are computed (`computed_at` is rewritten then);
// pages read them many times a second, so the version is checked at most once a second.
const VERSION_TTL_MS = 1_000;
let version = { value: "", checkedAt: 0 };
let checking: Promise<string> | null = null;

/** The store's current computation stamp; memo and rendered-page caches are valid for one stamp. */
export async function currentDataVersion(): Promise<string> {
  if (Date.now() - version.checkedAt < VERSION_TTL_MS) return version.value;
  checking ??= getDb().select().from(appMeta).where(eq(appMeta.key, "computed_at"))
    .then(([row]) => {
      version = { value: row?.value ?? "", checkedAt: Date.now() };
      return version.value;
    })
    .finally(() => { checking = null; });
  return checking;
}
