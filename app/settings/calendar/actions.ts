"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { requireRole } from "@/lib/auth/request";
import { parseNoticeText } from "@/lib/calendar/notice-text";
import { enterHolidayNotice } from "@/lib/calendar/store";
import { monthRange, type IsoMonth } from "@/lib/dates";
import { recomputeMonths } from "@/lib/indicators/compute/recompute-months";
import { write } from "@/lib/write";
import { submissionKeyOf, type FormState } from "../_lib/form-state";

export type NoticeFormState = FormState & { preview: { name: string; from: string; to: string; workdays: string[] }[] };

/** 读取 shows what the notice says; 确认保存 stores it and recomputes the months whose deadlines it moves. */
export async function noticeAction(previous: NoticeFormState, form: FormData): Promise<NoticeFormState> {
  const viewer = await requireRole("office");
  const values = { year: String(form.get("year") ?? ""), number: String(form.get("number") ?? ""), text: String(form.get("text") ?? "").slice(0, 20_000) };
  const seq = previous.seq + 1;
  const year = Number(values.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) return { ok: false, message: "年份应为2000至2100之间的整数", errors: { year: "年份应为2000至2100之间的整数" }, values, seq, preview: [] };
  const parsed = parseNoticeText(values.text, year);
  if (!parsed.ok) return { ok: false, message: parsed.errors.join("；"), errors: { text: parsed.errors.join("；") }, values, seq, preview: [] };
  const preview = parsed.holidays;
  if (form.get("intent") !== "save") return { ok: true, message: `读到${preview.length}个节日，请核对后确认保存`, errors: {}, values, seq, preview };
  const db = getDb();
  const outcome = await write(db, viewer, enterHolidayNotice, { ...parsed.notice, notice: values.number.trim() || undefined }, { submissionKey: submissionKeyOf(form) });
  if (!outcome.ok) return { ok: false, message: outcome.message, errors: outcome.fieldErrors, values, seq, preview };
  // Lateness of decisions from mid-November of the year before is derived again with the new days.
  await recomputeMonths(db, monthRange(`${year - 1}-11` as IsoMonth, `${year}-12` as IsoMonth));
  revalidatePath("/", "layout");
  return { ok: true, message: `已保存${year}年节假日安排（${parsed.notice.overrides.length}天）`, errors: {}, values: {}, seq, preview: [] };
}
