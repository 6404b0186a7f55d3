"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { requireRole } from "@/lib/auth/request";
import { recomputeMonths } from "@/lib/indicators/compute/recompute-months";
import { fillSgsMonthly } from "@/lib/sgs/monthly-action";
import { write } from "@/lib/write";
import { formValues, stateOf, submissionKeyOf, type FormState } from "../settings/_lib/form-state";

const FIELDS = ["decisions", "publishedOwnSite", "reported", "notReported", "notReportedGrounds"] as const;

/** The 双公示情况表 form: both kinds' figures for one month, then that month recomputed. */
export async function fillMonthlyAction(previous: FormState, form: FormData): Promise<FormState> {
  const viewer = await requireRole("office", "department");
  const values = formValues(form, ["month", "departmentId", ...FIELDS.flatMap((f) => [`license.${f}`, `penalty.${f}`])]);
  const input = {
    month: values.month, departmentId: values.departmentId || null,
    license: Object.fromEntries(FIELDS.map((f) => [f, values[`license.${f}`] ?? ""])),
    penalty: Object.fromEntries(FIELDS.map((f) => [f, values[`penalty.${f}`] ?? ""])),
  };
  const outcome = await write(getDb(), viewer, fillSgsMonthly, input, { submissionKey: submissionKeyOf(form) });
  if (outcome.ok && !outcome.repeated) {
    await recomputeMonths(getDb(), [outcome.value.month]);
    revalidatePath("/data");
  }
  return stateOf(previous, outcome, outcome.ok ? `已保存${outcome.value.department}${outcome.value.month}的情况表` : "", values);
}
