import { z } from "zod";
import { isIsoDate } from "@/lib/dates";
import type { CalendarOverride } from "./types";

/**
 * A year's State Council holiday notice as the credit office enters it: every rest day and every
 * 调休 working day of the year that differs from Monday–Friday. Days of the notice may fall in the
 * December before (a 元旦 break starts there).
 */
export const holidayNoticeSchema = z.object({
  year: z.number({ error: "year（年份）应为数字" }).int().min(2000, "year（年份）不早于2000").max(2100, "year（年份）不晚于2100"),
  notice: z.string().trim().max(200, "notice（通知文号）过长").optional(),
  overrides: z.array(z.object({
    date: z.string().refine(isIsoDate, "date（日期）应为有效的YYYY-MM-DD"),
    kind: z.enum(["workday", "holiday"], { error: "kind（类型）应为 workday（调休上班）或 holiday（放假）" }),
    note: z.string().trim().max(50, "note（说明）过长").optional(),
  })).min(1, "overrides 至少应有一天"),
});

export type HolidayNotice = z.infer<typeof holidayNoticeSchema>;

export type NoticeParse = { ok: true; notice: HolidayNotice } | { ok: false; errors: string[] };

/** Parses and checks a notice; each error names the entry and field in Chinese. */
export function parseHolidayNotice(input: unknown): NoticeParse {
  const parsed = holidayNoticeSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((i) => `${describePath(i.path)}${i.message}`) };
  }
  const { year, overrides } = parsed.data;
  const errors = overrides.flatMap((o, i) =>
    o.date < `${year - 1}-12-01` || o.date > `${year}-12-31` ? [`第${i + 1}条：日期 ${o.date} 不属于${year}年的节假日安排`] : [],
  );
  const seen = new Set<string>();
  overrides.forEach((o, i) => {
    if (seen.has(o.date)) errors.push(`第${i + 1}条：日期 ${o.date} 重复`);
    seen.add(o.date);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, notice: parsed.data };
}

export function noticeOverrides(notice: HolidayNotice): CalendarOverride[] {
  return notice.overrides.map((o) => ({ date: o.date, kind: o.kind, note: o.note }));
}

function describePath(path: PropertyKey[]): string {
  if (path[0] === "overrides" && typeof path[1] === "number") return `第${path[1] + 1}条：`;
  return path.length > 0 ? `${path.join(".")}：` : "";
}
