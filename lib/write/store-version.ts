import { inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appMeta } from "@/db/schema";

/** Key in app_meta bumped by every change: caches keyed by it refresh on every app server. */
export const STORE_VERSION_KEY = "store_version";

type Executor = { run: (query: ReturnType<typeof sql>) => Promise<unknown> };

/** Marks the store changed, inside the change's own transaction. */
export async function bumpStoreVersion(tx: Executor): Promise<void> {
  await tx.run(sql`INSERT INTO app_meta (key, value) VALUES (${STORE_VERSION_KEY}, '1')
    ON CONFLICT(key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)`);
}

// Kept on globalThis: the Next.js bundle and the server around it (scripts/serve.ts) load their own
// copies of this module, and both must agree on the version and hear the same changes.
type Listener = () => void;
interface VersionMemo { value: string; checkedAt: number; checking: Promise<string> | null; listeners: Set<Listener> }
const slot = globalThis as unknown as { __creditStoreVersion?: VersionMemo };
const memo: VersionMemo = (slot.__creditStoreVersion ??= { value: "", checkedAt: 0, checking: null, listeners: new Set() });

/** This process's caches hear of its own changes at once; other servers notice within the version's TTL. */
export function onLocalChange(listener: Listener): void {
  memo.listeners.add(listener);
}
export function notifyLocalChange(): void {
  memo.checkedAt = 0;
  for (const l of memo.listeners) l();
}

// Pages read the version many times a second, so it is checked at most twice a second: a change made
// through another app server shows to requests made half a second later, one made through this process at once.
const VERSION_TTL_MS = 500;

/** The store's version — the last computation's stamp and the change counter; memoised reads are valid for one version. */
export async function readDataVersion(db: Db): Promise<string> {
  if (Date.now() - memo.checkedAt < VERSION_TTL_MS) return memo.value;
  memo.checking ??= db.select().from(appMeta).where(inArray(appMeta.key, ["computed_at", STORE_VERSION_KEY]))
    .then((rows) => {
      const meta = new Map(rows.map((r) => [r.key, r.value]));
      memo.value = `${meta.get("computed_at") ?? ""}#${meta.get(STORE_VERSION_KEY) ?? "0"}`;
      memo.checkedAt = Date.now();
      return memo.value;
    })
    .finally(() => { memo.checking = null; });
  return memo.checking;
}
