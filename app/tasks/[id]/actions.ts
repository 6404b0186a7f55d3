"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { recordProgress } from "@/lib/plans/record-progress";

export interface ProgressFormState {
  ok: boolean;
  errors: Record<string, string>;
  message?: string;
}

export async function submitProgress(_previous: ProgressFormState, form: FormData): Promise<ProgressFormState> {
  const result = await recordProgress(getDb(), Object.fromEntries(form));
  if (!result.ok) return { ok: false, errors: result.errors };
  revalidatePath(`/tasks/${String(form.get("taskId"))}`);
  return { ok: true, errors: {}, message: "进展已记录" };
}
