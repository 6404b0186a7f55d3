"use client";

import { useActionState } from "react";
import { INITIAL_FORM_STATE, type FormState } from "@/app/settings/_lib/form-state";
import { resetPasswordAction } from "@/app/settings/users/actions";
import { BUTTON, FieldError, FormOutcome, INPUT } from "./form-bits";

/** The office sets a new password; this also lifts a sign-in lock and ends the account's sessions. */
export function ResetPasswordForm({ id, username, submissionKey }: { id: number; username: string; submissionKey: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(resetPasswordAction, INITIAL_FORM_STATE);
  return (
    <form action={action} className="flex flex-wrap items-start gap-3 text-sm" aria-label={`重置 ${username} 的密码`}>
      <input type="hidden" name="submissionKey" value={submissionKey} />
      <input type="hidden" name="id" value={id} />
      <label className="flex flex-col gap-1">新密码
        <input key={state.seq} name="password" type="password" autoComplete="new-password" maxLength={128} required className={INPUT} />
        <FieldError message={state.errors.password} />
      </label>
      <div className="flex items-center gap-3 self-end pb-0.5">
        <button type="submit" disabled={pending} className={BUTTON}>{pending ? "重置中…" : "重置密码"}</button>
        <FormOutcome state={state} fields={["password"]} />
      </div>
      <p className="basis-full text-xs text-slate-500">重置后该账号被解除锁定，已登录的会话全部退出，需用新密码重新登录。</p>
    </form>
  );
}
