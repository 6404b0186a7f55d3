"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { writeAsViewer } from "@/lib/auth/action";
import { uploadFinalCopy } from "@/lib/circular/final-copy";
import { issueCircularAction as issueCircular, voidCircular } from "@/lib/circular/issue";
import { saveCircularSettings } from "@/lib/circular/settings";

export interface ActionState {
  message: string | null;
  errors: Record<string, string>;
}

const failed = (o: { message: string; fieldErrors: Record<string, string> }, field: string): ActionState =>
  ({ message: null, errors: Object.keys(o.fieldErrors).length > 0 ? o.fieldErrors : { [field]: o.message } });

/** The form's chosen file as a write's input; a file input left empty sends a nameless empty file. */
async function chosenFile(form: FormData): Promise<{ fileName: string; data: Uint8Array } | undefined> {
  const file = form.get("file");
  // Browsers send an unchosen file field as an empty part, which Next's form decoding names "undefined".
  if (!(file instanceof File) || (file.size === 0 && (!file.name || file.name === "blob" || file.name === "undefined"))) return undefined;
  return { fileName: file.name, data: new Uint8Array(await file.arrayBuffer()) };
}

export async function issueCircularAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const finalCopy = await chosenFile(form);
  const outcome = await writeAsViewer(issueCircular(getDb()), { month: form.get("month") ?? undefined, finalCopy }, form.get("submissionKey"));
  if (!outcome.ok) return failed(outcome, "month");
  revalidatePath("/circulars");
  const copy = finalCopy ? "，印发件为上传的定稿" : "";
  return { message: `${outcome.repeated ? "此前已印发" : "已印发"}：${outcome.value.documentNumber}${copy}`, errors: {} };
}

/** 上传定稿 for an issued circular: the office's own .docx becomes the issued Word copy. */
export async function uploadFinalCopyAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const file = await chosenFile(form);
  const input = { id: form.get("id") ?? undefined, ...(file ?? { fileName: "", data: null }) };
  const outcome = await writeAsViewer(uploadFinalCopy, input, form.get("submissionKey"));
  if (!outcome.ok) return failed(outcome, "file");
  revalidatePath("/circulars");
  return { message: `${outcome.repeated ? "此前已上传" : "已上传"}：${outcome.value.documentNumber}的 Word 下载即为此定稿`, errors: {} };
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
