"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { requireRole } from "@/lib/auth/request";
import { createUser, resetPassword, updateUser } from "@/lib/users/actions";
import { write } from "@/lib/write";
import { formValues, stateOf, submissionKeyOf, type FormState } from "../_lib/form-state";

const ACCOUNT_FIELDS = ["displayName", "role", "departmentId", "districtId"] as const;

export async function createUserAction(previous: FormState, form: FormData): Promise<FormState> {
  const viewer = await requireRole("office");
  const values = formValues(form, ["username", ...ACCOUNT_FIELDS]);
  const outcome = await write(getDb(), viewer, createUser, { ...values, password: form.get("password") ?? "" }, { submissionKey: submissionKeyOf(form) });
  if (outcome.ok) revalidatePath("/settings/users");
  return stateOf(previous, outcome, `账号“${values.username?.trim() ?? ""}”已创建`, values);
}

export async function updateUserAction(previous: FormState, form: FormData): Promise<FormState> {
  const viewer = await requireRole("office");
  const values = formValues(form, ["id", ...ACCOUNT_FIELDS, "active"]);
  // An unticked checkbox sends nothing: the account is then disabled.
  const outcome = await write(getDb(), viewer, updateUser, { ...values, active: values.active ?? "" }, { submissionKey: submissionKeyOf(form) });
  if (outcome.ok) revalidatePath("/settings/users");
  return stateOf(previous, outcome, "已保存", values);
}

export async function resetPasswordAction(previous: FormState, form: FormData): Promise<FormState> {
  const viewer = await requireRole("office");
  const values = formValues(form, ["id"]);
  const outcome = await write(getDb(), viewer, resetPassword, { ...values, password: form.get("password") ?? "" }, { submissionKey: submissionKeyOf(form) });
  if (outcome.ok) revalidatePath("/settings/users");
  return stateOf(previous, outcome, "密码已重置，账号已解除锁定，该账号的登录会话已全部退出", values);
}
