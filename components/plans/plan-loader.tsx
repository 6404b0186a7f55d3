"use client";

import { useActionState, useState } from "react";
import { readPlan, type ReadState } from "@/app/plans/new/actions";
import { MAX_PLAN_BYTES, PLAN_FILE_ACCEPT, planFileTooLarge } from "@/lib/plans/decode-upload";
import type { PickableDepartment } from "@/lib/plans/review";
import { PlanReviewForm } from "./plan-review-form";

/** Step 1: paste or upload the plan's text. Step 2: review what was read and settle the units. */
export function PlanLoader({ departments, plans }: { departments: PickableDepartment[]; plans: { id: number; title: string }[] }) {
  const [state, action, pending] = useActionState<ReadState, FormData>(readPlan, { review: null, error: null });
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  if (state.review) return <PlanReviewForm review={state.review} submissionKey={state.submissionKey ?? ""} departments={departments} plans={plans} />;
  return (
    <form action={action} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-label="读取工作要点"
      onSubmit={(e) => { if (tooLarge) e.preventDefault(); }}>
      <label className="block text-sm font-medium" htmlFor="plan-text">粘贴工作要点全文</label>
      <textarea id="plan-text" name="text" rows={16} className="w-full rounded border border-slate-300 p-2 font-mono text-sm"
        placeholder="例如：一、……&#10;1．……〔责任单位：区发展改革委、区市场监管局〕" />
      <div className="flex flex-wrap items-center gap-4 text-sm">
        <label className="flex items-center gap-2">或上传文件（Word .docx、Excel 任务分解表 .xlsx、文字版 PDF、.txt）
          <input type="file" name="file" accept={PLAN_FILE_ACCEPT} className="text-sm" onChange={(e) => {
            // Said before sending: the server refuses it too, but only after the upload.
            const size = e.currentTarget.files?.[0]?.size ?? 0;
            setTooLarge(size > MAX_PLAN_BYTES ? planFileTooLarge(size) : null);
          }} />
        </label>
        <button type="submit" disabled={pending} className="rounded bg-blue-700 px-4 py-1.5 text-white disabled:opacity-50">{pending ? "读取中…" : "读取"}</button>
      </div>
      {(tooLarge ?? state.error) && <p role="alert" className="text-sm text-red-700">{tooLarge ?? state.error}</p>}
      <p className="text-xs text-slate-500">读取后先核对任务和责任单位，确认后才会保存；原文随工作要点一并保存。</p>
    </form>
  );
}
