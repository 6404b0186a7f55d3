"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { requireRole } from "@/lib/auth/request";
import { saveSupervisionSettings } from "@/lib/supervision/settings";
import { write } from "@/lib/write";
import { formValues, stateOf, submissionKeyOf, type FormState } from "../_lib/form-state";

export async function saveSupervisionSettingsAction(previous: FormState, form: FormData): Promise<FormState> {
  const viewer = await requireRole("office");
  const values = formValues(form, ["defaultWorkingDays"]);
  const autoOpen = form.getAll("autoOpen").filter((v): v is string => typeof v === "string");
  const outcome = await write(getDb(), viewer, saveSupervisionSettings, { ...values, autoOpen }, { submissionKey: submissionKeyOf(form) });
  if (outcome.ok) revalidatePath("/settings/supervision");
  return stateOf(previous, outcome, "已保存", { ...values, autoOpen: autoOpen.join(",") });
}
