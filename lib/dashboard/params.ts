import { z } from "zod";
import { isIsoMonth, type IsoMonth } from "@/lib/dates";

export const LEVELS = ["district", "town"] as const;
export type Level = (typeof LEVELS)[number];
export const LEVEL_LABELS: Record<Level, string> = { district: "区县", town: "镇街" };

const paramsSchema = z.object({
  month: z.string().refine(isIsoMonth).optional().catch(undefined),
  level: z.enum(LEVELS).optional().catch(undefined),
});

export interface ViewParams {
  month: IsoMonth;
  level: Level;
}

/**
 * The month and level a page shows, from its URL: a month the store has computed (the latest
 * otherwise) and 区县 unless 镇街 is asked for. A malformed value falls back rather than failing.
 */
export function parseViewParams(raw: Record<string, string | string[] | undefined>, months: IsoMonth[]): ViewParams {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const parsed = paramsSchema.parse({ month: first(raw.month), level: first(raw.level) });
  const latest = months[months.length - 1] ?? "";
  return {
    month: parsed.month && months.includes(parsed.month) ? parsed.month : latest,
    level: parsed.level ?? "district",
  };
}

/** A link to `path` keeping the view's month and level. */
export function viewHref(path: string, view: Partial<ViewParams>): string {
  const query = new URLSearchParams();
  if (view.month) query.set("month", view.month);
  if (view.level && view.level !== "district") query.set("level", view.level);
  const qs = query.toString();
  return qs ? `${path}?${qs}` : path;
}
