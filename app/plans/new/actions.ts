"use server";

import { randomUUID } from "node:crypto";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { departmentAliases, departments } from "@/db/schema";
import { writeAsViewer } from "@/lib/auth/action";
import { getViewer } from "@/lib/auth/request";
import { MAX_PLAN_BYTES, planFileTooLarge } from "@/lib/plans/decode-upload";
import { reviewPlan, type PlanReview } from "@/lib/plans/review";
import { savePlanAction } from "@/lib/plans/save-plan";
import { todayInChina } from "@/lib/dates";
import { readWorkPlan } from "@/lib/workplan";
import { readPlanFile } from "@/lib/workplan/files";

export type ReadState = { review: PlanReview | null; error: string | null; submissionKey?: string };

/** Reads pasted text or an uploaded file (.docx, .xlsx, text PDF, .txt) into a review; nothing is saved here. */
export async function readPlan(_previous: ReadState, form: FormData): Promise<ReadState> {
  if ((await getViewer())?.role !== "office") return { review: null, error: "只有信用办可以载入工作要点" };
  const file = form.get("file");
  let text = String(form.get("text") ?? "");
  if (file instanceof File && file.size > 0) {
    if (file.size > MAX_PLAN_BYTES) return { review: null, error: planFileTooLarge(file.size) };
    const read = await readPlanFile(new Uint8Array(await file.arrayBuffer()));
    if (!read.ok) return { review: null, error: read.error };
    if (read.text.trim().length === 0) return { review: null, error: `“${file.name}”中没有读到文字：请确认文件内容，或复制全文粘贴` };
    text = read.text;
  }
  if (text.trim().length === 0) return { review: null, error: "请粘贴工作要点全文，或选择一个文件（.docx、.xlsx、文字版 PDF 或 .txt）" };
  if (text.length > 1_000_000) return { review: null, error: "文本过长（超过100万字），请只粘贴工作要点正文" };
  // A plan that names no year is taken as this year's; the review screen says so and lets the office change it.
  const plan = readWorkPlan(text, { fallbackYear: Number(todayInChina().slice(0, 4)) });
  if (plan.tasks.length === 0) return { review: null, error: "没有读出任何带责任单位的任务：请确认粘贴的是工作要点正文（含“责任单位”“牵头单位”等）" };
  const db = getDb();
  const [list, aliases] = await Promise.all([
    db.select({ id: departments.id, name: departments.name, shortName: departments.shortName }).from(departments),
    db.select().from(departmentAliases),
  ]);
  const settled = new Map<string, number[]>();
  for (const a of aliases) settled.set(a.alias, [...(settled.get(a.alias) ?? []), a.departmentId]);
  return { review: reviewPlan(plan, text, list, settled), error: null, submissionKey: randomUUID() };
}

export type ConfirmState = { errors: string[] };

/** Saves the plan exactly as the office settled it on the review screen. */
export async function confirmPlan(_previous: ConfirmState, form: FormData): Promise<ConfirmState> {
  let payload: unknown;
  try {
    payload = JSON.parse(String(form.get("plan") ?? ""));
  } catch {
    return { errors: ["提交的内容不完整，请重新读取"] };
  }
  const outcome = await writeAsViewer(savePlanAction, payload, form.get("submissionKey"));
  if (!outcome.ok) return { errors: outcome.status === 409 || Object.keys(outcome.fieldErrors).length === 0 ? outcome.message.split("；") : Object.values(outcome.fieldErrors) };
  redirect("/tasks");
}
