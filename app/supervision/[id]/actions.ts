"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { requireViewer } from "@/lib/auth/request";
import { acknowledgeItem, markRecord, reviewItem, submitFeedback } from "@/lib/supervision/actions";
import { attachFile, removeAttachment } from "@/lib/supervision/attachments";
import { announceLater, type SupervisionEvent } from "@/lib/supervision/notify";
import { write, type WriteAction, type z } from "@/lib/write";
import { formValues, stateOf, submissionKeyOf, type FormState } from "../../settings/_lib/form-state";

async function act<S extends z.ZodType>(action: WriteAction<S, null>, previous: FormState, form: FormData, names: string[], success: string,
  event?: (values: Record<string, string>) => SupervisionEvent | null): Promise<FormState> {
  const viewer = await requireViewer();
  const values = formValues(form, ["itemId", ...names]);
  const outcome = await write(getDb(), viewer, action, values, { submissionKey: submissionKeyOf(form) });
  if (outcome.ok) {
    revalidatePath(`/supervision/${values.itemId}`);
    const happened = event?.(values);
    if (happened && !outcome.repeated) announceLater(getDb(), happened, Number(values.itemId));
  }
  return stateOf(previous, outcome, success, values);
}

export async function acknowledgeAction(previous: FormState, form: FormData) {
  return act(acknowledgeItem, previous, form, [], "已签收");
}
export async function markRecordAction(previous: FormState, form: FormData) {
  return act(markRecord, previous, form, ["recordId", "mark", "reason"], "已标记");
}
export async function submitFeedbackAction(previous: FormState, form: FormData) {
  return act(submitFeedback, previous, form, ["feedback"], "整改反馈已提交，等待信用办审核", () => "submitted");
}
export async function reviewAction(previous: FormState, form: FormData) {
  return act(reviewItem, previous, form, ["decision", "reason"], form.get("decision") === "accept" ? "已办结销号" : "已退回",
    (v) => (v.decision === "accept" ? "accepted" : "returned"));
}

export async function attachFileAction(previous: FormState, form: FormData): Promise<FormState> {
  const viewer = await requireViewer();
  const itemId = String(form.get("itemId") ?? "");
  const file = form.get("file");
  const input = file instanceof File && file.size > 0
    ? { itemId, fileName: file.name, data: new Uint8Array(await file.arrayBuffer()) }
    : { itemId, fileName: "", data: null };
  const outcome = await write(getDb(), viewer, attachFile, input, { submissionKey: submissionKeyOf(form) });
  if (outcome.ok) revalidatePath(`/supervision/${itemId}`);
  return stateOf(previous, outcome, "已上传", { itemId });
}

export async function removeAttachmentAction(previous: FormState, form: FormData) {
  return act(removeAttachment, previous, form, ["attachmentId"], "已删除");
}
