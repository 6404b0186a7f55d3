"use client";

import { useActionState } from "react";
import { INITIAL_FORM_STATE, type FormState } from "@/app/settings/_lib/form-state";
import { revokeTokenAction } from "@/app/settings/tokens/actions";

/** 吊销, after a confirmation: the department's system is refused from its next call. */
export function RevokeTokenButton({ id, name, submissionKey }: { id: number; name: string; submissionKey: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(revokeTokenAction, INITIAL_FORM_STATE);
  return (
    <form action={action} onSubmit={(e) => { if (!window.confirm(`吊销令牌“${name}”？使用它的系统将立即无法调用接口。`)) e.preventDefault(); }} className="inline-flex items-center gap-2">
      <input type="hidden" name="submissionKey" value={submissionKey} />
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className="text-red-700 hover:underline disabled:opacity-50">{pending ? "吊销中…" : "吊销"}</button>
      {!state.ok && state.message && <span role="alert" className="text-xs text-red-700">{state.message}</span>}
    </form>
  );
}
