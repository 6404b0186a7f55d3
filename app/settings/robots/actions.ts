"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { requireRole } from "@/lib/auth/request";
import { removeRobot, saveRobot } from "@/lib/supervision/robot-actions";
import { write } from "@/lib/write";
import { formValues, stateOf, submissionKeyOf, type FormState } from "../_lib/form-state";

export async function saveRobotAction(previous: FormState, form: FormData): Promise<FormState> {
  const viewer = await requireRole("office");
  const values = formValues(form, ["departmentId", "kind", "url", "secret"]);
  const outcome = await write(getDb(), viewer, saveRobot, values, { submissionKey: submissionKeyOf(form) });
  if (outcome.ok) revalidatePath("/settings/robots");
  return stateOf(previous, outcome, "已保存", { ...values, secret: "" });
}

export async function removeRobotAction(form: FormData): Promise<void> {
  const viewer = await requireRole("office");
  const outcome = await write(getDb(), viewer, removeRobot, formValues(form, ["departmentId", "kind"]));
  if (outcome.ok) revalidatePath("/settings/robots");
}
