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
  // No submission key: a write receipt keeps the action's result, and this result is the secret itself.
  const outcome = await write(getDb(), viewer, issueToken, values);
  if (!outcome.ok) return { ...stateOf(previous, outcome, "", values), token: null };
  revalidatePath("/settings/tokens");
  return { ...stateOf(previous, outcome, "令牌已发放", values), token: outcome.value.token };
}

export async function revokeTokenAction(previous: FormState, form: FormData): Promise<FormState> {
  const viewer = await requireRole("office");
  const values = formValues(form, ["id"]);
  const outcome = await write(getDb(), viewer, revokeToken, values, { submissionKey: submissionKeyOf(form) });
  if (outcome.ok) revalidatePath("/settings/tokens");
  return stateOf(previous, outcome, "已吊销", values);
}
