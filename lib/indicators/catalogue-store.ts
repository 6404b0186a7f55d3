import type { Db } from "@/db/client";
import { indicators } from "@/db/schema";
import { DEFAULT_CATALOGUE } from "./catalogue";

/**
 * Puts the v1 defaults into the store for indicators it does not hold yet. Existing rows are left alone:
 * once loaded, targets and weights are the credit office's data.
 */
export async function ensureDefaultCatalogue(db: Db): Promise<void> {
  await db.insert(indicators).values([...DEFAULT_CATALOGUE]).onConflictDoNothing({ target: indicators.code });
}
