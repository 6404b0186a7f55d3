"use client";

import { useActionState } from "react";
import { INITIAL_FORM_STATE, type FormState } from "@/app/settings/_lib/form-state";
import { createUserAction } from "@/app/settings/users/actions";
import { AccountFields, type ScopeChoices } from "./account-fields";
import { BUTTON, FieldError, FormOutcome, INPUT } from "./form-bits";

const FIELDS = ["username", "displayName", "role", "departmentId", "districtId", "password"] as const;

export function CreateUserForm({ choices, submissionKey }: { choices: ScopeChoices; submissionKey: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(createUserAction, INITIAL_FORM_STATE);
  return (
    <form action={action} className="grid gap-3 text-sm sm:grid-cols-3" aria-label="新建账号">
      <input type="hidden" name="submissionKey" value={submissionKey} />
      {/* Remounted after every answer so a refused form shows what was typed, a created one starts empty. */}
      <div key={state.seq} className="contents">
        <label className="flex flex-col gap-1">账号
          <input name="username" defaultValue={state.values.username ?? ""} autoComplete="off" maxLength={32} required className={INPUT} />
          <span className="text-xs text-slate-500">字母、数字、下划线、点或连字符</span>
          <FieldError message={state.errors.username} />
        </label>
        <AccountFields values={state.values} errors={state.errors} choices={choices} />
        <label className="flex flex-col gap-1">初始密码
          <input name="password" type="password" autoComplete="new-password" maxLength={128} required className={INPUT} />
          <span className="text-xs text-slate-500">至少8位，含字母、数字、符号中的两类，不含账号</span>
          <FieldError message={state.errors.password} />
        </label>
      </div>
      <div className="flex items-center gap-3 sm:col-span-3">
        <button type="submit" disabled={pending} className={BUTTON}>{pending ? "创建中…" : "创建账号"}</button>
        <FormOutcome state={state} fields={FIELDS} />
      </div>
    </form>
  );
}
