"use client";

import { useActionState } from "react";
import { issueCircularAction, type ActionState } from "@/app/circulars/actions";
import { DOCX_ACCEPT } from "./final-copy-form";

/**
 * Issuing freezes the files and gives the number; asked once more because it cannot be undone. The office may
 * attach its own edited final Word copy, which is then the issued copy (the generated one is kept beside it).
 */
export function IssueButton({ month, label, submissionKey }: { month: string; label: string; submissionKey: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(issueCircularAction, { message: null, errors: {} });
  const error = state.errors.file ?? state.errors.month ?? Object.values(state.errors)[0];
  return (
    <form action={action} aria-label={`印发${label}的通报`} className="flex flex-wrap items-center gap-2"
      onSubmit={(e) => {
        const file = (e.currentTarget.elements.namedItem("file") as HTMLInputElement | null)?.files?.[0];
        const copy = file ? `印发件为所选定稿“${file.name}”。` : "印发件为系统生成的 Word。";
        if (!window.confirm(`确认印发${label}的通报？${copy}印发后文件将固定并编号，不能修改。`)) e.preventDefault();
      }}>
      <input type="hidden" name="month" value={month} />
      <input type="hidden" name="submissionKey" value={submissionKey} />
      <label className="flex items-center gap-1 text-xs text-slate-600">定稿（可选，.docx）
        <input type="file" name="file" accept={DOCX_ACCEPT} className="max-w-52 text-xs" />
      </label>
      <button type="submit" disabled={pending} className="rounded bg-red-700 px-3 py-1 text-sm text-white disabled:opacity-50">{pending ? "印发中…" : "印发"}</button>
      {error && <p role="alert" className="w-full text-xs text-red-700">{error}</p>}
      {state.message && <p role="status" className="w-full text-xs text-green-700">{state.message}</p>}
    </form>
  );
}
