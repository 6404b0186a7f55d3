"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { issueCircular } from "@/lib/circular/issue";
import { saveCircularSettings } from "@/lib/circular/settings";
import { isIsoMonth } from "@/lib/dates";

export interface ActionState {
  message: string | null;
  errors: Record<string, string>;
}

export async function issueCircularAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const month = String(form.get("month") ?? "");
  if (!isIsoMonth(month)) return { message: null, errors: { month: "月份格式应为YYYY-MM" } };
  const result = await issueCircular(getDb(), month);
  revalidatePath("/circulars");
  return result.ok ? { message: `已印发：${result.documentNumber}`, errors: {} } : { message: null, errors: { month: result.error } };
}

export async function saveSettingsAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const result = await saveCircularSettings(getDb(), Object.fromEntries(form));
  if (!result.ok) return { message: null, errors: result.errors };
  revalidatePath("/circulars");
  return { message: "已保存", errors: {} };
}
