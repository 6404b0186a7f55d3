"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { requireRole } from "@/lib/auth/request";
import { announceLater } from "@/lib/supervision/notify";
import { openSupervision, openTaskSupervision } from "@/lib/supervision/open";
import { formValues, stateOf, type FormState } from "../../settings/_lib/form-state";

/** Opens the item from the form, then goes to it. */
export async function openItemAction(previous: FormState, form: FormData): Promise<FormState> {
  const viewer = await requireRole("office");
  const values = formValues(form, ["indicatorCode", "orgUnitId", "taskId", "month", "warningKind", "deadline", "note"]);
  const departmentIds = form.getAll("departmentIds").map(String);
  const common = { month: values.month ?? "", departmentIds: departmentIds.map(Number), deadline: values.deadline ?? "", note: values.note };
  const outcome = values.taskId
    ? await openTaskSupervision(getDb(), viewer, { ...common, taskId: Number(values.taskId) })
    : await openSupervision(getDb(), viewer, { ...common, indicatorCode: values.indicatorCode ?? "", orgUnitId: Number(values.orgUnitId), warningKind: values.warningKind || null });
  if (outcome.ok) {
    announceLater(getDb(), "assigned", outcome.value.id);
    redirect(`/supervision/${outcome.value.id}`);
  }
  return stateOf(previous, outcome, "", values);
}
