import "server-only";
import { getDb } from "@/db";
import { readDataVersion } from "@/lib/write";

/** The store's current version: memoised reads are valid for one version (lib/write/store-version.ts). */
export function currentDataVersion(): Promise<string> {
  return readDataVersion(getDb());
}
