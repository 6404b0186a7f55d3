"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { requireRole } from "@/lib/auth/request";
import { issueToken, revokeToken } from "@/lib/auth/tokens";
import { write } from "@/lib/write";
import { formValues, stateOf, submissionKeyOf, type FormState } from "../_lib/form-state";

export interface IssueTokenState extends FormState {
  /** The new token, shown once and kept nowhere. */
  token: string | null;
}

export async function issueTokenAction(previous: IssueTokenState, form: FormData): Promise<IssueTokenState> {
  const viewer = await requireRole("office");
  const values = formValues(form, ["departmentId", "name"]);
  // The receipt of a submission keeps the token's id, never the token: a resent form is told it was issued.
  const outcome = await write(getDb(), viewer, issueToken, values, { submissionKey: submissionKeyOf(form) });
  if (!outcome.ok) return { ...stateOf(previous, outcome, "", values), token: null };
  revalidatePath("/settings/tokens");
  if (outcome.repeated) return { ...stateOf(previous, outcome, "此表单已发放过令牌（令牌只显示一次）", values), token: null };
  return { ...stateOf(previous, outcome, "令牌已发放", values), token: outcome.value.token };
}

export async function revokeTokenAction(previous: FormState, form: FormData): Promise<FormState> {
  const viewer = await requireRole("office");
  const values = formValues(form, ["id"]);
  const outcome = await write(getDb(), viewer, revokeToken, values, { submissionKey: submissionKeyOf(form) });
  if (outcome.ok) revalidatePath("/settings/tokens");
  return stateOf(previous, outcome, "已吊销", values);
}
