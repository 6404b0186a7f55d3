"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { requireRole } from "@/lib/auth/request";
import { addDepartmentAlias, removeDepartmentAlias, saveDepartment } from "@/lib/departments/manage";
import { write } from "@/lib/write";
import { formValues, stateOf, submissionKeyOf, type FormState } from "../_lib/form-state";

export async function saveDepartmentAction(previous: FormState, form: FormData): Promise<FormState> {
  const viewer = await requireRole("office");
  const values = formValues(form, ["id", "code", "name", "shortName"]);
  const outcome = await write(getDb(), viewer, saveDepartment, { ...values, id: values.id || undefined }, { submissionKey: submissionKeyOf(form) });
  if (outcome.ok) revalidatePath("/settings/departments");
  return stateOf(previous, outcome, "已保存", values);
}

export async function aliasAction(previous: FormState, form: FormData): Promise<FormState> {
  const viewer = await requireRole("office");
  const values = formValues(form, ["departmentId", "alias"]);
  const action = form.get("intent") === "remove" ? removeDepartmentAlias : addDepartmentAlias;
  const outcome = await write(getDb(), viewer, action, values);
  if (outcome.ok) revalidatePath("/settings/departments");
  return stateOf(previous, outcome, form.get("intent") === "remove" ? "已删除" : "已添加", outcome.ok ? {} : values);
}
