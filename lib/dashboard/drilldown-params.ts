import { z } from "zod";

const schema = z.object({
  unit: z.coerce.number().int().positive().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
});

/** Which org unit's records, which page and what search the URL asks for; nonsense falls back. */
export function parseDrilldownParams(raw: Record<string, string | string[] | undefined>, defaultUnit: number) {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const parsed = schema.parse({ unit: first(raw.unit), page: first(raw.page), q: first(raw.q) });
  return { unit: parsed.unit ?? defaultUnit, page: parsed.page ?? 1, q: parsed.q ?? "" };
}
