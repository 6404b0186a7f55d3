"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { writeAsViewer } from "@/lib/auth/action";
import { issueCircularAction as issueCircular, voidCircular } from "@/lib/circular/issue";
import { saveCircularSettings } from "@/lib/circular/settings";

export interface ActionState {
  message: string | null;
  errors: Record<string, string>;
}

const failed = (o: { message: string; fieldErrors: Record<string, string> }, field: string): ActionState =>
  ({ message: null, errors: Object.keys(o.fieldErrors).length > 0 ? o.fieldErrors : { [field]: o.message } });

export async function issueCircularAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const outcome = await writeAsViewer(issueCircular(getDb()), { month: form.get("month") ?? undefined }, form.get("submissionKey"));
  if (!outcome.ok) return failed(outcome, "month");
  revalidatePath("/circulars");
  return { message: `${outcome.repeated ? "此前已印发" : "已印发"}：${outcome.value.documentNumber}`, errors: {} };
}

export async function voidCircularAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const outcome = await writeAsViewer(voidCircular, { id: form.get("id") ?? undefined, reason: form.get("reason") ?? undefined }, form.get("submissionKey"));
  if (!outcome.ok) return failed(outcome, "reason");
  revalidatePath("/circulars");
  return { message: "已作废", errors: {} };
}

export async function saveSettingsAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const outcome = await writeAsViewer(saveCircularSettings, Object.fromEntries(form));
  if (!outcome.ok) return failed(outcome, "form");
  revalidatePath("/circulars");
  return { message: "已保存", errors: {} };
}
