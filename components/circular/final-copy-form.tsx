"use client";

import { useActionState, useState } from "react";
import { uploadFinalCopyAction, type ActionState } from "@/app/circulars/actions";

export const DOCX_ACCEPT = ".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/**
 * 上传定稿: the office's edited final .docx (with the number typed in, say) replaces the issued circular's Word
 * copy; the generated file stays downloadable. Checked on the server: a real .docx of at most 4 MB.
 */
export function FinalCopyForm({ id, documentNumber, replacing, submissionKey }: { id: number; documentNumber: string; replacing: boolean; submissionKey: string }) {
  const [open, setOpen] = useState(false);
  // Closed again once the copy is taken; the success message stays beside the button.
  const [state, action, pending] = useActionState<ActionState, FormData>(async (previous, form) => {
    const next = await uploadFinalCopyAction(previous, form);
    if (next.message) setOpen(false);
    return next;
  }, { message: null, errors: {} });
  const error = state.errors.file ?? state.errors.data ?? Object.values(state.errors)[0];
  if (!open) {
    return (
      <span className="flex flex-wrap items-center gap-2">
        <button type="button" onClick={() => setOpen(true)} className="text-xs text-blue-800 hover:underline">{replacing ? "重新上传定稿" : "上传定稿"}</button>
        {state.message && <span role="status" className="text-xs text-green-700">{state.message}</span>}
      </span>
    );
  }
  return (
    <form action={action} aria-label={`上传${documentNumber}的定稿`} className="flex w-full flex-wrap items-center gap-2 text-xs">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="submissionKey" value={submissionKey} />
      <label className="flex items-center gap-1">{documentNumber}的定稿（.docx，不超过4MB）
        <input type="file" name="file" required accept={DOCX_ACCEPT} className="text-xs" />
      </label>
      <button type="submit" disabled={pending} className="rounded bg-blue-700 px-2 py-0.5 text-white disabled:opacity-50">{pending ? "上传中…" : "上传"}</button>
      <button type="button" onClick={() => setOpen(false)} className="text-slate-600">取消</button>
      <span className="w-full text-slate-500">上传后，此通报的 Word 下载即为该文件；系统生成稿仍可下载。</span>
      {error && <p role="alert" className="w-full text-red-700">{error}</p>}
      {state.message && <p role="status" className="w-full text-green-700">{state.message}</p>}
    </form>
  );
}
