"use server";

import { revalidatePath } from "next/cache";
import { writeAsViewer } from "@/lib/auth/action";
import { recordProgress } from "@/lib/plans/record-progress";

export interface ProgressFormState {
  ok: boolean;
  errors: Record<string, string>;
  message?: string;
}

export async function submitProgress(_previous: ProgressFormState, form: FormData): Promise<ProgressFormState> {
  const outcome = await writeAsViewer(recordProgress, Object.fromEntries(form), form.get("submissionKey"));
  if (!outcome.ok) return { ok: false, errors: Object.keys(outcome.fieldErrors).length > 0 ? outcome.fieldErrors : { form: outcome.message } };
  revalidatePath(`/tasks/${String(form.get("taskId"))}`);
  return { ok: true, errors: {}, message: outcome.repeated ? "此进展已报送过" : "进展已记录" };
}
