"use client";

import { useActionState } from "react";
import { changeOwnPasswordAction } from "@/app/account/actions";
import { INITIAL_FORM_STATE, type FormState } from "@/app/settings/_lib/form-state";
import { BUTTON, FieldError, FormOutcome, INPUT } from "./form-bits";

const FIELDS = ["current", "password", "confirm"] as const;

export function ChangePasswordForm({ submissionKey, username }: { submissionKey: string; username: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(changeOwnPasswordAction, INITIAL_FORM_STATE);
  return (
    <form action={action} className="max-w-sm space-y-3 text-sm" aria-label="修改密码">
      <input type="hidden" name="submissionKey" value={submissionKey} />
      {/* Lets a password manager file the new password under this account. */}
      <input type="hidden" name="username" value={username} autoComplete="username" />
      <div key={state.seq} className="space-y-3">
        <label className="flex flex-col gap-1">当前密码
          <input name="current" type="password" autoComplete="current-password" maxLength={200} required className={INPUT} />
          <FieldError message={state.errors.current} />
        </label>
        <label className="flex flex-col gap-1">新密码
          <input name="password" type="password" autoComplete="new-password" maxLength={128} required className={INPUT} />
          <span className="text-xs text-slate-500">至少8位，含字母、数字、符号中的两类，不含账号</span>
          <FieldError message={state.errors.password} />
        </label>
        <label className="flex flex-col gap-1">确认新密码
          <input name="confirm" type="password" autoComplete="new-password" maxLength={128} required className={INPUT} />
          <FieldError message={state.errors.confirm} />
        </label>
      </div>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className={BUTTON}>{pending ? "提交中…" : "修改密码"}</button>
        <FormOutcome state={state} fields={FIELDS} />
      </div>
    </form>
  );
}
