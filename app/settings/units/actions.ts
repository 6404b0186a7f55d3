"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { requireRole } from "@/lib/auth/request";
import { recomputeFrom } from "@/lib/indicators/compute/recompute-months";
import { retireUnit, saveUnit } from "@/lib/units/manage";
import { write } from "@/lib/write";
import { formValues, stateOf, submissionKeyOf, type FormState } from "../_lib/form-state";

export async function saveUnitAction(previous: FormState, form: FormData): Promise<FormState> {
  const viewer = await requireRole("office");
  const values = formValues(form, ["id", "code", "name", "level", "districtKind", "parentId"]);
  const outcome = await write(getDb(), viewer, saveUnit, { ...values, id: values.id || undefined, parentId: values.parentId || undefined, districtKind: values.districtKind || undefined }, { submissionKey: submissionKeyOf(form) });
  if (outcome.ok) revalidatePath("/", "layout");
  return stateOf(previous, outcome, "已保存", values);
}

/** Retiring (or bringing back) a unit recomputes the months from then on, so rankings leave it out. */
export async function retireUnitAction(previous: FormState, form: FormData): Promise<FormState> {
  const viewer = await requireRole("office");
  const values = formValues(form, ["id", "retiredFrom", "was"]);
  const db = getDb();
  const outcome = await write(db, viewer, retireUnit, values);
  if (!outcome.ok) return stateOf(previous, outcome, "", values);
  // From the earlier of the new and the former retirement month (all months when neither is set).
  await recomputeFrom(db, [outcome.value.retiredFrom, values.was].filter((m): m is string => !!m).sort()[0] ?? "");
  revalidatePath("/", "layout");
  return stateOf(previous, outcome, outcome.value.retiredFrom ? `已设为自${outcome.value.retiredFrom}起撤销并重新计算` : "已恢复并重新计算", {});
}
