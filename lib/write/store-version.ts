import { sql } from "drizzle-orm";

/** Key in app_meta bumped by every change: caches keyed by it refresh on every app server. */
export const STORE_VERSION_KEY = "store_version";

type Executor = { run: (query: ReturnType<typeof sql>) => Promise<unknown> };

/** Marks the store changed, inside the change's own transaction. */
export async function bumpStoreVersion(tx: Executor): Promise<void> {
  await tx.run(sql`INSERT INTO app_meta (key, value) VALUES (${STORE_VERSION_KEY}, '1')
    ON CONFLICT(key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)`);
}

type Listener = () => void;
const listeners = new Set<Listener>();
/** This process's caches hear of its own changes at once; other servers notice within their TTL. */
export function onLocalChange(listener: Listener): void {
  listeners.add(listener);
}
export function notifyLocalChange(): void {
  for (const l of listeners) l();
}
