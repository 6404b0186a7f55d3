"use client";

import { useActionState } from "react";
import { issueCircularAction, type ActionState } from "@/app/circulars/actions";

/** Issuing freezes the files and gives the number; asked once more because it cannot be undone. */
export function IssueButton({ month, label, submissionKey }: { month: string; label: string; submissionKey: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(issueCircularAction, { message: null, errors: {} });
  return (
    <form action={action} onSubmit={(e) => { if (!window.confirm(`确认印发${label}的通报？印发后文件将固定并编号，不能修改。`)) e.preventDefault(); }}>
      <input type="hidden" name="month" value={month} />
      <input type="hidden" name="submissionKey" value={submissionKey} />
      <button type="submit" disabled={pending} className="rounded bg-red-700 px-3 py-1 text-sm text-white disabled:opacity-50">{pending ? "印发中…" : "印发"}</button>
      {state.errors.month && <p role="alert" className="mt-1 text-xs text-red-700">{state.errors.month}</p>}
      {state.message && <p role="status" className="mt-1 text-xs text-green-700">{state.message}</p>}
    </form>
  );
}
