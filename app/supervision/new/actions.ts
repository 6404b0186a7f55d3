"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { requireRole } from "@/lib/auth/request";
import { announceLater } from "@/lib/supervision/notify";
import { openSupervision } from "@/lib/supervision/open";
import { formValues, stateOf, type FormState } from "../../settings/_lib/form-state";

/** Opens the item from the form, then goes to it. */
export async function openItemAction(previous: FormState, form: FormData): Promise<FormState> {
  const viewer = await requireRole("office");
  const values = formValues(form, ["indicatorCode", "orgUnitId", "month", "warningKind", "deadline", "note"]);
  const departmentIds = form.getAll("departmentIds").map(String);
  const outcome = await openSupervision(getDb(), viewer, {
    indicatorCode: values.indicatorCode ?? "", orgUnitId: Number(values.orgUnitId), month: values.month ?? "", warningKind: values.warningKind || null,
    departmentIds: departmentIds.map(Number), deadline: values.deadline ?? "", note: values.note,
  });
  if (outcome.ok) {
    announceLater(getDb(), "assigned", outcome.value.id);
    redirect(`/supervision/${outcome.value.id}`);
  }
  return stateOf(previous, outcome, "", values);
}
