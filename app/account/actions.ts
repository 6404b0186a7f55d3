"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { requireViewer } from "@/lib/auth/request";
import { changeOwnPassword } from "@/lib/users/actions";
import { write } from "@/lib/write";
import { stateOf, submissionKeyOf, type FormState } from "../settings/_lib/form-state";

export async function changeOwnPasswordAction(previous: FormState, form: FormData): Promise<FormState> {
  const viewer = await requireViewer();
  const input = { current: form.get("current") ?? "", password: form.get("password") ?? "", confirm: form.get("confirm") ?? "" };
  const outcome = await write(getDb(), viewer, changeOwnPassword, input, { submissionKey: submissionKeyOf(form) });
  // A fresh submission key for the next change; passwords are never sent back to the form.
  if (outcome.ok) revalidatePath("/account");
  return stateOf(previous, outcome, "密码已修改；您在其他设备上的登录已退出", {});
}
